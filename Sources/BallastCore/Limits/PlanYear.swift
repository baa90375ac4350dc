/// The years a request may name: plans, reports and documents are for 2000–2100. Every year
/// read from a request (query, body or form) is checked against this range on the way in, so
/// the dates built from it downstream always exist.
public enum PlanYear {
    public static let range = 2000...2100

    public static func isValid(_ year: Int) -> Bool { range.contains(year) }

    /// An as-of day as typed (`YYYY-MM-DD`, the month and day may drop their zero): a real date
    /// in a year of the range, else nil. Every `asOf` and `--as-of` is read by this, so a day
    /// of year 1900 or 9999 never reaches a query.
    public static func asOfDay(_ raw: String) -> CalendarDate? {
        guard raw.count >= 8, let day = CalendarDate.parse(raw), isValid(day.year) else { return nil }
        return day
    }
}
