import BallastCore
import Fluent
import Foundation
import SQLKit

/// A month's reporting as the pages need it: each portfolio project with its report for the
/// month if there is one. A project without a submitted report is "not yet reported".
public struct MonthReportRow: Sendable, Equatable {
    public var projectID: UUID
    public var code: String
    public var name: String
    public var unit: String
    public var reportID: UUID?
    /// The month's figure as it now stands (approved amount plus adjustments).
    public var amount: Money?
    public var progress: String?
    public var status: MonthlyReportModel.Status?
    public var late: Bool
    public var version: Int?
    public var returnReason: String?
    /// The year's plan, and what was completed in the months before this one (`CompletedQuery`):
    /// what the reviewer weighs the month's figure against.
    public var annualPlan: Money?
    public var completedBefore: Money = .zero
    /// The month before's figure as it stands, within the year (nil in January or when none).
    public var lastMonth: Money?

    /// Completed to the end of this month if the month's figure is taken as it stands.
    public var completedWithThis: Money { completedBefore + (amount ?? .zero) }
    /// That as a share of the plan (`CompletionRate`).
    public var rateWithThis: Double? { annualPlan.flatMap { CompletionRate.of(completed: completedWithThis.yuan, plan: $0.yuan) } }

    public var isReported: Bool { ReportStanding.isIn(status) }

    public init(projectID: UUID, code: String, name: String, unit: String, reportID: UUID?, amount: Money?, progress: String?,
                status: ReportStatus?, late: Bool, version: Int?, returnReason: String?) {
        self.projectID = projectID; self.code = code; self.name = name; self.unit = unit; self.reportID = reportID
        self.amount = amount; self.progress = progress; self.status = status; self.late = late; self.version = version
        self.returnReason = returnReason
    }
}

public enum MonthReportsQuery {
    /// `projectID` narrows to one project's row (the API's answer after a step).
    public static func run(districtID: UUID, year: Int, month: Int, scopeUnitID: UUID?, projectID: UUID? = nil,
                           on db: any Database) async throws -> [MonthReportRow] {
        let sql = try db.sql()
        var query: SQLQueryString = """
            SELECT p.id AS project_id, p.code, p.name, un.name AS unit, r.id AS report_id,
                   CAST(r.amount + COALESCE((SELECT SUM(a.delta) FROM report_adjustments a WHERE a.report_id = r.id), 0) AS BIGINT) AS amount,
                   r.progress, r.status, r.late, r.version, r.return_reason,
            """ + Portfolio.plan(on: CalendarDate.clamped(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))) + """
             AS annual_plan,
                   CAST(COALESCE(c.done, 0) AS BIGINT) AS done_before,
                   CAST(lm.amount + COALESCE((SELECT SUM(a.delta) FROM report_adjustments a WHERE a.report_id = lm.id), 0) AS BIGINT) AS last_month
            FROM year_plans yp
            JOIN projects p ON p.id = yp.project_id
            JOIN reference_entries un ON un.id = p.unit_id
            LEFT JOIN monthly_reports r ON r.project_id = p.id AND r.year = \(bind: year) AND r.month = \(bind: month)
            LEFT JOIN monthly_reports lm ON lm.project_id = p.id AND lm.year = \(bind: year) AND lm.month = \(bind: month - 1)
            LEFT JOIN
            """ + CompletedQuery.subquery(districtID: districtID, year: year, throughMonth: month - 1) + """
             c ON c.project_id = p.id
            WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: year) AND
            """ + Portfolio.everIn() + """

            """
        // The projects that owe the month's report (in the list at the month's end), and any that filed one anyway.
        query += " AND ((" + ReportsOwed.condition(year: year, month: month) + ") OR r.id IS NOT NULL)"
        if let scopeUnitID { query += " AND p.unit_id = \(bind: scopeUnitID)" }
        if let projectID { query += " AND p.id = \(bind: projectID)" }
        query += " ORDER BY un.name, p.code"
        return try await sql.raw(query).all().map { row in
            var r = MonthReportRow(
                projectID: try row.decode(column: "project_id", as: UUID.self),
                code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                unit: try row.decode(column: "unit", as: String.self),
                reportID: try row.decode(column: "report_id", as: UUID?.self),
                amount: try row.decode(column: "amount", as: Int64?.self).map(Money.init(yuan:)),
                progress: try row.decode(column: "progress", as: String?.self),
                status: try row.decode(column: "status", as: String?.self).flatMap(MonthlyReportModel.Status.init(rawValue:)),
                late: try row.decode(column: "late", as: Bool?.self) ?? false,
                version: try row.decode(column: "version", as: Int?.self),
                returnReason: try row.decode(column: "return_reason", as: String?.self))
            r.annualPlan = try row.decode(column: "annual_plan", as: Int64?.self).map(Money.init(yuan:))
            r.completedBefore = Money(yuan: try row.decode(column: "done_before", as: Int64.self))
            r.lastMonth = try row.decode(column: "last_month", as: Int64?.self).map(Money.init(yuan:))
            return r
        }
    }
}
