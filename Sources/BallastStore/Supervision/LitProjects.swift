import BallastCore
import Foundation
import SQLKit

/// Projects lit red or yellow without a break since a day, and still lit on another: the one
/// count behind the weekly bulletin's 连续亮灯四周以上 (lit by 28 days before the as-of day) and
/// the 督查通报's 连续亮灯整月 (lit before the month began). The two documents ask over different
/// windows, so their numbers differ; each names its window, and neither counts its own way.
///
/// A stretch of light is a supervision item: opened when the project turned red or yellow,
/// closed when it turned back.
public enum LitProjects {
    public struct Row: Sendable, Equatable {
        public var projectID: UUID
        public var code: String
        public var name: String
        public var unit: String
        /// The colour it was lit in.
        public var colour: String
        public var since: CalendarDate
        /// The reasons recorded when it was lit (JSON of bilingual messages).
        public var reasons: String?
    }

    /// The weekly bulletin's window: lit on or before 28 days before `day`.
    public static func fourWeeks(before day: CalendarDate) -> CalendarDate { day.adding(days: -28) }

    /// The 督查通报's window: lit before the month's first day.
    public static func wholeMonth(year: Int, month: Int) -> CalendarDate { CalendarDate.clamped(year: year, month: month, day: 1).adding(days: -1) }

    /// Lit by the colours of `day`'s year on or before `litBy` and not turned back by `day`; red
    /// first, then longest lit. A stretch belongs to its year's colours: one lit on 31 December
    /// is not still lit in next year's bulletins.
    public static func run(districtID: UUID, litBy: CalendarDate, stillOn day: CalendarDate, sql: any SQLDatabase) async throws -> [Row] {
        try await sql.raw("""
            SELECT p.id, p.code, p.name, u.name AS unit, s.opened_colour, s.opened_on, s.reasons FROM supervision_items s
            JOIN projects p ON p.id = s.project_id JOIN reference_entries u ON u.id = p.unit_id
            WHERE s.district_id = \(bind: districtID) AND s.year = \(bind: day.year) AND s.source = \(bind: SupervisionItems.warningSource)
              AND s.opened_on <= \(bind: litBy.iso)
              AND (s.closed_on IS NULL OR s.closed_on > \(bind: day.iso))
            ORDER BY CASE s.opened_colour WHEN 'red' THEN 0 ELSE 1 END, s.opened_on, p.code
            """).all().map { r in
            Row(projectID: try r.decode(column: "id", as: UUID.self), code: try r.decode(column: "code", as: String.self),
                name: try r.decode(column: "name", as: String.self), unit: try r.decode(column: "unit", as: String.self),
                colour: try r.decode(column: "opened_colour", as: String.self), since: try r.decode(column: "opened_on", as: CalendarDate.self),
                reasons: try r.decode(column: "reasons", as: String?.self))
        }
    }
}
