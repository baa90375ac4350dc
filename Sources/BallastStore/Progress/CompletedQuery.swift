import BallastCore
import Fluent
import Foundation
import SQLKit

/// Year-to-date investment completed, from approved reports and their adjustments up to and
/// including a month. Derived every time, never stored or typed.
public enum CompletedQuery {
    /// A subquery of (project_id, done) for a district's year up to `month`, to join against.
    public static func subquery(districtID: UUID, year: Int, throughMonth month: Int) -> SQLQueryString {
        // Each source is summed on its own before the two are combined: one GROUP BY over a
        // UNION of 720 000 rows took 0.47 s on SQLite, this takes 0.16 s, with the same sums.
        """
        (SELECT y.project_id, SUM(y.done) AS done FROM (
            SELECT r.project_id, SUM(r.amount) AS done FROM monthly_reports r
            WHERE r.district_id = \(bind: districtID) AND r.year = \(bind: year) AND r.month <= \(bind: month) AND r.status = 'approved'
            GROUP BY r.project_id
            UNION ALL
            SELECT a.project_id, SUM(a.delta) AS done FROM report_adjustments a
            WHERE a.district_id = \(bind: districtID) AND a.year = \(bind: year) AND a.month <= \(bind: month)
            GROUP BY a.project_id
        ) y GROUP BY y.project_id)
        """
    }

    /// Each project's YTD completed, keyed by project id (projects with nothing approved absent).
    public static func byProject(districtID: UUID, year: Int, throughMonth month: Int, on db: any Database) async throws -> [UUID: Money] {
        let sql = try db.sql()
        let rows = try await sql.raw("SELECT c.project_id, CAST(c.done AS BIGINT) AS done FROM "
                                     + subquery(districtID: districtID, year: year, throughMonth: month) + " c").all()
        var out: [UUID: Money] = [:]
        for row in rows {
            out[try row.decode(column: "project_id", as: UUID.self)] = Money(yuan: try row.decode(column: "done", as: Int64.self))
        }
        return out
    }

    /// The month's figure as it now stands: the approved amount plus its adjustments.
    public static func effectiveAmount(of report: MonthlyReportModel, on db: any Database) async throws -> Int64 {
        let deltas = try await ReportAdjustmentModel.query(on: db).filter(\.$report.$id == report.requireID()).all(\.$delta)
        return report.amount + deltas.reduce(0, +)
    }
}
