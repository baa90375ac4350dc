/// When a month's report is due: by the district's reporting day of that same month (the 25th
/// by default), so the project office can review before the month closes.
public enum ReportingDeadline {
    public static let defaultDay = 25

    public static func dueDate(year: Int, month: Int, day: Int = defaultDay) -> CalendarDate {
        CalendarDate.clamped(year: year, month: month, day: min(day, CalendarDate.daysIn(month: month, year: year)))
    }

    /// Submitted after the due date: recorded, and counted against the unit in the ranking.
    public static func isLate(submittedOn: CalendarDate, year: Int, month: Int, day: Int = defaultDay) -> Bool {
        submittedOn > dueDate(year: year, month: month, day: day)
    }

    /// The report owed next on `today`: this month's until its due day has passed, then next
    /// month's (what an empty 工作台 tells the clerk to come back for).
    public static func next(after today: CalendarDate, day: Int = defaultDay) -> (month: YearMonth?, due: CalendarDate) {
        let thisMonth = dueDate(year: today.year, month: today.month, day: day)
        let (y, m) = today <= thisMonth ? (today.year, today.month) : today.month == 12 ? (today.year + 1, 1) : (today.year, today.month + 1)
        return (YearMonth(year: y, month: m), dueDate(year: y, month: m, day: day))
    }

    /// A month that has begun may be reported; a later one may not.
    public static func isReportable(year: Int, month: Int, today: CalendarDate) -> Bool {
        (year, month) <= (today.year, today.month)
    }
}
