import Foundation

/// A month of a plan year: what a monthly report, a ranking and a supervision bulletin are for.
/// The one parser of `YYYY-MM` (a one-digit month too), held to the years a plan may have.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard PlanYear.isValid(year), (1...12).contains(month) else { return nil }
        self.year = year; self.month = month
    }

    /// `2023-06` or `2023-6`; nothing else (no sign, no spaces inside, no week or quarter).
    public static func parse(_ raw: String) -> YearMonth? {
        let parts = raw.trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return YearMonth(year: y, month: m)
    }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// `2023-06`.
    public var description: String { String(format: "%04d-%02d", year, month) }

    public var firstDay: CalendarDate { CalendarDate.clamped(year: year, month: month, day: 1) }
    public var lastDay: CalendarDate { CalendarDate.clamped(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) }
}
