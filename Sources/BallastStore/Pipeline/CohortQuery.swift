import BallastCore
import Fluent
import Foundation
import SQLKit

/// The paths of a pool's cohort, read in one query: the projects whose first step into `pool`
/// fell in the period, with every step from that entry up to `asOf`. The counts and the day
/// percentiles are then `Cohort.summarize` (nearest-rank percentiles are not portable SQL:
/// SQLite has no percentile function).
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
        var entries: SQLQueryString = """
            (SELECT sc.project_id, MIN(sc.effective_on) AS entered_on
             FROM stage_changes sc JOIN projects p ON p.id = sc.project_id
             WHERE p.district_id = \(bind: districtID) AND sc.to_stage = \(bind: pool.rawValue)
               AND sc.effective_on >= \(bind: from.iso) AND sc.effective_on <= \(bind: to.iso) AND sc.effective_on <= \(bind: asOf.iso)
            """
        if let scopeUnitID { entries += " AND p.unit_id = \(bind: scopeUnitID)" }
        entries += " GROUP BY sc.project_id)"
        let rows = try await sql.raw("""
            SELECT e.project_id, u.name AS unit, sc.to_stage, sc.effective_on
            FROM
            """ + entries + """
             e JOIN projects p ON p.id = e.project_id
            JOIN reference_entries u ON u.id = p.unit_id
            JOIN stage_changes sc ON sc.project_id = e.project_id AND sc.effective_on >= e.entered_on AND sc.effective_on <= \(bind: asOf.iso)
            ORDER BY e.project_id, sc.effective_on, sc.created_at
            """).all()
        var paths: [Cohort.Path] = []
        var current: UUID?
        for row in rows {
            let project = try row.decode(column: "project_id", as: UUID.self)
            guard let stage = LifecycleStage(rawValue: try row.decode(column: "to_stage", as: String.self)),
                  let on = CalendarDate.parse(try row.decode(column: "effective_on", as: String.self)) else { continue }
            if project != current {
                current = project
                paths.append(Cohort.Path(unit: try row.decode(column: "unit", as: String.self), steps: []))
            }
            // A step recorded the same day before the entry belongs before the cohort.
            if paths[paths.count - 1].steps.isEmpty && stage != pool { continue }
            paths[paths.count - 1].steps.append((stage, on))
        }
        let byUnit = Dictionary(grouping: paths, by: \.unit).sorted { $0.key < $1.key }
            .map { (unit: $0.key, summary: Cohort.summarize($0.value, pool: pool)) }
        return Result(summary: Cohort.summarize(paths, pool: pool), byUnit: byUnit)
    }
}
