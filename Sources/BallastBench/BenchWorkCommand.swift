import BallastApp
import BallastCore
import BallastStore
import Fluent
import Foundation
import Vapor

/// `ballast bench work --projects N --units U`: what the header's due count costs every page
/// (issue 23): `WorkQueue.items`, the same function as the 工作台 and `GET /api/v1/todo`, for a
/// unit's clerk, the project office and 督查室, on a portfolio with a year of reports and
/// milestones, the month of July open and nothing of it reported.
struct BenchWorkCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "projects", help: "项目数 / projects (default 400)") var projects: Int?
        @Option(name: "units", help: "责任单位数 / units (default 40)") var units: Int?
        @Option(name: "runs", help: "每项测量次数 / runs of each (default 20)") var runs: Int?
    }
    var help: String { "工作台与页眉待办数的耗时 / time to count what is due (工作台, header)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let n = signature.projects ?? 400, u = signature.units ?? 40, runs = max(1, signature.runs ?? 20)
        let db = context.application.db
        let today = CalendarDate(year: 2023, month: 7, day: 31)!
        let id = try await BenchSupport.district(code: "bench-work-\(n)-\(u)", name: "工作台基准", on: db, console: context.console) { id in
            try await BenchWarningsCommand.load(district: id, projects: n, units: u, on: db)
            // July and after not reported yet; one June report in ten still waiting for review.
            try await MonthlyReportModel.query(on: db).filter(\.$districtID == id).filter(\.$month >= 7).delete()
            let june = try await MonthlyReportModel.query(on: db).filter(\.$districtID == id).filter(\.$month == 6).all()
            for r in june.enumerated() where r.offset % 10 == 0 {
                r.element.status = ReportStatus.submitted.rawValue
                try await r.element.update(on: db)
            }
            return "\(n) projects of \(u) units, \(n * 6) reports to June (a tenth of June's submitted), \(n * 10) milestones"
        }
        let unit = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == id)
            .filter(\.$kind == ReferenceKind.unit.rawValue).sort(\.$name).first()
        let who: [(String, WorkQueue.Who)] = [
            ("unit clerk (\(unit?.name ?? "—"))", .init(districtID: id, unitID: unit?.id, permissions: Role.unit.permissions)),
            ("project office", .init(districtID: id, unitID: nil, permissions: Role.office.permissions)),
            ("督查室", .init(districtID: id, unitID: nil, permissions: Role.supervision.permissions)),
        ]
        for (label, w) in who {
            var best = Double.infinity, worst = 0.0, items = 0, count = 0
            for _ in 0..<runs {
                let t = ContinuousClock.now
                let list = try await WorkQueue.items(for: w, year: 2023, today: today, on: db)
                let s = BenchSupport.seconds(t)
                best = min(best, s); worst = max(worst, s)
                items = list.count; count = list.map(\.count).reduce(0, +)
            }
            context.console.print(String(format: "due count for the %@: best %.1f ms, worst %.1f ms over %d runs (%d rows, %d things due)",
                                         label, best * 1000, worst * 1000, runs, items, count))
        }
        context.console.print(String(format: "peak RSS %.0f MB", BenchSupport.peakRSSMegabytes()))
    }
}
