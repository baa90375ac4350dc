import BallastCore
import Foundation
import SQLKit

/// Which projects owe a month's report: the year's portfolio (a plan with an annual figure), each
/// from the month it joined it. A project planned on 30 June owes June's report on, not
/// January's; and a document as of a day owes nothing for a project that joined after that day.
/// The 催办单 generator, the weekly bulletin and the 督查通报 read their late reports by it.
public enum ReportsOwed {
    /// Whether a plan that joined on `enteredOn` (nil: with the year's ledger) owes `month`'s report.
    public static func owes(year: Int, month: Int, enteredOn: CalendarDate?) -> Bool {
        guard let enteredOn else { return true }
        return enteredOn.year < year || enteredOn.year == year && enteredOn.month <= month
    }

    /// The same rule as a condition on the plan `alias`: in the portfolio, joined by the month's
    /// end and, for a document, by its day.
    public static func condition(_ alias: SQLQueryString = "yp", year: Int, month: Int, knownBy day: CalendarDate? = nil) -> SQLQueryString {
        var lastDay = CalendarDate.clamped(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        if let day { lastDay = min(lastDay, day) }
        // In the list on the month's last day (or the document's): 调出 in July owes June's, not July's.
        return Portfolio.on(lastDay, alias)
    }

    /// Whether the portfolio plan `alias` had joined by `day` (a ledger plan always had).
    public static func joined(_ alias: SQLQueryString = "yp", by day: CalendarDate) -> SQLQueryString {
        "(" + alias + ".entered_on IS NULL OR " + alias + ".entered_on <= \(bind: day.iso))"
    }
}

/// `ReportStanding` as conditions on the report `alias` (`monthly_reports`), for the queries that
/// count reports.
extension ReportStanding {
    public static func inCondition(_ alias: SQLQueryString = "r") -> SQLQueryString {
        "(" + alias + ".status IN (" + SQLQueryString(inStatuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")) + "))"
    }

    public static func onTimeCondition(_ alias: SQLQueryString = "r") -> SQLQueryString {
        "(" + inCondition(alias) + " AND " + alias + ".late = \(bind: false))"
    }
}

