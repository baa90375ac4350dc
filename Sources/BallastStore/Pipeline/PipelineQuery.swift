import BallastCore
import Fluent
import Foundation
import SQLKit

/// 四库 figures, from the stage history so any past date is exact.
public struct PipelineFigures: Sendable, Equatable {
    public struct Pool: Sendable, Equatable {
        public var stage: LifecycleStage
        /// Projects in the pool at the end of `asOf`, and their total investment.
        public var projects: Int
        public var totalInvestment: Money
        /// Projects that entered the pool during the year up to `asOf` (what targets count).
        public var entered: Int
        public var target: Int?
    }

    public struct Flow: Sendable, Equatable {
        public var from: LifecycleStage?
        public var to: LifecycleStage
        public var projects: Int
    }

    public var year: Int
    public var asOf: CalendarDate
    public var pools: [Pool]
    /// Moves between stages in the year up to `asOf`, most frequent first.
    public var flows: [Flow]
    /// Exits in the year up to `asOf`, by reason.
    public var exitsByReason: [(reason: String, projects: Int)]

    public static func == (a: PipelineFigures, b: PipelineFigures) -> Bool {
        a.year == b.year && a.asOf == b.asOf && a.pools == b.pools && a.flows == b.flows
            && a.exitsByReason.map(\.reason) == b.exitsByReason.map(\.reason) && a.exitsByReason.map(\.projects) == b.exitsByReason.map(\.projects)
    }
}

public enum PipelineQuery {
    /// Each project's stage at the end of a day: its latest step on or before it (by date, then
    /// by when it was recorded). A window function on both databases.
    static func stageAt(districtID: UUID, asOf: CalendarDate, scopeUnitID: UUID?) -> SQLQueryString {
        var q: SQLQueryString = """
            (SELECT sc.project_id, sc.to_stage, ROW_NUMBER() OVER (PARTITION BY sc.project_id
                                                                  ORDER BY sc.effective_on DESC, sc.created_at DESC) AS rn
             FROM stage_changes sc JOIN projects p ON p.id = sc.project_id
             WHERE p.district_id = \(bind: districtID) AND sc.effective_on <= \(bind: asOf.iso)
            """
        if let scopeUnitID { q += " AND p.unit_id = \(bind: scopeUnitID)" }
        return q + ")"
    }

    public static func run(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID? = nil,
                           on db: any Database) async throws -> PipelineFigures {
        let sql = db as! any SQLDatabase
        var now: [String: (Int, Int64)] = [:]
        for row in try await sql.raw("""
            SELECT s.to_stage AS stage, COUNT(*) AS n, CAST(COALESCE(SUM(p.total_investment), 0) AS BIGINT) AS total
            FROM
            """ + stageAt(districtID: districtID, asOf: asOf, scopeUnitID: scopeUnitID) + """
             s JOIN projects p ON p.id = s.project_id WHERE s.rn = 1 GROUP BY s.to_stage
            """).all() {
            now[try row.decode(column: "stage", as: String.self)] = (try row.decode(column: "n", as: Int.self),
                                                                    try row.decode(column: "total", as: Int64.self))
        }
        let start = CalendarDate(year: year, month: 1, day: 1)!.iso
        var scope: SQLQueryString = ""
        if let scopeUnitID { scope = " AND p.unit_id = \(bind: scopeUnitID)" }
        var entered: [String: Int] = [:]
        var flows: [PipelineFigures.Flow] = []
        for row in try await sql.raw("""
            SELECT sc.from_stage, sc.to_stage, COUNT(DISTINCT sc.project_id) AS n
            FROM stage_changes sc JOIN projects p ON p.id = sc.project_id
            WHERE p.district_id = \(bind: districtID) AND sc.effective_on >= \(bind: start) AND sc.effective_on <= \(bind: asOf.iso)
            """ + scope + " GROUP BY sc.from_stage, sc.to_stage").all() {
            let to = try row.decode(column: "to_stage", as: String.self)
            let n = try row.decode(column: "n", as: Int.self)
            guard let toStage = LifecycleStage(rawValue: to) else { continue }
            flows.append(.init(from: try row.decode(column: "from_stage", as: String?.self).flatMap(LifecycleStage.init(rawValue:)), to: toStage, projects: n))
        }
        // Entered = distinct projects whose step into the pool fell in the period (a project
        // moved back and forward again counts once).
        for row in try await sql.raw("""
            SELECT sc.to_stage, COUNT(DISTINCT sc.project_id) AS n
            FROM stage_changes sc JOIN projects p ON p.id = sc.project_id
            WHERE p.district_id = \(bind: districtID) AND sc.effective_on >= \(bind: start) AND sc.effective_on <= \(bind: asOf.iso)
              AND (sc.from_stage IS NULL OR sc.from_stage <> sc.to_stage)
            """ + scope + " GROUP BY sc.to_stage").all() {
            entered[try row.decode(column: "to_stage", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        var exits: [(String, Int)] = []
        for row in try await sql.raw("""
            SELECT COALESCE(p.exit_reason, '') AS reason, COUNT(*) AS n
            FROM
            """ + stageAt(districtID: districtID, asOf: asOf, scopeUnitID: scopeUnitID) + """
             s JOIN projects p ON p.id = s.project_id
            WHERE s.rn = 1 AND s.to_stage = \(bind: LifecycleStage.exited.rawValue)
              AND EXISTS (SELECT 1 FROM stage_changes x WHERE x.project_id = s.project_id AND x.to_stage = \(bind: LifecycleStage.exited.rawValue)
                          AND x.effective_on >= \(bind: start) AND x.effective_on <= \(bind: asOf.iso))
            GROUP BY COALESCE(p.exit_reason, '') ORDER BY n DESC, reason
            """).all() {
            exits.append((try row.decode(column: "reason", as: String.self), try row.decode(column: "n", as: Int.self)))
        }
        let targets = try await PoolTargetModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year).all()
        let targetBy = Dictionary(targets.map { ($0.stage, $0.target) }, uniquingKeysWith: { a, _ in a })
        let pools = LifecycleStage.pools.map { s in
            PipelineFigures.Pool(stage: s, projects: now[s.rawValue]?.0 ?? 0, totalInvestment: Money(yuan: now[s.rawValue]?.1 ?? 0),
                                 entered: entered[s.rawValue] ?? 0, target: targetBy[s.rawValue])
        }
        flows.sort { a, b in a.projects != b.projects ? a.projects > b.projects : (a.to.order ?? 99, a.from?.rawValue ?? "") < (b.to.order ?? 99, b.from?.rawValue ?? "") }
        return PipelineFigures(year: year, asOf: asOf, pools: pools, flows: flows, exitsByReason: exits)
    }

    /// Sets the year's targets (pools not named keep theirs). Audited.
    public static func setTargets(_ targets: [LifecycleStage: Int], districtID: UUID, year: Int, actor: ChangeActor,
                                  on db: any Database) async throws {
        try await db.writeTransaction { tx in
            for (stage, target) in targets {
                let existing = try await PoolTargetModel.query(on: tx).filter(\.$districtID == districtID).filter(\.$year == year)
                    .filter(\.$stage == stage.rawValue).first()
                let before = existing?.target
                let row = existing ?? PoolTargetModel()
                if existing == nil { row.id = UUID(); row.districtID = districtID; row.year = year; row.stage = stage.rawValue }
                row.target = target
                try await row.save(on: tx)
                try await Audit.record(on: tx, districtID: districtID, actor: actor, action: existing == nil ? "create" : "update",
                                       entity: "pool-target", entityID: row.id, summary: "\(year) \(stage.rawValue)库目标 \(target)",
                                       before: before.map { ["target": $0] }, after: ["target": target])
            }
        }
    }
}
