import BallastCore
import Fluent
import Foundation
import SQLKit

/// A pool's cohort counted in SQL: the projects whose first step into `pool` fell in the
/// period, followed to `asOf`. Per project, one pass over its steps gives the day it left the
/// pool, the first day it reached each later stage and where it stood at the end; then per unit
/// SQL counts projects by end state and by whole days. Percentiles are read off those
/// histograms by `Cohort.Tally` (nearest-rank percentiles are not portable SQL: SQLite has no
/// percentile function), so only a few hundred rows leave the database however large the cohort.
public enum CohortQuery {
    public struct Result: Sendable, Equatable {
        public var summary: Cohort.Summary
        /// The same, per responsible unit, by unit name.
        public var byUnit: [(unit: String, summary: Cohort.Summary)]

        public static func == (a: Result, b: Result) -> Bool {
            a.summary == b.summary && a.byUnit.map(\.unit) == b.byUnit.map(\.unit) && a.byUnit.map(\.summary) == b.byUnit.map(\.summary)
        }
    }

    public static func run(districtID: UUID, pool: LifecycleStage, from: CalendarDate, to: CalendarDate, asOf: CalendarDate,
                           scopeUnitID: UUID?, on db: any Database) async throws -> Result {
        let sql = db as! any SQLDatabase
        let postgres = sql.dialect.name == "postgresql"
        let later = Cohort.followed(after: pool)
        let end = asOf.iso
        var entries: SQLQueryString = """
            SELECT sc.project_id, MIN(sc.effective_on) AS entered_on
            FROM stage_changes sc JOIN projects p ON p.id = sc.project_id
            WHERE p.district_id = \(bind: districtID) AND sc.to_stage = \(bind: pool.rawValue)
              AND sc.effective_on >= \(bind: from.iso) AND sc.effective_on <= \(bind: to.iso) AND sc.effective_on <= \(bind: end)
            """
        if let scopeUnitID { entries += " AND p.unit_id = \(bind: scopeUnitID)" }
        entries += " GROUP BY sc.project_id"
        // Per project: the first step out (any later day, or another stage the same day), the
        // first day at each later stage, and the stage of its last step by the as-of day.
        // A step the same day as the entry is after it only if recorded after it.
        let after: SQLQueryString = "(sc.effective_on > e.entered_on OR sc.created_at > e.entry_created)"
        var firsts: SQLQueryString = ""
        for (i, stage) in later.enumerated() {
            firsts += ", MIN(CASE WHEN sc.to_stage = \(bind: stage.rawValue) AND " + after + " THEN sc.effective_on END) AS r\(unsafeRaw: String(i))"
        }
        let paths: SQLQueryString = "SELECT e.project_id, e.entered_on, u.name AS unit, MIN(CASE WHEN " + after
            + " THEN sc.effective_on END) AS left_on" + firsts + """
            , (SELECT l.to_stage FROM stage_changes l WHERE l.project_id = e.project_id AND l.effective_on <= \(bind: end)
                ORDER BY l.effective_on DESC, l.created_at DESC LIMIT 1) AS last_stage
            FROM e JOIN projects p ON p.id = e.project_id JOIN reference_entries u ON u.id = p.unit_id
            JOIN stage_changes sc ON sc.project_id = e.project_id AND sc.effective_on >= e.entered_on AND sc.effective_on <= \(bind: end)
            GROUP BY e.project_id, e.entered_on, u.name
            """
        func days(_ column: String) -> SQLQueryString {
            postgres ? "(CAST(\(unsafeRaw: column) AS DATE) - CAST(entered_on AS DATE))"
                : "CAST(julianday(\(unsafeRaw: column)) - julianday(entered_on) AS INTEGER)"
        }
        var counts: SQLQueryString = """
            SELECT unit, 'end' AS metric, last_stage AS label, 0 AS days, COUNT(*) AS n FROM s GROUP BY unit, last_stage
            UNION ALL SELECT unit, 'left', '', \(days("left_on")), COUNT(*) FROM s WHERE left_on IS NOT NULL GROUP BY unit, \(days("left_on"))
            """
        for i in later.indices {
            let column = "r\(i)"
            counts += " UNION ALL SELECT unit, 'to', '\(unsafeRaw: String(i))', \(days(column)), COUNT(*) FROM s WHERE \(unsafeRaw: column) IS NOT NULL GROUP BY unit, \(days(column))"
        }
        let entered: SQLQueryString = """
            SELECT e0.project_id, e0.entered_on,
                   (SELECT MIN(x.created_at) FROM stage_changes x WHERE x.project_id = e0.project_id AND x.effective_on = e0.entered_on
                      AND x.to_stage = \(bind: pool.rawValue)) AS entry_created
            FROM e0
            """
        let query: SQLQueryString = "WITH e0 AS (" + entries + "), e AS (" + entered + "), s AS (" + paths + ") " + counts
        var tallies: [String: Cohort.Tally] = [:]
        for row in try await sql.raw(query).all() {
            let unit = try row.decode(column: "unit", as: String.self)
            let n = try row.decode(column: "n", as: Int.self)
            let d = try row.decode(column: "days", as: Int.self)
            let label = try row.decode(column: "label", as: String?.self) ?? ""
            var t = tallies[unit, default: Cohort.Tally()]
            switch try row.decode(column: "metric", as: String.self) {
            case "end":
                t.projects += n
                if label == pool.rawValue { t.stillIn += n }
                if label == LifecycleStage.exited.rawValue { t.exited += n }
            case "left":
                t.inPool[d, default: 0] += n
            default:
                if let i = Int(label), later.indices.contains(i) { t.to[later[i], default: [:]][d, default: 0] += n }
            }
            tallies[unit] = t
        }
        let byUnit = tallies.sorted { $0.key < $1.key }.map { (unit: $0.key, summary: $0.value.summary(pool: pool)) }
        return Result(summary: tallies.values.reduce(Cohort.Tally(), +).summary(pool: pool), byUnit: byUnit)
    }
}
