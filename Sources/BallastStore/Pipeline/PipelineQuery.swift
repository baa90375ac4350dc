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

        public init(stage: LifecycleStage, projects: Int, totalInvestment: Money, entered: Int, target: Int?) {
            self.stage = stage; self.projects = projects; self.totalInvestment = totalInvestment; self.entered = entered; self.target = target
        }
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
    /// Each project's stage at the end of a day, from the span holding then (`stage_spans`),
    /// with the project's investment, exit reason, unit and chain, as rows (project_id, to_stage,
    /// effective_on, total_investment, exit_reason, unit_id, chain_id). One index range over the
    /// spans that end after the day, instead of finding each project's latest step.
    static func stagesAt(districtID: UUID, asOf: CalendarDate, scopeUnitID: UUID?) -> SQLQueryString {
        var scope: SQLQueryString = ""
        if let scopeUnitID { scope = " AND p.unit_id = \(bind: scopeUnitID)" }
        return """
            (SELECT s.project_id, s.stage AS to_stage, s.from_on AS effective_on, p.total_investment, p.exit_reason, p.unit_id, p.chain_id
             FROM stage_spans s JOIN projects p ON p.id = s.project_id
             WHERE s.district_id = \(bind: districtID) AND s.until_on > \(bind: asOf.iso) AND s.from_on <= \(bind: asOf.iso)
            """ + scope + ")"
    }

    /// The steps taken from the start of `year` to `asOf` (their spans), joined to their projects
    /// only when a unit's scope needs it.
    static func yearSteps(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID?) -> SQLQueryString {
        let start = CalendarDate.clamped(year: year, month: 1, day: 1).iso
        var q: SQLQueryString = " FROM stage_spans sc"
        if scopeUnitID != nil { q += " JOIN projects p ON p.id = sc.project_id" }
        q += " WHERE sc.district_id = \(bind: districtID) AND sc.from_on >= \(bind: start) AND sc.from_on <= \(bind: asOf.iso)"
        if let scopeUnitID { q += " AND p.unit_id = \(bind: scopeUnitID)" }
        return q
    }

    /// The projects in each of the four pools at the end of `asOf`, largest first; a unit's own
    /// where scoped. Read from the stage spans, as the pools' counts are (`poolsAt`), so the list
    /// under a past day's count is that day's projects, not today's.
    public static func poolProjects(districtID: UUID, asOf: CalendarDate, scopeUnitID: UUID?, on db: any Database) async throws -> [LifecycleStage: [ProjectRef]] {
        var projects: [LifecycleStage: [ProjectRef]] = [:]
        for r in try await (try db.sql()).raw("SELECT sc.project_id, sc.to_stage, p.code, p.name, p.total_investment FROM "
                                              + stagesAt(districtID: districtID, asOf: asOf, scopeUnitID: scopeUnitID)
                                              + " sc JOIN projects p ON p.id = sc.project_id WHERE sc.to_stage IN (\(binds: LifecycleStage.pools.map(\.rawValue)))"
                                              + " ORDER BY p.total_investment DESC, p.code").all() {
            guard let stage = LifecycleStage(rawValue: try r.decode(column: "to_stage", as: String.self)) else { continue }
            projects[stage, default: []].append(ProjectRef(id: try r.decode(column: "project_id", as: UUID.self), code: try r.decode(column: "code", as: String.self),
                                                           name: try r.decode(column: "name", as: String.self), stage: stage,
                                                           totalInvestment: Money(yuan: try r.decode(column: "total_investment", as: Int64.self))))
        }
        return projects
    }

    public static func run(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID? = nil,
                           on db: any Database) async throws -> PipelineFigures {
        let (now, exits) = try await poolsAt(districtID: districtID, year: year, asOf: asOf, scopeUnitID: scopeUnitID, on: db)
        let sql = try db.sql()
        let steps = yearSteps(districtID: districtID, year: year, asOf: asOf, scopeUnitID: scopeUnitID)
        var entered: [String: Int] = [:]
        var flows: [PipelineFigures.Flow] = []
        for row in try await sql.raw("SELECT sc.from_stage, sc.stage AS to_stage, COUNT(DISTINCT sc.project_id) AS n" + steps
                                     + " GROUP BY sc.from_stage, sc.stage").all() {
            let to = try row.decode(column: "to_stage", as: String.self)
            let n = try row.decode(column: "n", as: Int.self)
            guard let toStage = LifecycleStage(rawValue: to) else { continue }
            flows.append(.init(from: try row.decode(column: "from_stage", as: String?.self).flatMap(LifecycleStage.init(rawValue:)), to: toStage, projects: n))
        }
        // Entered = distinct projects whose step into the pool fell in the period (a project
        // moved back and forward again counts once).
        for row in try await sql.raw("SELECT sc.stage AS to_stage, COUNT(DISTINCT sc.project_id) AS n" + steps
                                     + " AND (sc.from_stage IS NULL OR sc.from_stage <> sc.stage) GROUP BY sc.stage").all() {
            entered[try row.decode(column: "to_stage", as: String.self)] = try row.decode(column: "n", as: Int.self)
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

    /// Projects and investment per stage at the end of `asOf`, and the projects that exited in
    /// `year` and are still out then, by reason: one pass over the projects.
    public static func poolsAt(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID?,
                               on db: any Database) async throws -> ([String: (Int, Int64)], [(String, Int)]) {
        let sql = try db.sql()
        let start = CalendarDate.clamped(year: year, month: 1, day: 1).iso
        let q: SQLQueryString = """
            SELECT sc.to_stage AS stage,
                   CASE WHEN sc.to_stage = \(bind: LifecycleStage.exited.rawValue) AND sc.effective_on >= \(bind: start)
                        THEN COALESCE(sc.exit_reason, '') END AS exit_reason,
                   COUNT(*) AS n, CAST(COALESCE(SUM(sc.total_investment), 0) AS BIGINT) AS total
            FROM
            """ + stagesAt(districtID: districtID, asOf: asOf, scopeUnitID: scopeUnitID)
            + " sc"
        var now: [String: (Int, Int64)] = [:]
        var exits: [String: Int] = [:]
        for row in try await sql.raw(q + " GROUP BY sc.to_stage, 2").all() {
            let stage = try row.decode(column: "stage", as: String.self)
            let n = try row.decode(column: "n", as: Int.self), total = try row.decode(column: "total", as: Int64.self)
            let prior = now[stage] ?? (0, 0)
            now[stage] = (prior.0 + n, prior.1 + total)
            if let reason = try row.decode(column: "exit_reason", as: String?.self) { exits[reason, default: 0] += n }
        }
        return (now, exits.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.map { ($0.key, $0.value) })
    }

    /// What the four pools at a date are broken down by.
    public enum Breakdown: String, Sendable, CaseIterable {
        case unit, chain
    }

    /// The four pools at the end of `asOf` per unit or per industry chain (by name; "" for
    /// projects without a chain), each group's pools in order, groups by projects in the pools.
    public static func breakdown(districtID: UUID, asOf: CalendarDate, by: Breakdown, scopeUnitID: UUID?,
                                 on db: any Database) async throws -> [(group: String, pools: [(stage: LifecycleStage, projects: Int, total: Money)])] {
        let sql = try db.sql()
        let column: SQLQueryString = by == .unit ? "sc.unit_id" : "sc.chain_id"
        let q: SQLQueryString = "SELECT COALESCE(g.name, '') AS grp, sc.to_stage AS stage, COUNT(*) AS n, CAST(COALESCE(SUM(sc.total_investment), 0) AS BIGINT) AS total FROM "
            + stagesAt(districtID: districtID, asOf: asOf, scopeUnitID: scopeUnitID)
            + " sc LEFT JOIN reference_entries g ON g.id = " + column
            + " WHERE sc.to_stage IN (\(binds: LifecycleStage.pools.map(\.rawValue))) GROUP BY g.name, sc.to_stage"
        var groups: [String: [LifecycleStage: (Int, Money)]] = [:]
        for row in try await sql.raw(q).all() {
            guard let stage = LifecycleStage(rawValue: try row.decode(column: "stage", as: String.self)) else { continue }
            groups[try row.decode(column: "grp", as: String.self), default: [:]][stage] =
                (try row.decode(column: "n", as: Int.self), Money(yuan: try row.decode(column: "total", as: Int64.self)))
        }
        let size = { (g: [LifecycleStage: (Int, Money)]) in g.values.reduce(0) { $0 + $1.0 } }
        return groups.sorted { a, b in size(a.value) != size(b.value) ? size(a.value) > size(b.value) : a.key < b.key }.map { g in
            (g.key, LifecycleStage.pools.map { s in (s, g.value[s]?.0 ?? 0, g.value[s]?.1 ?? .zero) })
        }
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
