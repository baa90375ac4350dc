/// What a camera recorded in a photo (`ExifReader`): when it was taken, where, and on what.
/// Each is nil where the file does not say; `unreadable` when it has an EXIF block that cannot
/// be read (cut short, offsets outside it, a loop), which the verdict reports as such.
public struct PhotoMetadata: Sendable, Equatable {
    public var takenAt: TakenAt?
    /// WGS-84 degrees, north and east positive, as GPS receivers give them.
    public var latitude: Double?
    public var longitude: Double?
    public var make: String?
    public var model: String?
    public var unreadable: Bool

    public init(takenAt: TakenAt? = nil, latitude: Double? = nil, longitude: Double? = nil, make: String? = nil, model: String? = nil,
                unreadable: Bool = false) {
        self.takenAt = takenAt; self.latitude = latitude; self.longitude = longitude; self.make = make; self.model = model
        self.unreadable = unreadable
    }

    public static let nothing = PhotoMetadata()
    public static let unreadableBlock = PhotoMetadata(unreadable: true)

    /// The device in one phrase ("HUAWEI ELS-AN00"), nil when the file does not say.
    public var device: String? {
        let parts = [make, model].compactMap { $0?.trimmed }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        // Many cameras repeat the make in the model ("Apple" / "iPhone 14" but "Canon" / "Canon EOS R6").
        if parts.count == 2, parts[1].lowercased().hasPrefix(parts[0].lowercased()) { return parts[1] }
        return parts.joined(separator: " ")
    }
}

/// `DateTimeOriginal`: the camera's wall clock, with the offset from UTC where the camera wrote
/// one (`OffsetTimeOriginal`, EXIF 2.31); without one it is read in the district's time.
public struct TakenAt: Sendable, Equatable, Codable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// Minutes east of UTC (+08:00 → 480), nil when the camera did not say.
    public var offsetMinutes: Int?

    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetMinutes: Int? = nil) {
        guard CalendarDate(year: year, month: month, day: day) != nil, (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              offsetMinutes.map({ (-14 * 60...14 * 60).contains($0) }) ?? true else { return nil }
        self.year = year; self.month = month; self.day = day; self.hour = hour; self.minute = minute; self.second = second
        self.offsetMinutes = offsetMinutes
    }

    /// "2023:06:15 10:30:00" exactly (EXIF's form; the date also with dashes, a T between), and
    /// "+08:00" or nil. Every figure its full width of digits: "-2023:-7:-15" is no time.
    public init?(exif: String, offset: String?) {
        let c = Array(exif.utf8.prefix(19))
        guard c.count == 19 else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            guard r.allSatisfy({ (0x30...0x39).contains(c[$0]) }) else { return nil }
            return r.reduce(0) { $0 * 10 + Int(c[$1] - 0x30) }
        }
        let dateMark = c[4]
        guard dateMark == UInt8(ascii: ":") || dateMark == UInt8(ascii: "-"), c[7] == dateMark, c[10] == UInt8(ascii: " ") || c[10] == UInt8(ascii: "T"),
              c[13] == UInt8(ascii: ":"), c[16] == UInt8(ascii: ":"),
              let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10), let h = number(11..<13), let mi = number(14..<16),
              let s = number(17..<19) else { return nil }
        self.init(year: y, month: mo, day: d, hour: h, minute: mi, second: s, offsetMinutes: offset.flatMap(Self.offset))
    }

    /// "+08:00" → 480; "-03:30" → -210; anything else nil.
    static func offset(_ raw: String) -> Int? {
        let s = raw.trimmed
        guard s.count == 6, let sign = s.first, sign == "+" || sign == "-", let h = Int(s.dropFirst().prefix(2)), let m = Int(s.suffix(2)),
              s[s.index(s.startIndex, offsetBy: 3)] == ":", (0...14).contains(h), (0...59).contains(m) else { return nil }
        return (sign == "-" ? -1 : 1) * (h * 60 + m)
    }

    /// The day it was taken in a zone `zoneMinutes` east of UTC (the district's: 480 for China),
    /// reading a time without an offset as that zone's.
    public func day(inZone zoneMinutes: Int) -> CalendarDate? {
        guard let local = CalendarDate(year: year, month: month, day: day) else { return nil }
        let shift = zoneMinutes - (offsetMinutes ?? zoneMinutes)
        let minutes = hour * 60 + minute + shift
        // A shift is under a day each way (offsets are within ±14 h), so the day moves by one at most.
        if minutes < 0 { return local.adding(days: -1) }
        if minutes >= 24 * 60 { return local.adding(days: 1) }
        return local
    }

    /// "2023-06-15T10:30:00+08:00", or without the offset where the camera gave none.
    public var iso: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var s = "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))"
        if let o = offsetMinutes { s += (o < 0 ? "-" : "+") + two(abs(o) / 60) + ":" + two(abs(o) % 60) }
        return s
    }

    /// "2023-06-15 10:30" for people.
    public var shown: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute))"
    }
}
