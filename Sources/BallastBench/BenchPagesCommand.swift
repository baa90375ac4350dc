import BallastApp
import BallastCore
import BallastStore
import Fluent
import Foundation
import NIOCore
import Vapor

/// `ballast bench pages --projects N`: issue 29's page budgets. Signs in as each role and asks
/// for every page and API route that role reaches (every GET route of the route table without a
/// parameter, plus a project's page and API), through the whole middleware chain as `serve`
/// answers it (session, access policy, header counts, rendering), in-process so no socket is
/// timed. Each route is timed three ways, p50 and p95 over `--runs` requests:
/// - **fresh**: the instance's kept answers emptied before each request, as after a change;
/// - **kept**: asked again with the answers kept (`AnswerCache`);
/// - **304**: asked again with the ETag of the last answer.
/// Budgets: fresh ≤ 50 ms p50 for a district of 400 projects, ≤ 150 ms for a city of 6 000;
/// kept ≤ 5 ms. Prints a Markdown table (for docs/PERFORMANCE.md) and the routes past budget.
struct BenchPagesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "projects", help: "项目数 / projects (default 400)") var projects: Int?
        @Option(name: "units", help: "责任单位数 / units (default 40)") var units: Int?
        @Option(name: "runs", help: "每页每种测量的次数 / requests per route and way (default 20)") var runs: Int?
        @Option(name: "roles", help: "角色，逗号分隔 / roles, comma-separated (default all six)") var roles: String?
        @Option(name: "only", help: "只测路径含此文字的路由 / only routes whose path contains this") var only: String?
        @Flag(name: "history", help: "自一月起每月末研判一次（已全年运行的城市）/ colours judged at each month's end since January, as in a city that has run Ballast all year") var history: Bool
    }
    var help: String { "每个角色每个页面的响应时间 / every page's time for every role" }

    struct Timing {
        var role: String
        var path: String
        var fresh: [Double]
        var kept: [Double]
        var notModified: [Double]
        var bytes: Int
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let n = signature.projects ?? 400, units = signature.units ?? 40, runs = max(1, min(signature.runs ?? 20, 1_000))
        let app = context.application
        let db = app.db
        let day = CalendarDate(year: 2023, month: 6, day: 30)!
        let history = signature.history
        let id = try await BenchSupport.district(code: "bench-pages-\(n)-\(units)" + (history ? "-h" : ""), name: "页面基准", on: db, console: context.console) { id in
            try await BenchWarningsCommand.load(district: id, projects: n, units: units, on: db)
            // Without history the year is first judged on 30 June (a ledger imported mid-year):
            // a past month's colours are then judged by the rule when asked for (`ColourAsOf`).
            if history {
                for month in 1...5 {
                    try await WarningEngine.recompute(districtID: id, year: 2023, asOf: CalendarDate.clamped(year: 2023, month: month, day: CalendarDate.daysIn(month: month, year: 2023)), on: db)
                }
            }
            try await WarningEngine.recompute(districtID: id, year: 2023, asOf: day, on: db)
            try await BenchDashboardCommand.scatter(district: id, on: db)
            try await MapLayers.upload(districtID: id, year: 2023, geojson: BenchDashboardCommand.layer(), actor: ChangeActor(name: "bench"), on: db)
            return "\(n) projects of \(units) units with twelve months of reports, colours as of \(day.iso)"
        }
        // The district's clock stands at 30 June 2023, as the demo's does.
        if let d = try await DistrictModel.find(id, on: db), d.frozenOn != day {
            d.frozenOn = day
            try await d.save(on: db)
        }
        let unit = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == id)
            .filter(\.$kind == ReferenceKind.unit.rawValue).sort(\.$name).first()
        let project = try await ProjectModel.query(on: db).filter(\.$district.$id == id).sort(\.$code).first()
        let asked = signature.roles.map { $0.split(separator: ",").compactMap { Role(rawValue: String($0)) } }
            ?? [.office, .leader, .supervision, .unit, .viewer, .admin]
        var timings: [Timing] = []
        for role in asked {
            let cookie = try await Self.session(role: role, district: id, unit: role == .unit ? unit?.id : nil, on: db)
            var paths = Self.paths(app)
            if let p = project?.id { paths += [Site.project.link(p), Site.API.project.link(p)] }
            if let only = signature.only { paths = paths.filter { $0.contains(only) } }
            for path in paths {
                // Reached by this role? One request, kept answers emptied; anything but 200 is skipped.
                app.answers.removeAll()
                let (first, _, _) = try await Self.get(app, path, cookie: cookie)
                guard first == .ok else { continue }
                var t = Timing(role: role.rawValue, path: path, fresh: [], kept: [], notModified: [], bytes: 0)
                for _ in 0..<runs {
                    app.answers.removeAll()
                    let start = ContinuousClock.now
                    let (_, _, bytes) = try await Self.get(app, path, cookie: cookie)
                    t.fresh.append(BenchSupport.seconds(start) * 1000)
                    t.bytes = bytes
                }
                var tag: String?
                for _ in 0..<runs {
                    let start = ContinuousClock.now
                    let (_, etag, _) = try await Self.get(app, path, cookie: cookie)
                    t.kept.append(BenchSupport.seconds(start) * 1000)
                    tag = etag
                }
                if let tag {
                    for _ in 0..<runs {
                        let start = ContinuousClock.now
                        let (status, _, _) = try await Self.get(app, path, cookie: cookie, ifNoneMatch: tag)
                        t.notModified.append(BenchSupport.seconds(start) * 1000)
                        if status != .notModified { context.console.print("\(role.rawValue) \(path): ETag not honoured (\(status.code))") }
                    }
                }
                timings.append(t)
            }
        }
        report(timings, projects: n, runs: runs, console: context.console)
        let f = app.answers.figures
        context.console.print(String(format: "kept answers at the end: %d entries, %.1f MB; peak RSS %.0f MB",
                                     f.entries, Double(f.bytes) / 1_048_576, BenchSupport.peakRSSMegabytes()))
    }

    func report(_ timings: [Timing], projects: Int, runs: Int, console: any Console) {
        let budget: Double = projects <= 400 ? 50 : 150
        console.print("| role | route | fresh p50 | fresh p95 | kept p50 | kept p95 | 304 p50 | KB |")
        console.print("|---|---|---|---|---|---|---|---|")
        for t in timings {
            console.print(String(format: "| %@ | `%@` | %.1f | %.1f | %.2f | %.2f | %@ | %.0f |", t.role, t.path,
                                 Self.percentile(t.fresh, 50), Self.percentile(t.fresh, 95), Self.percentile(t.kept, 50),
                                 Self.percentile(t.kept, 95), t.notModified.isEmpty ? "—" : String(format: "%.2f", Self.percentile(t.notModified, 50)),
                                 Double(t.bytes) / 1024))
        }
        let slow = timings.filter { Self.percentile($0.fresh, 50) > budget }
        let slowKept = timings.filter { Self.percentile($0.kept, 50) > 5 }
        let worst = timings.max { Self.percentile($0.fresh, 50) < Self.percentile($1.fresh, 50) }
        let worstKept = timings.max { Self.percentile($0.kept, 50) < Self.percentile($1.kept, 50) }
        console.print(String(format: "%d routes × roles, %d requests each way, %d projects. Fresh p50 budget %.0f ms: %d past it; kept p50 budget 5 ms: %d past it.",
                             timings.count, runs, projects, budget, slow.count, slowKept.count))
        if let w = worst { console.print(String(format: "slowest fresh: %@ %@ p50 %.1f ms", w.role, w.path, Self.percentile(w.fresh, 50))) }
        if let w = worstKept { console.print(String(format: "slowest kept: %@ %@ p50 %.2f ms", w.role, w.path, Self.percentile(w.kept, 50))) }
        for t in slow { console.print(String(format: "  past the fresh budget: %@ %@ p50 %.1f ms", t.role, t.path, Self.percentile(t.fresh, 50))) }
        for t in slowKept { console.print(String(format: "  past the kept budget: %@ %@ p50 %.2f ms", t.role, t.path, Self.percentile(t.kept, 50))) }
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// Every GET route without a parameter behind a reading policy, pages and API: not the
    /// files (exports, documents), the scripts and styles, or the open routes.
    static func paths(_ app: Application) -> [String] {
        app.routes.all.compactMap { route -> String? in
            guard route.method == .GET, let policy = route.accessPolicy, policy != .open, policy != .account else { return nil }
            var parts: [String] = []
            for c in route.path {
                guard case .constant(let s) = c else { return nil }
                parts.append(s)
            }
            let path = "/" + parts.joined(separator: "/")
            let files = ["export", ".xlsx", ".docx", ".pdf", ".csv", "openapi", "template", "signout"]
            return files.contains(where: path.contains) ? nil : path
        }
        .sorted()
    }

    /// A user of the role with an open session; its cookie's value.
    static func session(role: Role, district: UUID, unit: UUID?, on db: any Database) async throws -> String {
        let user = try await user("bench-\(role.rawValue)", displayName: "基准\(role.rawValue)", role: role, district: district, unit: unit, on: db)
        return try await SessionStore.open(for: user, address: nil, userAgent: "bench", on: db)
    }

    /// The bench's user of that name, made once: a leader's own projects are 领导0's.
    static func user(_ name: String, displayName: String, role: Role, district: UUID, unit: UUID?, on db: any Database) async throws -> UserModel {
        if let u = try await UserModel.query(on: db).filter(\.$district.$id == district).filter(\.$username == name).first() { return u }
        let user = UserModel(districtID: district, username: name, displayName: displayName, passwordHash: "-", roles: [role],
                             unitID: unit, mustChangePassword: false)
        if role == .leader { user.leaderName = "领导0" }
        try await user.create(on: db)
        return user
    }

    /// One request through the application's whole responder chain: status, ETag, body size.
    static func get(_ app: Application, _ path: String, cookie: String, ifNoneMatch: String? = nil) async throws -> (HTTPStatus, String?, Int) {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(SessionStore.cookieName)=\(cookie)")
        headers.add(name: .acceptLanguage, value: "zh-CN")
        if let ifNoneMatch { headers.add(name: .ifNoneMatch, value: ifNoneMatch) }
        let req = Request(application: app, method: .GET, url: URI(string: path), headers: headers, on: app.eventLoopGroup.any())
        let res = try await app.responder.respond(to: req).get()
        var size = res.body.count
        if size < 0, let stream = res.body.buffer { size = stream.readableBytes }
        return (res.status, res.headers.first(name: .eTag), max(size, 0))
    }
}
