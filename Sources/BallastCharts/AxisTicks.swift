import Foundation

/// Axis ticks at round values: steps of 1, 2 or 5 times a power of ten, from zero to the first
/// tick at or above the largest value, about `target` of them.
public enum AxisTicks {
    public static func nice(max value: Double, target: Int = 5) -> [Double] {
        guard value.isFinite, value > 0, target > 0 else { return [0, 1] }
        let raw = value / Double(target)
        let power = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw * (1 - 1e-9) } ?? 10 * power
        let count = Int((value / step - 1e-9).rounded(.up))
        return (0...max(1, count)).map { Double($0) * step }
    }
}

/// Money on an axis or a mark, in the units Chinese reports use: 亿元 from one hundred million,
/// else 万元. Amounts are yuan.
public enum MoneyScale: Sendable, Equatable {
    case wan, yi

    /// The scale suited to amounts up to `maxYuan`.
    public static func suited(to maxYuan: Double) -> MoneyScale { abs(maxYuan) >= 100_000_000 ? .yi : .wan }

    public var divisor: Double { self == .yi ? 100_000_000 : 10_000 }
    public var unit: String { self == .yi ? "亿元" : "万元" }
    /// The unit in the reader's language: an English page's chart says "100M yuan".
    public func unit(english: Bool) -> String { english ? (self == .yi ? "100M yuan" : "10k yuan") : unit }

    /// "12.5" or "1,200" in the scale's unit (no unit): up to two decimals below 10, one below
    /// 100, none above, with thousands separated.
    public func figure(_ yuan: Double) -> String {
        let v = yuan / divisor
        let decimals = abs(v) < 10 ? 2 : abs(v) < 100 ? 1 : 0
        return MoneyScale.grouped(v, decimals: decimals)
    }

    /// The figure with its unit: "12.5亿元".
    public func label(_ yuan: Double) -> String { figure(yuan) + unit }
    /// The figure with its unit in the reader's language: "12.5亿元", "12.5 100M yuan".
    public func label(_ yuan: Double, english: Bool) -> String { english ? figure(yuan) + " " + unit(english: true) : label(yuan) }

    static func grouped(_ v: Double, decimals: Int) -> String {
        var s = fixed(v, decimals: decimals)
        if decimals > 0 {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s == "-0" { s = "0" }
        let negative = s.hasPrefix("-")
        if negative { s.removeFirst() }
        let parts = s.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var groups: [String] = []
        while whole.count > 3 { groups.insert(String(whole.suffix(3)), at: 0); whole.removeLast(3) }
        groups.insert(whole, at: 0)
        return (negative ? "-" : "") + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `v` with `decimals` places, rounded as C's printf rounds (the same bytes as
    /// `String(format: "%.2f")`, which goes through Foundation's formatter and cost a map of
    /// 6 000 dots a tenth of its drawing time). 400 bytes hold any double to nine places (the
    /// largest has 309 digits); vsnprintf cuts rather than overruns in any case.
    static func fixed(_ v: Double, decimals: Int) -> String {
        let format = "%.\(max(0, min(decimals, 9)))f"
        return withVaList([v]) { args in
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
                guard let base = buffer.baseAddress else { return String(v) }
                _ = vsnprintf(base, buffer.count, format, args)
                return String(cString: base)
            }
        }
    }
}
