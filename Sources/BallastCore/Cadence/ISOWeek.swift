import Foundation

/// An ISO 8601 week, as the weekly bulletin names it ("2023-W23"): Monday to Sunday, week 1
/// being the week with the year's first Thursday. So 2023-W01 starts on Monday 2 January and
/// 2020 has a week 53 while 2023 does not.
public struct ISOWeek: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init?(year: Int, week: Int) {
        guard (1...ISOWeek.weeks(in: year)).contains(week) else { return nil }
        self.year = year
        self.week = week
    }

    /// The week a day falls in (which may belong to the neighbouring year).
    public init(containing d: CalendarDate) {
        // The Thursday of the day's week decides the week's year.
        let weekday = (WorkCalendar.weekday(d) + 6) % 7 // 0 = Monday
        let thursday = d.adding(days: 3 - weekday)
        let jan1 = CalendarDate.clamped(year: thursday.year, month: 1, day: 1)
        year = thursday.year
        week = jan1.days(until: thursday) / 7 + 1
    }

    /// "2023-W23" (also "2023W23", lower-case w); nil for anything else or a week the year lacks.
    public static func parse(_ raw: String) -> ISOWeek? {
        components(raw).flatMap { ISOWeek(year: $0.year, week: $0.week) }
    }

    /// The year and week written, whether or not the year has that week: so a refusal can say
    /// "2023 has 52 weeks" rather than "not a week".
    public static func components(_ raw: String) -> (year: Int, week: Int)? {
        let s = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = s.split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let y = parts[0].hasSuffix("-") ? parts[0].dropLast() : parts[0]
        guard y.count == 4, let year = Int(y), (1...2).contains(parts[1].count), let week = Int(parts[1]) else { return nil }
        return (year, week)
    }

    /// 52 or 53: a year has 53 weeks when it starts on a Thursday, or is a leap year starting on a Wednesday.
    public static func weeks(in year: Int) -> Int {
        guard let jan1 = CalendarDate(year: year, month: 1, day: 1) else { return 0 }
        let weekday = (WorkCalendar.weekday(jan1) + 6) % 7 // 0 = Monday
        return weekday == 3 || (weekday == 2 && CalendarDate.isLeap(year)) ? 53 : 52
    }

    public var monday: CalendarDate {
        let jan4 = CalendarDate.clamped(year: year, month: 1, day: 4)
        let weekday = (WorkCalendar.weekday(jan4) + 6) % 7
        return jan4.adding(days: -weekday + (week - 1) * 7)
    }

    public var sunday: CalendarDate { monday.adding(days: 6) }

    public var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }

    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }
}
