import BallastApp
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
        @Option(name: "failed-sign-ins", help: "同时进行这么多次失败登录，测其他用户读取的耗时 / reads timed while this many sign-ins fail")
        var failedSignIns: Int?
        @Option(name: "hashing", help: "own（bcrypt 独立线程池，默认）或 shared（与数据库共用）/ own or shared pool for bcrypt")
        var hashing: String?
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

        if let flood = signature.failedSignIns {
            try await Self.flood(app, district: district, token: token, failures: flood, shared: signature.hashing == "shared", context: context)
            try await SessionModel.query(on: app.db).filter(\.$user.$id == user.requireID()).delete()
            try await user.delete(on: app.db)
            return
        }
        let ok = AsyncBasicResponder { _ in Response(status: .ok) }
        let open = AccessMiddleware(policy: .open), checked = AccessMiddleware(policy: .signedIn)
        func once(_ middleware: AccessMiddleware) async throws -> Double {
            let req = Request(application: app, method: .GET, url: URI(string: Site.API.me.link), on: app.eventLoopGroup.next())
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

    /// Other users' reads (session check plus a page of the project list) before and while
    /// `failures` sign-ins with wrong passwords run 32 at a time, each a full bcrypt at the
    /// deployment's cost: on the blocking pool the database uses (`shared`), or on bcrypt's own.
    static func flood(_ app: Application, district: DistrictModel, token: String, failures: Int, shared: Bool,
                      context: CommandContext) async throws {
        let hashing = PasswordHashing(cost: app.security.bcryptCost, pool: shared ? app.threadPool : app.hashingThreads,
                                      eventLoop: app.eventLoopGroup.next())
        let ok = AsyncBasicResponder { req in
            _ = try await ProjectListQuery.run(districtID: try district.requireID(), filter: ProjectFilter(), on: req.db)
            return Response(status: .ok)
        }
        let checked = AccessMiddleware(policy: .signedIn)
        func read() async throws -> Double {
            let req = Request(application: app, method: .GET, url: URI(string: Site.API.projects.link), on: app.eventLoopGroup.next())
            req.headers.cookie = HTTPCookies(dictionaryLiteral: (SessionStore.cookieName, HTTPCookies.Value(string: token)))
            let start = ContinuousClock.now
            _ = try await checked.respond(to: req, chainingTo: ok)
            return BenchSupport.seconds(start) * 1000
        }
        func summary(_ xs: [Double]) -> String {
            let s = xs.sorted()
            func p(_ q: Double) -> Double { s.isEmpty ? 0 : s[min(s.count - 1, Int(Double(s.count) * q))] }
            return String(format: "%d reads, median %.1f ms, p95 %.1f ms", s.count, p(0.5), p(0.95))
        }
        var before: [Double] = []
        for _ in 0..<200 { before.append(try await read()) }
        let started = ContinuousClock.now
        let finished = FinishedFlag()
        let attack = Task {
            defer { Task { await finished.set() } }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<failures {
                    if i >= 32 { try await group.next() }
                    group.addTask {
                        // A different name and address each time, so the throttle never spares the bcrypt.
                        _ = try await SignInService(db: app.db, passwordHashing: hashing, address: "10.\(i / 65_536 % 256).\(i / 256 % 256).\(i % 256)",
                                                    userAgent: "bench").attempt(username: "nobody-\(i)", password: "wrong-password-1")
                    }
                }
                try await group.waitForAll()
            }
        }
        var during: [Double] = []
        while !(await finished.value), during.count < 100_000 {
            during.append(try await read())
        }
        try await attack.value
        context.console.print("bcrypt cost \(app.security.bcryptCost) on \(shared ? "the shared blocking pool" : "its own pool"), \(failures) failed sign-ins in \(String(format: "%.1f", BenchSupport.seconds(started))) s")
        context.console.print("before: " + summary(before))
        context.console.print("during: " + summary(during))
    }

    actor FinishedFlag {
        private(set) var value = false
        func set() { value = true }
    }
}
