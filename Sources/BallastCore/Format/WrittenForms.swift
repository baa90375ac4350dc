/// One way to write each kind of value, as Chinese offices write them: money in 亿元 with two
/// decimals in headlines and 万元 in tables (thousands separated, the unit in the column's
/// header), dates 2023年6月25日 in prose and 2023-06-25 in tables, weeks 第25周（6月19日—6月25日）,
/// months 2023年5月. Pages, documents and exports call these; none writes its own.

extension CalendarDate {
    /// 2023年6月5日 / 5 June 2023: a date in a sentence.
    public func prose(_ lang: UILanguage) -> String {
        lang == .en ? "\(day) \(WrittenForms.monthNames[month - 1]) \(year)" : "\(year)年\(month)月\(day)日"
    }

    /// 6月5日 / 5 June: within a year the reader already knows.
    public func monthDay(_ lang: UILanguage) -> String {
        lang == .en ? "\(day) \(WrittenForms.monthNames[month - 1])" : "\(month)月\(day)日"
    }
}

extension ISOWeek {
    /// 第25周（6月19日—6月25日） / Week 25 (19–25 June).
    public func name(_ lang: UILanguage) -> String {
        let (from, to) = (monday, sunday)
        guard lang == .en else { return "第\(week)周（\(from.monthDay(.zh))—\(to.monthDay(.zh))）" }
        let days = from.month == to.month ? "\(from.day)–\(to.monthDay(.en))" : "\(from.monthDay(.en)) – \(to.monthDay(.en))"
        return "Week \(week) (\(days))"
    }

    /// 2023年第25周（6月19日—6月25日） / Week 25 of 2023 (19–25 June).
    public func fullName(_ lang: UILanguage) -> String {
        lang == .en ? name(.en).replacingFirst("Week \(week)", with: "Week \(week) of \(year)") : "\(year)年" + name(.zh)
    }
}

extension YearMonth {
    /// 2023年5月 / May 2023.
    public func name(_ lang: UILanguage) -> String {
        lang == .en ? "\(WrittenForms.monthNames[month - 1]) \(year)" : "\(year)年\(month)月"
    }
}

extension AssessmentPeriod {
    /// 2023年第二季度 / Q2 2023; 2023年度 / Year 2023.
    public func name(_ lang: UILanguage) -> String {
        guard lang == .en else { return chineseName }
        return quarter.map { "Q\($0) \(year)" } ?? "Year \(year)"
    }
}

/// A document's period as stored ("2023-W25", "2023-05", "2023-Q2", "2023"), written for people.
public enum PeriodName {
    public static func of(_ stored: String, _ lang: UILanguage) -> String {
        if let w = ISOWeek.parse(stored) { return w.fullName(lang) }
        if let p = AssessmentPeriod.parse(stored) { return p.name(lang) }
        let parts = stored.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
           let ym = YearMonth(year: y, month: m) { return ym.name(lang) }
        return stored
    }
}

extension Money {
    /// 亿元 with two decimals, rounded half away from zero: "24.74".
    public var yiText: String { WrittenForms.decimal(rounded(in: .yi, places: 2), places: 2, minPlaces: 2, grouped: false) }

    /// 万元 with up to two decimals and thousands separated: "247,430", "1,234,567.89".
    public var wanText: String { WrittenForms.decimal(rounded(in: .wan, places: 2), places: 2, minPlaces: 0, grouped: true) }

    /// 万元 as a form's box holds it: exact to the yuan (four decimals at most), not grouped, so
    /// that sending the form back changes nothing.
    public var wanInput: String { WrittenForms.decimal(rounded(in: .wan, places: 4), places: 4, minPlaces: 0, grouped: false) }
}

extension Double {
    /// A measure (亩, 平方米) with up to two decimals, as a form's box or a table holds it.
    public func measureText(grouped: Bool) -> String { WrittenForms.decimal((self * 100).rounded() / 100, places: 2, minPlaces: 0, grouped: grouped) }
}

enum WrittenForms {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// `value` (already rounded to `places`) with between `minPlaces` and `places` decimals,
    /// its whole part grouped by thousands when asked. Written digit by digit, not by a
    /// locale's formatter, so every server writes the same.
    static func decimal(_ value: Double, places: Int, minPlaces: Int, grouped: Bool) -> String {
        let scale = (0..<places).reduce(1.0) { acc, _ in acc * 10 }
        let scaled = (abs(value) * scale).rounded()
        // A Double this large has no cents left to show; write what it has.
        guard scaled < 9.0e18 else { return String(value) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        var fraction = String(units % UInt64(scale))
        fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
        while fraction.count > minPlaces && fraction.hasSuffix("0") { fraction.removeLast() }
        var digits = String(whole)
        if grouped {
            var out = ""
            for (i, c) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
                out.append(c)
            }
            digits = out
        }
        let sign = value < 0 && units > 0 ? "-" : ""
        return sign + digits + (fraction.isEmpty ? "" : "." + fraction)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}
