import BallastCore
import Fluent
import Foundation
import SQLKit

/// What changed in the as-of day's month, for the big screen's 本月变化: projects that turned
/// red, projects that came back to green, projects that started (在建) and finished (竣工),
/// counted from the first of the month to the day. A project counts once however often it
/// changed; one turned red and back within the month counts in both. A light first given this
/// month counts (a new red project is news); a stage a project was entered at does not.
public struct MonthChanges: Sendable, Equatable {
    public var month: YearMonth
    public var turnedRed: Int
    public var turnedGreen: Int
    public var started: Int
    public var finished: Int

    public static func run(_ scope: DashboardQuery.Scope, on db: any Database) async throws -> MonthChanges? {
        let day = scope.asOf
        guard let month = YearMonth(year: day.year, month: day.month),
              let first = CalendarDate(year: day.year, month: day.month, day: 1) else { return nil }
        let sql = try db.sql()
        let unit: SQLQueryString = scope.scopeUnitID.map { " AND p.unit_id = \(bind: $0)" } ?? ""
        func lights(_ colour: WarningColour) async throws -> Int {
            let q: SQLQueryString = "SELECT COUNT(DISTINCT w.project_id) AS n FROM warning_changes w JOIN projects p ON p.id = w.project_id"
                + " WHERE w.district_id = \(bind: scope.districtID) AND w.year = \(bind: scope.year) AND w.to_colour = \(bind: colour.rawValue)"
                + " AND (w.from_colour IS NULL OR w.from_colour <> w.to_colour)"
                + " AND w.on_date >= \(bind: first.iso) AND w.on_date <= \(bind: day.iso)" + unit
            return try await sql.raw(q).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        func stages(_ stage: LifecycleStage) async throws -> Int {
            let q: SQLQueryString = "SELECT COUNT(DISTINCT s.project_id) AS n FROM stage_changes s JOIN projects p ON p.id = s.project_id"
                + " WHERE p.district_id = \(bind: scope.districtID) AND s.to_stage = \(bind: stage.rawValue)"
                // A project entered at its stage (a ledger row, a form) did not start this month.
                + " AND s.from_stage IS NOT NULL AND s.from_stage <> s.to_stage"
                + " AND s.effective_on >= \(bind: first.iso) AND s.effective_on <= \(bind: day.iso)" + unit
            return try await sql.raw(q).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return MonthChanges(month: month, turnedRed: try await lights(.red), turnedGreen: try await lights(.green),
                            started: try await stages(.underConstruction), finished: try await stages(.completed))
    }
}
