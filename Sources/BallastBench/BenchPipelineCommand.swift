import BallastApp
import BallastCore
import BallastStore
import Fluent
import Foundation
import Vapor

/// `ballast bench pipeline`: pool counts at a past date over a long stage history (issue 5:
/// 200 000 pool transitions, ≤ 300 ms). Loads once into a district of its own: 50 000 projects,
/// each imported into 谋划 and then moved on through the pools (a few exit), four steps each.
struct BenchPipelineCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "projects", help: "项目数 / projects (default 50000)") var projects: Int?
    }

    var help: String { "四库统计的耗时 / time to count the pools at past dates" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let n = signature.projects ?? 50_000
        let db = context.application.db
        let id = try await BenchSupport.district(code: "bench-pipe-\(n)", name: "四库基准", on: db, console: context.console) { id in
            "\(n) projects, \(try await Self.load(district: id, projects: n, on: db)) stage changes"
        }
        for (label, day) in [("2022-09-30", CalendarDate(year: 2022, month: 9, day: 30)!), ("2023-06-30", CalendarDate(year: 2023, month: 6, day: 30)!),
                             ("2023-12-31", CalendarDate(year: 2023, month: 12, day: 31)!)] {
            var poolTimes: [Double] = [], times: [Double] = []
            var figures: PipelineFigures?
            for _ in 0..<5 {
                var t = ContinuousClock.now
                _ = try await PipelineQuery.poolsAt(districtID: id, year: day.year, asOf: day, scopeUnitID: nil, on: db)
                poolTimes.append(BenchSupport.seconds(t))
                t = ContinuousClock.now
                figures = try await PipelineQuery.run(districtID: id, year: day.year, asOf: day, on: db)
                times.append(BenchSupport.seconds(t))
            }
            poolTimes.sort(); times.sort()
            let pools = figures?.pools.map { "\($0.stage.rawValue) \($0.projects)" }.joined(separator: ", ") ?? ""
            context.console.print(String(format: "as of %@: pools at the date median %.0f ms (min %.0f, max %.0f); with the year's moves and entries %.0f ms — %@",
                                         label, poolTimes[2] * 1000, poolTimes[0] * 1000, poolTimes[4] * 1000, times[2] * 1000, pools))
        }
        // Cohorts: a quarter's entrants into 招引 (about a half of the projects) and the whole
        // district entering 谋划 (every project, all 200 000 steps), followed to the end of 2023
        // (after every step) and to a day in the middle of the history (most moved after it).
        let end2023 = CalendarDate(year: 2023, month: 12, day: 31)!, sept2022 = CalendarDate(year: 2022, month: 9, day: 30)!
        for (pool, from, to, asOf) in [(LifecycleStage.attracting, CalendarDate(year: 2022, month: 4, day: 1)!, CalendarDate(year: 2022, month: 6, day: 30)!, end2023),
                                       (LifecycleStage.conceived, CalendarDate(year: 2022, month: 1, day: 1)!, CalendarDate(year: 2022, month: 3, day: 31)!, end2023),
                                       (LifecycleStage.conceived, CalendarDate(year: 2022, month: 1, day: 1)!, CalendarDate(year: 2022, month: 3, day: 31)!, sept2022)] {
            var times: [Double] = []
            var result: CohortQuery.Result?
            for _ in 0..<5 {
                let t = ContinuousClock.now
                result = try await CohortQuery.run(districtID: id, pool: pool, from: from, to: to, asOf: asOf, scopeUnitID: nil, on: db)
                times.append(BenchSupport.seconds(t))
            }
            times.sort()
            let s = result?.summary
            context.console.print(String(format: "cohort %@ %@…%@ followed to %@: %d projects, median %.0f ms (min %.0f, max %.0f); median days in pool %d",
                                         pool.rawValue, from.iso, to.iso, asOf.iso, s?.projects ?? 0, times[2] * 1000, times[0] * 1000, times[4] * 1000,
                                         s?.daysInPool.median ?? -1))
        }
    }

    /// The bench ledger in 谋划, then three more steps per project spread over 2022–2023.
    static func load(district id: UUID, projects n: Int, on db: any Database) async throws -> Int {
        let writer = LedgerWriter(districtID: id, year: 2023, actor: ChangeActor(name: "bench"),
                                  today: CalendarDate(year: 2022, month: 1, day: 3)!, milestoneTemplate: nil)
        let records = BenchSupport.records(count: n, prefix: "P").map { r -> LedgerRecord in
            var r = r
            r.stage = .conceived
            return r
        }
        for chunk in stride(from: 0, to: n, by: 10_000) {
            _ = try await db.writeTransaction { tx in try await writer.apply(Array(records[chunk..<min(chunk + 10_000, n)]), on: tx) }
        }
        let projects = try await ProjectModel.query(on: db).filter(\.$district.$id == id).all()
        var rng = SystemRandomNumberGenerator()
        var total = projects.count
        let start = CalendarDate(year: 2022, month: 1, day: 3)!
        for chunk in stride(from: 0, to: projects.count, by: 10_000) {
            var steps: [StageChangeModel] = []
            for p in projects[chunk..<min(chunk + 10_000, projects.count)] {
                var day = start
                var from = LifecycleStage.conceived
                let path: [LifecycleStage] = Int.random(in: 0..<8, using: &rng) == 0 ? [.attracting, .exited, .conceived]
                    : [.attracting, .signed, .landed]
                for to in path {
                    day = day.adding(days: Int.random(in: 20...200, using: &rng))
                    steps.append(StageChangeModel(projectID: p.id!, from: from.rawValue, to: to.rawValue, effectiveOn: day, actor: "bench"))
                    from = to
                }
            }
            total += steps.count
            let batch = steps
            try await db.writeTransaction { tx in try await StageHistory.record(batch, on: tx) }
        }
        return total
    }
}
