import BallastCore
import Fluent
import Foundation
import SQLKit

/// A project's year as its page shows it: the month-by-month approved figures, milestones,
/// approval items and the current colour.
public struct ProjectProgress: Sendable {
    public var year: Int
    public var annualPlan: Money?
    /// Index 0 is January: each month's figure as it now stands (approved plus adjustments).
    public var monthly: [Money]
    public var milestones: [Milestone]
    public var approvals: [ApprovalItem]
    public var colour: WarningColour?
    public var reasons: [Message]
    public var since: CalendarDate?
    public var photos: [ReportPhotos.Info]

    /// A milestone of the year's plan (节点): planned day, and the actual once reached.
    public struct Milestone: Sendable, Hashable {
        public var id: UUID
        public var seq: Int
        public var name: String
        public var planned: CalendarDate
        public var actual: CalendarDate?
        public var version: Int
        init(_ m: MilestoneModel) {
            id = m.id ?? UUID(); seq = m.seq; name = m.name; planned = m.planned; actual = m.actual; version = m.version
        }
    }

    /// An approval the project needs (审批事项), with the department, target and actual day.
    /// A step of the project's 前期手续 chain, with its row's id and version.
    public struct ApprovalItem: Sendable, Equatable {
        public var id: UUID
        public var step: ApprovalStep
        public var version: Int
        public var name: String { step.name }
        public var department: String? { step.department }
        public var target: CalendarDate? { step.target }
        public var actual: CalendarDate? { step.approved }
        init(_ m: ApprovalItemModel) {
            id = m.id ?? UUID(); step = m.step; version = m.version
        }
    }
}

public enum ProjectProgressQuery {
    public static func run(projectID: UUID, year: Int, annualPlan: Money?, on db: any Database) async throws -> ProjectProgress {
        let sql = try db.sql()
        var monthly = Array(repeating: Money.zero, count: 12)
        for row in try await sql.raw("""
            SELECT x.month, CAST(SUM(x.amount) AS BIGINT) AS amount FROM (
                SELECT month, amount FROM monthly_reports WHERE project_id = \(bind: projectID) AND year = \(bind: year) AND status = 'approved'
                UNION ALL
                SELECT month, delta AS amount FROM report_adjustments WHERE project_id = \(bind: projectID) AND year = \(bind: year)
            ) x GROUP BY x.month
            """).all() {
            let m = try row.decode(column: "month", as: Int.self)
            if (1...12).contains(m) { monthly[m - 1] = Money(yuan: try row.decode(column: "amount", as: Int64.self)) }
        }
        let state = try await WarningStateModel.query(on: db).filter(\.$projectID == projectID).filter(\.$year == year).first()
        return ProjectProgress(
            year: year, annualPlan: annualPlan, monthly: monthly,
            milestones: try await MilestoneModel.query(on: db).filter(\.$project.$id == projectID).filter(\.$year == year).sort(\.$seq).all()
                .map(ProjectProgress.Milestone.init),
            approvals: try await ApprovalEditor.items(projectID: projectID, year: year, on: db).map(ProjectProgress.ApprovalItem.init),
            colour: state.flatMap { WarningColour(rawValue: $0.colour) },
            reasons: state.map { WarningEngine.reasons($0.reasons) } ?? [],
            since: state?.since,
            photos: try await ReportPhotos.list(projectID: projectID, year: year, on: db))
    }
}
