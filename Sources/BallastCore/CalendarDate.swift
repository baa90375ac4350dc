import Foundation

/// A calendar day with no time zone: deadlines and planned dates are days in the
/// district's own calendar, so they must not shift when a server's zone differs.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// The day nearest to the one named, never nil: the year is held within 1900–2999, the
    /// month within 1–12 and the day within the month. For days built from a year that was
    /// checked on the way in (`PlanYear`), where a failing initializer would mean a force unwrap.
    public static func clamped(year: Int, month: Int, day: Int) -> CalendarDate {
        let y = min(max(year, 1900), 2999), m = min(max(month, 1), 12)
        let d = min(max(day, 1), daysIn(month: m, year: y))
        return CalendarDate(checkedYear: y, month: m, day: d)
    }

    private init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO 8601, the form stored in the database and written to exports.
    public var iso: String {
        // Built by hand: String(format:) was the largest single cost of exporting and importing.
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }
    public var description: String { iso }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// Accepts the forms officials type and spreadsheets store: YYYY-MM-DD, YYYY-MM (first
    /// of the month), YYYY/M/D, YYYY.M.D, YYYY年M月D日, and Excel's serial day numbers.
    public static func parse(_ raw: String) -> CalendarDate? {
        if let iso = parseISO(raw.utf8) { return iso }
        let text = raw.trimmed
        if text.isEmpty { return nil }
        if text.allSatisfy({ $0.isASCIIDigit || $0 == "." }), let serial = Double(text), !text.contains("-") {
            // A bare number of 5 digits is an Excel serial; 4 digits would be a year.
            if serial >= 1000 && serial < 2_958_466 && text.count >= 5 || text.contains(".") && serial >= 1000 {
                return fromExcelSerial(Int(serial))
            }
            return nil
        }
        var normalized = text
        for sep in ["/", ".", "年", "月"] { normalized = normalized.replacingOccurrences(of: sep, with: "-") }
        if normalized.hasSuffix("日") { normalized.removeLast() }
        let parts = normalized.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              parts[0].count == 4,
              let y = Int(parts[0]), let m = Int(parts[1]),
              parts[1].count <= 2, parts.count == 2 || parts[2].count <= 2
        else { return nil }
        let d = parts.count == 3 ? Int(parts[2]) ?? 0 : 1
        return CalendarDate(year: y, month: m, day: d)
    }

    /// Exactly `YYYY-MM-DD`, the stored form: what the database hands back, never typed by a person.
    public init?(iso: String) {
        guard let day = CalendarDate.parseISO(iso.utf8) else { return nil }
        self = day
    }

    /// YYYY-MM-DD exactly, the form exports and the database use: read without building strings.

    static func parseISO(_ utf8: String.UTF8View) -> CalendarDate? {
        guard utf8.count == 10 else { return nil }
        var digits: [Int] = []
        digits.reserveCapacity(8)
        for (i, byte) in utf8.enumerated() {
            if i == 4 || i == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                digits.append(Int(byte - UInt8(ascii: "0")))
            }
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        return CalendarDate(year: year, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
    }

    /// Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was,
    /// so serials from 61 on are one day ahead of a true count from 1899-12-31.
    public static func fromExcelSerial(_ serial: Int) -> CalendarDate? {
        guard serial >= 1 else { return nil }
        let days = serial >= 61 ? serial - 1 : serial
        return CalendarDate(daysSince1899_12_31: days)
    }

    public var excelSerial: Int {
        let d = daysSince1899_12_31
        return d >= 60 ? d + 1 : d
    }

    /// Days since the civil date 1899-12-31 (so 1900-01-01 is 1).
    public var daysSince1899_12_31: Int { CalendarDate.daysFromCivil(year, month, day) - CalendarDate.daysFromCivil(1899, 12, 31) }

    public init?(daysSince1899_12_31 n: Int) {
        let (y, m, d) = CalendarDate.civilFromDays(n + CalendarDate.daysFromCivil(1899, 12, 31))
        self.init(year: y, month: m, day: d)
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSince1899_12_31: daysSince1899_12_31 + days) ?? self
    }

    public func days(until other: CalendarDate) -> Int { other.daysSince1899_12_31 - daysSince1899_12_31 }

    // Howard Hinnant's days-from-civil algorithm: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

extension TimeZone {
    /// China Standard Time, the districts' default zone; UTC+8 should the zone database lack it.
    public static var chinaStandard: TimeZone {
        TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }
}
