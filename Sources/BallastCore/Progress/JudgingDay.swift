/// The day a plan year is judged on, as of a given day: that day while the year runs, and the
/// year's 31 December once it is over. A finished year's colours, rates and rankings stand as
/// they were at its end, whenever they are read. The one definition of that rule: the warning
/// engine, the pages, the API and the CLI all ask it.
public enum JudgingDay {
    public static func of(year: Int, asOf day: CalendarDate) -> CalendarDate {
        day.year > year ? CalendarDate.clamped(year: year, month: 12, day: 31) : day
    }
}
