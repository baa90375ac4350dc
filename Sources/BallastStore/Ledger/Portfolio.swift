import BallastCore
import SQLKit

/// The year's portfolio (年度计划项目) on a day: the plans of the year with an annual figure that
/// had joined it by then (`year_plans.entered_on`; a ledger's plans were there from the start).
/// Every count of the portfolio as of a day reads this: the summary, the dashboard, the warning
/// board, the colours and the ranking (issue 21: a past day once counted plans made later).
public enum Portfolio {
    /// Conditions on the plan `alias`, already matched to its year.
    public static func on(_ day: CalendarDate, _ alias: SQLQueryString = "yp") -> SQLQueryString {
        " " + alias + ".annual_plan IS NOT NULL AND " + ReportsOwed.joined(alias, by: day)
    }
}
