import BallastCore
import Fluent
import Foundation
import SQLKit

/// A pool's cohort counted in SQL: the projects whose first step into `pool` fell in the
/// period, followed to `asOf`. Each project's first entry into each pool is kept beside the
/// history (`pool_entries`: the day it left, the first day at each later stage, its unit and its
/// latest step), and its stage on a day before its latest step is the span holding then
/// (`stage_spans`), so the cohort is one index range, plus a span for each project that moved
/// after the as-of day, however long the history.
///
/// SQL groups the cohort once, by unit and the stage at the end: it counts the projects and
/// gathers their whole days (in the pool, to each later stage) as one list of
/// numbers. `Cohort.Tally` reads the percentiles off them in Swift: nearest-rank percentiles are
/// not portable SQL (SQLite has none), and one grouping with lists measured far cheaper than a
/// histogram a measure (six sorts of the cohort, and 41 000 (unit, days) rows to decode for a
/// 50 000-project cohort: 370–415 ms against the 300 ms budget). A few rows a unit leave the
/// database however large the cohort.
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
        let sql = try db.sql()
        let later = Cohort.followed(after: pool)
        let end = asOf.iso
        // The days from entry to a step, if the step was taken by the as-of day: a later day
        // has not happened yet as far as the cohort is followed.
        func byEnd(_ day: String) -> SQLQueryString {
            "CASE WHEN e.\(unsafeRaw: day) <= \(bind: end) THEN e.\(unsafeRaw: PoolEntryModel.daysColumn(day)) END"
        }
        // The stage at the end: the latest step's if it was taken by then (a cohort followed to
        // today), otherwise the span holding then, joined only for the projects moved since.
        // A join rather than a subquery a row: PostgreSQL's seeks cost 5 µs each (a cohort of
        // 50 000 followed to a day before most of its moves: 450 ms) and it hashes the spans at
        // that day instead (190 ms); SQLite seeks either way. Naming the district on the spans
        // too turned SQLite to a scan of the district's spans.
        let last: SQLQueryString = "CASE WHEN e.latest_on <= \(bind: end) THEN e.latest_stage ELSE l.stage END"
        let measures = ["left_on"] + later.compactMap { PoolEntryModel.reachedColumn($0) }
        var paths: SQLQueryString = "SELECT e.unit_id AS unit, " + last + " AS last_stage"
        for (i, day) in measures.enumerated() { paths += ", " + byEnd(day) + " AS d\(unsafeRaw: String(i))" }
        paths += " FROM pool_entries e LEFT JOIN stage_spans l ON e.latest_on > \(bind: end) AND l.project_id = e.project_id"
            + " AND l.until_on > \(bind: end) AND l.from_on <= \(bind: end)"
        paths += """
             WHERE e.district_id = \(bind: districtID) AND e.pool = \(bind: pool.rawValue)
              AND e.entered_on >= \(bind: from.iso) AND e.entered_on <= \(bind: to.iso) AND e.entered_on <= \(bind: end)
            """
        if let scopeUnitID { paths += " AND e.unit_id = \(bind: scopeUnitID)" }
        // Grouped by unit and the stage at the end, so that stage is worked out once a project
        // and each group's count is its end state. string_agg skips NULLs: a list holds the days
        // of the projects that took the step by then.
        var grouped: SQLQueryString = "SELECT unit, last_stage, COUNT(*) AS projects"
        for i in measures.indices { grouped += ", string_agg(CAST(d\(unsafeRaw: String(i)) AS TEXT), ',') AS d\(unsafeRaw: String(i))" }
        // Units are named after counting: a few hundred seeks instead of one a project.
        let query: SQLQueryString = "SELECT u.name AS unit_name, g.* FROM (" + grouped + " FROM (" + paths + ") s GROUP BY unit, last_stage) g"
            + " JOIN reference_entries u ON u.id = g.unit"
        var tallies: [String: Cohort.Tally] = [:]
        for row in try await sql.raw(query).all() {
            var t = Cohort.Tally()
            t.projects = try row.decode(column: "projects", as: Int.self)
            switch try row.decode(column: "last_stage", as: String?.self) {
            case pool.rawValue: t.stillIn = t.projects
            case LifecycleStage.exited.rawValue: t.exited = t.projects
            default: break
            }
            for i in measures.indices {
                guard let list = try row.decode(column: "d\(i)", as: String?.self) else { continue }
                if i == 0 { count(list, into: &t.inPool) } else { count(list, into: &t.to[later[i - 1], default: [:]]) }
            }
            // Two units of one name (they should not be) are counted together, as before.
            let unit = try row.decode(column: "unit_name", as: String.self)
            tallies[unit] = tallies[unit].map { $0 + t } ?? t
        }
        let byUnit = tallies.sorted { $0.key < $1.key }.map { (unit: $0.key, summary: $0.value.summary(pool: pool)) }
        return Result(summary: tallies.values.reduce(Cohort.Tally(), +).summary(pool: pool), byUnit: byUnit)
    }

    /// Adds a list of whole days as SQL gathered it ("110,97,203") to a histogram, read byte by
    /// byte: a 50 000-project cohort's lists hold a quarter of a million numbers.
    static func count(_ list: String, into histogram: inout [Int: Int]) {
        var value = 0, negative = false, digits = false
        for byte in list.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value * 10 + Int(byte - UInt8(ascii: "0")); digits = true
            case UInt8(ascii: "-"): negative = true
            default:
                if digits { histogram[negative ? -value : value, default: 0] += 1 }
                value = 0; negative = false; digits = false
            }
        }
        if digits { histogram[negative ? -value : value, default: 0] += 1 }
    }
}
