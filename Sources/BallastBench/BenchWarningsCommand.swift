import BallastApp
import BallastCore
import BallastStore
import Fluent
import Foundation
import Vapor

/// `ballast bench warnings`: recomputing the colours of a large portfolio (issue 4: 60 000
/// projects with 12 months of reports and 10 milestones each, ≤ 2 s). Loads the data once into
/// a district of its own, then times a first recompute (every colour new) and a second (nothing
/// changed), and the evaluation alone.
struct BenchWarningsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "projects", help: "项目数 / projects (default 60000)") var projects: Int?
    }
    var help: String { "重算四色预警的耗时 / time to recompute the warning colours" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let n = signature.projects ?? 60_000
        let db = context.application.db
        let id = try await BenchSupport.district(code: "bench-warn-\(n)", name: "预警基准", on: db, console: context.console) { id in
            try await Self.load(district: id, projects: n, on: db)
            return "\(n) projects, \(n * 12) reports, \(n * 10) milestones"
        }
        let asOf = CalendarDate(year: 2023, month: 12, day: 31)!
        var t = ContinuousClock.now
        let first = try await WarningEngine.recompute(districtID: id, year: 2023, asOf: asOf, on: db)
        let firstTime = BenchSupport.seconds(t)
        t = ContinuousClock.now
        let second = try await WarningEngine.recompute(districtID: id, year: 2023, asOf: asOf, on: db)
        let secondTime = BenchSupport.seconds(t)
        t = ContinuousClock.now
        let evaluated = try await WarningEngine.evaluate(districtID: id, year: 2023, asOf: asOf, on: db)
        let evalTime = BenchSupport.seconds(t)
        context.console.print(String(format: "recompute %d projects: %.2f s (%d colour changes written), again %.2f s (%d changes); evaluate alone %.2f s; peak RSS %.0f MB",
                                     first.projects, firstTime, first.changed, secondTime, second.changed, evalTime,
                                     BenchSupport.peakRSSMegabytes()))
        var counts: [WarningColour: Int] = [:]
        for w in evaluated { counts[w.outcome.colour, default: 0] += 1 }
        context.console.print("colours: " + WarningColour.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
    }

    /// The bench ledger, then twelve months and ten milestones per project, in bulk.
    static func load(district id: UUID, projects n: Int, units: Int = 40, on db: any Database) async throws {
        // No template: the benchmark writes its own ten milestones per project.
        let writer = LedgerWriter(districtID: id, year: 2023, actor: ChangeActor(name: "bench"),
                                  today: CalendarDate(year: 2023, month: 1, day: 1)!, milestoneTemplate: nil)
        let records = BenchSupport.records(count: n, prefix: "W").map { r -> LedgerRecord in
            var r = r
            if r.annualPlan == nil { r.annualPlan = .wan(200) }
            r.unit = "单位\(r.row % units)"
            return r
        }
        for chunk in stride(from: 0, to: n, by: 10_000) {
            _ = try await db.writeTransaction { tx in try await writer.apply(Array(records[chunk..<min(chunk + 10_000, n)]), on: tx) }
        }
        let projects = try await ProjectModel.query(on: db).filter(\.$district.$id == id).all()
        var rng = SystemRandomNumberGenerator()
        for chunk in stride(from: 0, to: projects.count, by: 5_000) {
            var reports: [MonthlyReportModel] = [], milestones: [MilestoneModel] = []
            for p in projects[chunk..<min(chunk + 5_000, projects.count)] {
                for month in 1...12 {
                    let r = MonthlyReportModel()
                    r.id = UUID(); r.districtID = id; r.$project.id = p.id!; r.year = 2023; r.month = month
                    r.amount = Int64.random(in: 0...250_000, using: &rng); r.status = "approved"; r.late = false; r.version = 1
                    reports.append(r)
                }
                for seq in 1...10 {
                    let m = MilestoneModel()
                    m.id = UUID(); m.districtID = id; m.$project.id = p.id!; m.year = 2023; m.seq = seq; m.name = "节点\(seq)"
                    let planned = CalendarDate(year: 2023, month: seq, day: 15)!
                    m.planned = planned
                    m.actual = Int.random(in: 0...9, using: &rng) == 0 ? nil : planned.adding(days: Int.random(in: -5...10, using: &rng))
                    m.version = 1
                    milestones.append(m)
                }
            }
            let batch = (reports, milestones)
            try await db.writeTransaction { tx in
                try await MonthlyReportModel.insertAll(batch.0, on: tx)
                try await MilestoneModel.insertAll(batch.1, on: tx)
            }
        }
    }
}
