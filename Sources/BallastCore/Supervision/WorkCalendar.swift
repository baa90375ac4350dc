/// Working days, for the supervision clocks: Monday to Friday, less the district's public
/// holidays, plus the weekend days worked in their place (调休). A plain value so every clock
/// rule can be tested without a database.
public struct WorkCalendar: Sendable, Equatable {
    /// Weekdays that are not worked.
    public var holidays: Set<CalendarDate>
    /// Saturdays and Sundays that are worked.
    public var workdays: Set<CalendarDate>

    public init(holidays: Set<CalendarDate> = [], workdays: Set<CalendarDate> = []) {
        self.holidays = holidays; self.workdays = workdays
    }

    public static let weekdaysOnly = WorkCalendar()

    /// 0 = Sunday … 6 = Saturday. 1899-12-31 was a Sunday.
    public static func weekday(_ d: CalendarDate) -> Int { ((d.daysSince1899_12_31 % 7) + 7) % 7 }

    public func isWorkingDay(_ d: CalendarDate) -> Bool {
        if workdays.contains(d) { return true }
        if holidays.contains(d) { return false }
        let w = Self.weekday(d)
        return w != 0 && w != 6
    }

    /// The `n`th working day after `d` (a clock started on `d` with `n` working days runs out
    /// at the end of that day). `n` of zero is `d` itself.
    public func adding(workingDays n: Int, to d: CalendarDate) -> CalendarDate {
        var day = d, left = n
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days after `a` up to and including `b`; zero when `b` is not after `a`.
    public func workingDays(after a: CalendarDate, through b: CalendarDate) -> Int {
        guard a < b else { return 0 }
        var n = 0, day = a
        while day < b {
            day = day.adding(days: 1)
            if isWorkingDay(day) { n += 1 }
        }
        return n
    }

    /// Reads a list of ISO days separated by commas, spaces or new lines; nil names the first
    /// entry that is not a day.
    public static func days(_ text: String) -> Result<Set<CalendarDate>, BadDay> {
        var out: Set<CalendarDate> = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || $0.isWhitespace }) {
            guard let d = CalendarDate.parse(String(part)) else { return .failure(BadDay(text: String(part))) }
            out.insert(d)
        }
        return .success(out)
    }

    public struct BadDay: Error, Equatable, Sendable {
        public var text: String
        public init(text: String) { self.text = text }
    }
}
