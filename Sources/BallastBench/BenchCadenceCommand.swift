import BallastApp
import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Foundation
import Vapor

/// `ballast bench cadence --projects N --units U`: issue 7's budgets — the weekly bulletin with
/// its .docx for a district of 400 projects (≤ 500 ms) and a city of 6 000 (≤ 3 s), the monthly
/// ranking of 200 units over 60 000 projects (≤ 500 ms). The portfolio has twelve months of
/// approved reports and ten milestones a project, its colours judged as of 30 June.
struct BenchCadenceCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "projects", help: "项目数 / projects (default 400)") var projects: Int?
        @Option(name: "units", help: "责任单位数 / units (default 40)") var units: Int?
        @Option(name: "runs", help: "每项测量次数 / runs of each (default 5)") var runs: Int?
    }
    var help: String { "周通报、月排名的生成耗时 / time to build the weekly bulletin and the ranking" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let n = signature.projects ?? 400, u = signature.units ?? 40, runs = max(1, signature.runs ?? 5)
        let db = context.application.db
        let asOf = CalendarDate(year: 2023, month: 6, day: 30)!
        let id = try await BenchSupport.district(code: "bench-cadence-\(n)-\(u)", name: "通报基准", on: db, console: context.console) { id in
            try await BenchWarningsCommand.load(district: id, projects: n, units: u, on: db)
            try await WarningEngine.recompute(districtID: id, year: 2023, asOf: asOf, on: db)
            return "\(n) projects of \(u) units, \(n * 12) reports, \(n * 10) milestones, colours as of \(asOf.iso)"
        }
        let week = ISOWeek(containing: asOf)
        func time(_ label: String, _ body: () async throws -> String) async throws {
            var best = Double.infinity, worst = 0.0, what = ""
            for _ in 0..<runs {
                let t = ContinuousClock.now
                what = try await body()
                let s = BenchSupport.seconds(t)
                best = min(best, s); worst = max(worst, s)
            }
            context.console.print(String(format: "%@: best %.0f ms, worst %.0f ms over %d runs (%@)", label, best * 1000, worst * 1000, runs, what))
        }
        try await time("weekly bulletin \(week) + .docx") {
            let b = try await WeeklyBulletin.build(districtID: id, week: week, asOf: asOf, on: db)
            let d = DocumentModel()
            d.id = UUID(); d.kind = .weeklyBulletin; d.period = week.description; d.title = "周通报"; d.status = .draft
            d.asOf = asOf; d.version = 0; d.payload = String(decoding: try JSONEncoder.sorted.encode(b), as: UTF8.self)
            let docx = try DocxWriter.write(try CadenceDrafts.layout(d, style: DocumentStyle.defaults(districtName: "基准区")).docx())
            return "\(b.headline.projects) projects, \(b.newlyLit.count) newly lit, \(b.litFourWeeks.count) lit 4+ weeks, docx \(docx.count / 1024) KB"
        }
        try await time("ranking 2023-06 (and May for the change)") {
            let r = try await UnitRanking.build(districtID: id, year: 2023, month: 6, asOf: asOf, on: db, alongside: context.application.database(beside: db.eventLoop))
            return "\(r.rows.count) units"
        }
        context.console.print(String(format: "peak RSS %.0f MB", BenchSupport.peakRSSMegabytes()))
    }
}
