import Foundation

/// How units are scored, per district and year, kept as data the office edits: which
/// indicators, their weights (adding up to 100), caps, whether departments and towns/streets
/// are ranked apart, how months add up to a quarter or year, and who counts as 先进单位.
public struct ScoringScheme: Sendable, Codable, Equatable {
    public struct Item: Sendable, Codable, Equatable {
        /// The indicator's key (`ScoringIndicator`); kept as text so a bad one can be named.
        public var indicator: String
        public var weight: Double
        /// The most a ratio may reach (1 = full marks at target); nil means 1.
        public var cap: Double?

        public init(indicator: String, weight: Double, cap: Double? = nil) {
            self.indicator = indicator
            self.weight = weight
            self.cap = cap
        }
    }

    public var items: [Item]
    /// Rank 部门 and 乡镇/街道 in separate tables.
    public var separateGroups: Bool
    public var aggregation: AssessmentRule
    /// Leads each unit is expected to sign in a year (the pipeline indicator's target).
    public var pipelineTarget: Int
    /// 先进单位: at most this many of the year's best…
    public var advancedCount: Int
    /// …scoring at least this.
    public var advancedThreshold: Double

    public init(items: [Item], separateGroups: Bool = true, aggregation: AssessmentRule = .mean, pipelineTarget: Int = 2,
                advancedCount: Int = 5, advancedThreshold: Double = 85) {
        self.items = items
        self.separateGroups = separateGroups
        self.aggregation = aggregation
        self.pipelineTarget = pipelineTarget
        self.advancedCount = advancedCount
        self.advancedThreshold = advancedThreshold
    }

    /// The default weights: investment first, as the district assesses.
    public static let standard = ScoringScheme(items: [
        Item(indicator: ScoringIndicator.investment.rawValue, weight: 40, cap: 1.2),
        Item(indicator: ScoringIndicator.starts.rawValue, weight: 15),
        Item(indicator: ScoringIndicator.problems.rawValue, weight: 15),
        Item(indicator: ScoringIndicator.reporting.rawValue, weight: 10),
        Item(indicator: ScoringIndicator.warnings.rawValue, weight: 10),
        Item(indicator: ScoringIndicator.pipeline.rawValue, weight: 10),
    ])

    public var weightSum: Double { items.reduce(0) { $0 + $1.weight } }

    /// What is wrong with the scheme, naming the field; nil when it can be used.
    public func problem() -> (field: String, message: Message)? {
        var seen: Set<String> = []
        for (i, item) in items.enumerated() {
            let field = "items[\(i)]"
            guard ScoringIndicator(rawValue: item.indicator) != nil else {
                let known = ScoringIndicator.allCases.map(\.rawValue).joined(separator: ", ")
                return (field + ".indicator", Message(zh: "第 \(i + 1) 项的指标“\(item.indicator)”不存在，可用的指标：\(known)",
                                                      en: "Item \(i + 1) names an indicator “\(item.indicator)” that does not exist; known: \(known)"))
            }
            guard seen.insert(item.indicator).inserted else {
                return (field + ".indicator", Message(zh: "指标“\(item.indicator)”重复", en: "The indicator “\(item.indicator)” appears twice"))
            }
            guard item.weight.isFinite, item.weight >= 0 else {
                return (field + ".weight", Message(zh: "第 \(i + 1) 项的权重不能为负", en: "Item \(i + 1)'s weight cannot be negative"))
            }
            if let cap = item.cap, !(cap.isFinite && cap >= 1 && cap <= 2) {
                return (field + ".cap", Message(zh: "第 \(i + 1) 项的封顶值应在 1 到 2 之间", en: "Item \(i + 1)'s cap must be between 1 and 2"))
            }
        }
        let sum = weightSum
        if abs(sum - 100) > 0.001 {
            let shown = Self.format(sum)
            return ("items", Message(zh: "各项权重合计为 \(shown)，应为 100", en: "The weights add up to \(shown), not 100"))
        }
        if let p = aggregation.problem() { return ("aggregation", p) }
        if pipelineTarget < 0 { return ("pipelineTarget", Message(zh: "年度签约目标不能为负", en: "The pipeline target cannot be negative")) }
        if advancedCount < 0 { return ("advancedCount", Message(zh: "先进单位名额不能为负", en: "The number of advanced units cannot be negative")) }
        if !(0...100).contains(advancedThreshold) {
            return ("advancedThreshold", Message(zh: "先进单位分数线应在 0 到 100 之间", en: "The threshold must be between 0 and 100"))
        }
        return nil
    }

    public static func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x)
    }
}

/// How the monthly scores of a quarter or year become one: their mean (no weights), or weighted
/// by month (e.g. 1, 1, 2 — each quarter's last month counting double; for a year the weights
/// repeat quarter by quarter). Months without a score are left out and the weights of the rest
/// rescaled, so a unit is not punished for a month nobody scored.
public struct AssessmentRule: Sendable, Codable, Equatable {
    public var monthWeights: [Double]?

    public init(monthWeights: [Double]? = nil) { self.monthWeights = monthWeights }

    public static let mean = AssessmentRule()

    public func problem() -> Message? {
        guard let w = monthWeights else { return nil }
        if w.isEmpty || w.contains(where: { !$0.isFinite || $0 < 0 }) || w.reduce(0, +) <= 0 {
            return Message(zh: "月份权重应为非负数且不全为零", en: "Month weights must be non-negative and not all zero")
        }
        return nil
    }

    func weight(_ i: Int) -> Double {
        guard let w = monthWeights, !w.isEmpty else { return 1 }
        return w[i % w.count]
    }

    /// The period's score from its months' scores in order (nil where a month has none).
    public func aggregate(_ months: [Double?]) -> Double? {
        var total = 0.0, weights = 0.0
        for (i, s) in months.enumerated() {
            guard let s else { continue }
            total += s * weight(i)
            weights += weight(i)
        }
        return weights > 0 ? total / weights : nil
    }

    public var description: Message {
        guard let w = monthWeights else { return Message(zh: "各月得分的算术平均", en: "the mean of the monthly scores") }
        let text = w.map { ScoringScheme.format($0) }.joined(separator: "∶")
        return Message(zh: "各月得分按 \(text) 加权平均", en: "the monthly scores weighted \(text)")
    }
}
