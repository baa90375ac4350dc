import Foundation

/// What an assessment covers: a quarter (季考核, "2023-Q2") or a year (年评优, "2023").
public struct AssessmentPeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1…4, or nil for the whole year.
    public let quarter: Int?

    public init?(year: Int, quarter: Int?) {
        guard (2000...2100).contains(year), quarter.map({ (1...4).contains($0) }) ?? true else { return nil }
        self.year = year
        self.quarter = quarter
    }

    public static func parse(_ raw: String) -> AssessmentPeriod? {
        let s = raw.trimmingCharacters(in: .whitespaces).uppercased()
        if s.count == 4, let y = Int(s) { return AssessmentPeriod(year: y, quarter: nil) }
        let parts = s.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), parts[1].count == 2, parts[1].first == "Q",
              let q = Int(parts[1].dropFirst()) else { return nil }
        return AssessmentPeriod(year: y, quarter: q)
    }

    public var months: ClosedRange<Int> { quarter.map { (($0 - 1) * 3 + 1)...($0 * 3) } ?? 1...12 }

    public var lastDay: CalendarDate { CalendarDate.clamped(year: year, month: months.upperBound, day: CalendarDate.daysIn(month: months.upperBound, year: year)) }

    public var description: String { quarter.map { "\(year)-Q\($0)" } ?? String(year) }

    public var chineseName: String { quarter.map { "\(year)年第\(["一", "二", "三", "四"][$0 - 1])季度" } ?? "\(year)年度" }
}
