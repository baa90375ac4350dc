import BallastCore
import BallastStore
import Fluent
import Foundation
import Vapor

/// `ballast bench auth`: what the session check adds to a request. The same request runs
/// through `AccessMiddleware` under an open policy (no check) and under a signed-in policy
/// (cookie → one joined query → principal), alternately in one run, so both see the same
/// database, caches and machine load.
struct BenchAuthCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "requests", help: "每种各多少次 / requests of each kind (default 5000)")
        var requests: Int?
    }
    var help: String { "会话校验的耗时 / time a session check adds to a request" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let n = signature.requests ?? 5_000
        let district = try await DistrictContext.findOrCreate(code: nil, name: nil, on: app.db)
        let name = "bench-\(UUID().uuidString.prefix(8))"
        // "-" is no bcrypt hash: this user never signs in; the session is opened directly.
        let user = UserModel(districtID: try district.requireID(), username: name, displayName: name, passwordHash: "-",
                             roles: [.viewer], unitID: nil, mustChangePassword: false)
        try await user.create(on: app.db)
        let token = try await SessionStore.open(for: user, address: nil, userAgent: "bench", on: app.db)

        let ok = AsyncBasicResponder { _ in Response(status: .ok) }
        let open = AccessMiddleware(policy: .open), checked = AccessMiddleware(policy: .signedIn)
        func once(_ middleware: AccessMiddleware) async throws -> Double {
            let req = Request(application: app, method: .GET, url: URI(string: "/api/v1/me"), on: app.eventLoopGroup.next())
            req.headers.cookie = HTTPCookies(dictionaryLiteral: (SessionStore.cookieName, HTTPCookies.Value(string: token)))
            let start = ContinuousClock.now
            let res = try await middleware.respond(to: req, chainingTo: ok)
            let ms = BenchSupport.seconds(start) * 1000
            guard res.status == .ok else { throw CommandFailure("unexpected \(res.status)") }
            return ms
        }
        for _ in 0..<200 { _ = try await once(open); _ = try await once(checked) }  // warm up
        var without: [Double] = [], with: [Double] = []
        for _ in 0..<n {
            without.append(try await once(open))
            with.append(try await once(checked))
        }
        without.sort(); with.sort()
        func p(_ xs: [Double], _ q: Double) -> Double { xs[min(xs.count - 1, Int(Double(xs.count) * q))] }
        let added = p(with, 0.5) - p(without, 0.5)
        context.console.print(String(format: "%d requests each: without auth median %.3f ms, p99 %.3f ms; with session check median %.3f ms, p99 %.3f ms",
                                     n, p(without, 0.5), p(without, 0.99), p(with, 0.5), p(with, 0.99)))
        context.console.print(String(format: "the session check adds %.3f ms at the median, %.3f ms at p99 (budget 1 ms)",
                                     added, p(with, 0.99) - p(without, 0.99)))
        try await SessionModel.query(on: app.db).filter(\.$user.$id == user.requireID()).delete()
        try await user.delete(on: app.db)
    }
}
