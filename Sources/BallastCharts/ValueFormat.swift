/// How a chart writes its values: money in 万元/亿元, a percentage of 1, or a count.
public enum ValueFormat: Sendable, Equatable {
    /// Money in a scale; `english` names the unit in English on the axis.
    case money(MoneyScale, english: Bool = false)
    case percent
    case count

    public func text(_ v: Double) -> String {
        switch self {
        case .money(let scale, _): return scale.figure(v)
        // One decimal always, as `Percent.text` writes it for pages and documents ("50.0%", not "50%").
        case .percent: return MoneyScale.fixed((v * 1000).rounded() / 10, decimals: 1) + "%"
        case .count: return MoneyScale.grouped(v, decimals: 0)
        }
    }

    /// The unit shown once on the axis rather than on every tick.
    public var axisUnit: String? {
        if case .money(let scale, let english) = self { return scale.unit(english: english) }
        return nil
    }
}
