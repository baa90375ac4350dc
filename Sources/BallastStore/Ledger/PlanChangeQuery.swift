import BallastCore
import Fluent
import Foundation
import SQLKit

/// The year's list changes (动态调整) as the year's summary and its API show them: every change
/// taking effect by the day, newest first, with the project, the plan before and after and why.
public enum PlanChangeQuery {
    public struct Row: Sendable, Equatable {
        public var projectID: UUID
        public var code: String
        public var name: String
        public var unit: String
        public var kind: PlanChangeKind
        public var effectiveOn: CalendarDate
        public var before: Money?
        public var after: Money?
        public var reason: String
        public var createdBy: String
        public var source: String
    }

    /// Changes of `year` recorded by now, with those taking effect after `asOf` marked by their day
    /// (a reader of a past day sees what was decided since, as decided); a unit's own projects only.
    /// `projectID` narrows to one project's changes (its page's history).
    public static func list(districtID: UUID, year: Int, scopeUnitID: UUID?, projectID: UUID? = nil, on db: any Database) async throws -> [Row] {
        var q: SQLQueryString = """
            SELECT c.project_id, p.code, p.name, u.name AS unit, c.kind, c.effective_on, c.before_plan, c.after_plan, c.reason, c.created_by, c.source
            FROM plan_changes c JOIN projects p ON p.id = c.project_id JOIN reference_entries u ON u.id = p.unit_id
            WHERE c.district_id = \(bind: districtID) AND c.year = \(bind: year)
            """
        if let scopeUnitID { q += " AND p.unit_id = \(bind: scopeUnitID)" }
        if let projectID { q += " AND c.project_id = \(bind: projectID)" }
        q += " ORDER BY c.effective_on DESC, c.created_at DESC, p.code LIMIT 2000"
        return try await (try db.sql()).raw(q).all().map { r in
            Row(projectID: try r.decode(column: "project_id", as: UUID.self), code: try r.decode(column: "code", as: String.self),
                name: try r.decode(column: "name", as: String.self), unit: try r.decode(column: "unit", as: String.self),
                kind: PlanChangeKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .adjust,
                effectiveOn: try r.decode(column: "effective_on", as: CalendarDate.self),
                before: try r.decode(column: "before_plan", as: Int64?.self).map(Money.init(yuan:)),
                after: try r.decode(column: "after_plan", as: Int64?.self).map(Money.init(yuan:)),
                reason: try r.decode(column: "reason", as: String.self), createdBy: try r.decode(column: "created_by", as: String.self),
                source: try r.decode(column: "source", as: String.self))
        }
    }
}
