import BallastApp
import BallastCore
import BallastStore
import Fluent
import Foundation
import Vapor

/// `ballast bench monday --districts D --projects N --users U --sessions FILE`: the data and the
/// signed-in people of issue 29's Monday-morning load test (`Benchmarks/monday-morning.sh`).
/// Loads D districts of N projects each (units, a year of reports and milestones, colours, the
/// clock at 30 June 2023), then opens a session for each of U users of mixed roles spread over
/// the districts, and writes one line per user for the load script:
/// `cookie role district-code project-id` (the project one of the user's own).
struct BenchMondayCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "districts", help: "地区数 / districts (default 150)") var districts: Int?
        @Option(name: "projects", help: "每个地区的项目数 / projects per district (default 400)") var projects: Int?
        @Option(name: "users", help: "模拟用户数 / simulated users (default 500)") var users: Int?
        @Option(name: "sessions", help: "写出会话文件 / write the sessions file here") var sessions: String?
    }
    var help: String { "周一早高峰压测的数据与会话 / data and sessions for the Monday-morning load test" }

    /// The mix of people on a Monday morning: clerks most, then the office, leaders, 督查室, viewers.
    static let mix: [Role] = [.unit, .unit, .unit, .unit, .office, .office, .leader, .leader, .supervision, .viewer]

    func run(using context: CommandContext, signature: Signature) async throws {
        let d = max(1, min(signature.districts ?? 150, 1_000)), n = max(1, min(signature.projects ?? 400, 20_000))
        let users = max(1, min(signature.users ?? 500, 10_000))
        let db = context.application.db
        let day = CalendarDate(year: 2023, month: 6, day: 30)!
        let start = ContinuousClock.now
        var districts: [(UUID, String)] = []
        for i in 0..<d {
            let code = String(format: "monday-%03d", i)
            let id = try await BenchSupport.district(code: code, name: "周一基准\(i)", on: db, console: context.console) { id in
                try await BenchWarningsCommand.load(district: id, projects: n, units: 20, on: db)
                try await WarningEngine.recompute(districtID: id, year: 2023, asOf: day, on: db)
                try await BenchDashboardCommand.scatter(district: id, on: db)
                return "district \(i + 1) of \(d): \(n) projects of 20 units with a year of reports"
            }
            if let model = try await DistrictModel.find(id, on: db), model.frozenOn != day {
                model.frozenOn = day
                try await model.save(on: db)
            }
            districts.append((id, code))
        }
        let total = try await ProjectModel.query(on: db).count()
        context.console.print(String(format: "%d districts ready in %.0f s; %d projects in the database", d, BenchSupport.seconds(start), total))
        var lines: [String] = []
        for u in 0..<users {
            let (id, code) = districts[u % districts.count]
            let role = Self.mix[u % Self.mix.count]
            // A project of the district; a clerk belongs to that project's unit, so has projects of its own.
            let project = try await ProjectModel.query(on: db).filter(\.$district.$id == id).sort(\.$code)
                .offset((u / districts.count) % max(1, n)).first()
            let unitID = role == .unit ? project?.$unit.id : nil
            let user = try await BenchPagesCommand.user("monday-\(u)", displayName: "用户\(u)", role: role, district: id, unit: unitID, on: db)
            let cookie = try await SessionStore.open(for: user, address: nil, userAgent: "monday", on: db)
            lines.append("\(cookie) \(role.rawValue) \(code) \(project?.id?.uuidString ?? "-")")
        }
        if let path = signature.sessions {
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            context.console.print("\(lines.count) sessions written to \(path)")
        }
    }
}
