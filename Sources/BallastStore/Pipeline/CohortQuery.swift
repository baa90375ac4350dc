import BallastCore
import Fluent
import Foundation
import SQLKit

/// A pool's cohort counted in SQL: the projects whose first step into `pool` fell in the
/// period, followed to `asOf`. Each project's first entry into each pool is kept beside the
/// history (`pool_entries`: the day it left, the first day at each later stage, its unit and its
/// latest step), and its stage on a day before its latest step is the span holding then
/// (`stage_spans`), so the cohort is one index range, plus a seek for each project that moved
/// after the as-of day, however long the history. Per unit, SQL counts projects by end state and by
/// whole days; percentiles are read off those histograms by `Cohort.Tally` (nearest-rank
/// percentiles are not portable SQL: SQLite has no percentile function), so only a few hundred
/// rows leave the database however large the cohort.
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
        let later = Cohort.followed(after: pool)
        let end = asOf.iso
        // The days from entry to a step, if the step was taken by the as-of day: a later day
        // has not happened yet as far as the cohort is followed.
        func byEnd(_ day: String) -> SQLQueryString {
            "CASE WHEN e.\(unsafeRaw: day) <= \(bind: end) THEN e.\(unsafeRaw: PoolEntryModel.daysColumn(day)) END"
        }
        var columns: SQLQueryString = byEnd("left_on") + " AS left_days"
        for (i, stage) in later.enumerated() {
            columns += ", " + byEnd(PoolEntryModel.reachedColumn(stage)!) + " AS r\(unsafeRaw: String(i))"
        }
        // Units are named after counting: a few hundred seeks instead of one a project.
        // The stage at the end: the latest step's if it was taken by then (a cohort followed to
        // today), otherwise the span holding then, one seek for each project moved since.
        let last: SQLQueryString = """
            CASE WHEN e.latest_on <= \(bind: end) THEN e.latest_stage ELSE (SELECT l.stage FROM stage_spans l
              WHERE l.project_id = e.project_id AND l.until_on > \(bind: end) AND l.from_on <= \(bind: end)) END
            """
        var paths: SQLQueryString = "SELECT e.unit_id AS unit, " + last + " AS last_stage, " + columns + """
             FROM pool_entries e
            WHERE e.district_id = \(bind: districtID) AND e.pool = \(bind: pool.rawValue)
              AND e.entered_on >= \(bind: from.iso) AND e.entered_on <= \(bind: to.iso) AND e.entered_on <= \(bind: end)
            """
        if let scopeUnitID { paths += " AND e.unit_id = \(bind: scopeUnitID)" }
        var counts: SQLQueryString = """
            SELECT unit, 'end' AS metric, last_stage AS label, 0 AS days, COUNT(*) AS n FROM s GROUP BY unit, last_stage
            UNION ALL SELECT unit, 'left', '', left_days, COUNT(*) FROM s WHERE left_days IS NOT NULL GROUP BY unit, left_days
            """
        for i in later.indices {
            let column = "r\(i)"
            counts += " UNION ALL SELECT unit, 'to', '\(unsafeRaw: String(i))', \(unsafeRaw: column), COUNT(*) FROM s WHERE \(unsafeRaw: column) IS NOT NULL GROUP BY unit, \(unsafeRaw: column)"
        }
        // Materialized: the counts read it five or six times, and it is the costly part.
        let query: SQLQueryString = "WITH s AS MATERIALIZED (" + paths + ") SELECT u.name AS unit, g.metric, g.label, g.days, g.n FROM ("
            + counts + ") g JOIN reference_entries u ON u.id = g.unit"
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
