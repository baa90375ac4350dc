/// The years a request may name: plans, reports and documents are for 2000–2100. Every year
/// read from a request (query, body or form) is checked against this range on the way in, so
/// the dates built from it downstream always exist.
public enum PlanYear {
    public static let range = 2000...2100

    public static func isValid(_ year: Int) -> Bool { range.contains(year) }
}
