/// The district's 入库纳统 rule, as data (default: 银川's published rule, 开工后 1 个月未入库
/// 黄, 2 个月 红). It is part of the year's warning thresholds, so it is versioned with them.
public enum StatisticsRule {
    public static let defaultYellowMonths = 1
    public static let defaultRedMonths = 2
    public static let maxMonths = 24

    /// The colour and reason a started project not in the database has on `asOf`, or nil.
    /// "After one month" is reached on the same day of the next month (a start on 1-31 reaches
    /// it on 2-28): exactly one month is 黄, a day short of it nothing.
    public static func finding(_ record: StatisticsRecord, asOf: CalendarDate, yellowMonths: Int, redMonths: Int) -> (WarningColour, Message)? {
        guard let started = record.startedOn, started <= asOf, record.status(asOf: asOf) != .included else { return nil }
        let months = monthsElapsed(from: started, to: asOf)
        let colour: WarningColour
        if months >= redMonths { colour = .red } else if months >= yellowMonths { colour = .yellow } else { return nil }
        let declared = record.status(asOf: asOf) == .declared ? record.declaredOn : nil
        return (colour, Message(
            zh: "开工（\(started.iso)）已满 \(months) 个月仍未入库" + (declared.map { "（\($0.iso) 已申报）" } ?? ""),
            en: "Started \(started.iso), \(months) month\(months == 1 ? "" : "s") ago, and not in the statistics database" + (declared.map { " (declared \($0.iso))" } ?? "")))
    }

    /// Whole months from `a` to `b`: the count of month-days reached (clamped to month ends).
    public static func monthsElapsed(from a: CalendarDate, to b: CalendarDate) -> Int {
        guard a <= b else { return 0 }
        var months = (b.year - a.year) * 12 + (b.month - a.month)
        if months > 0, b < a.adding(months: months) { months -= 1 }
        return months
    }
}

extension CalendarDate {
    /// The same day `n` months later, clamped to the month's last day (1-31 + 1 month = 2-28).
    public func adding(months n: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + n
        let y = index / 12, m = index % 12 + 1
        return .clamped(year: y, month: m, day: day)
    }
}
