import BallastCore
import Foundation
import SQLKit

/// Each project's warning colour on a day, as a subquery of (project_id, colour) to join. From
/// today on it is the stored state the nightly judgement keeps; a past day reads the colour
/// history: the last change by then, the latest "date + colour" with the colour read after the
/// ten-character date (as `UnitFactsQuery` does), so a past dashboard shows what was lit then.
public enum ColourAsOf {
    public static func subquery(districtID: UUID, year: Int, on day: CalendarDate, today: CalendarDate) -> SQLQueryString {
        if day >= today {
            return "(SELECT w.project_id, w.colour FROM warning_states w WHERE w.district_id = \(bind: districtID) AND w.year = \(bind: year))"
        }
        return "(SELECT c.project_id, substr(MAX(c.on_date || c.to_colour), 11) AS colour FROM warning_changes c"
            + " WHERE c.district_id = \(bind: districtID) AND c.year = \(bind: year) AND c.on_date <= \(bind: day.iso) GROUP BY c.project_id)"
    }
}
