/// 红黄蓝绿四色预警: the colours, in order of severity.
public enum WarningColour: String, CaseIterable, Sendable, Codable, Comparable {
    case green, blue, yellow, red

    public var chineseName: String {
        switch self {
        case .green: "绿"
        case .blue: "蓝"
        case .yellow: "黄"
        case .red: "红"
        }
    }

    var severity: Int { WarningColour.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: WarningColour, b: WarningColour) -> Bool { a.severity < b.severity }

    /// "red,yellow" (or 红、黄) as a set; nil when any part names no colour.
    public static func parseList(_ text: String) -> Set<WarningColour>? {
        var out: Set<WarningColour> = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == "、" }) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let c = WarningColour(rawValue: name.lowercased()) ?? allCases.first(where: { $0.chineseName == name }) else { return nil }
            out.insert(c)
        }
        return out
    }

    /// Red and yellow projects are "lit" (亮灯督办): they go to the weekly meeting.
    public var isLit: Bool { self >= .yellow }
}

/// A district's thresholds for a year, as data: the project office edits them, and each colour
/// records the version it was computed with. Lags are whole percentage points.
public struct WarningThresholds: Sendable, Codable, Equatable {
    public var version: Int
    /// Lag up to this is 蓝 (exactly this too).
    public var blueLagPoints: Int
    /// Lag up to this is 黄; beyond it 红.
    public var yellowLagPoints: Int
    /// A milestone late by up to this many days is 蓝.
    public var blueLateDays: Int
    /// Up to this many days 黄; beyond it 红.
    public var yellowLateDays: Int
    /// 入库纳统 (`StatisticsRule`): a started project not in the statistics database this many
    /// whole months after its start is 黄; at `statsRedMonths` 红.
    public var statsYellowMonths: Int
    public var statsRedMonths: Int

    public init(version: Int, blueLagPoints: Int, yellowLagPoints: Int, blueLateDays: Int, yellowLateDays: Int,
                statsYellowMonths: Int = StatisticsRule.defaultYellowMonths, statsRedMonths: Int = StatisticsRule.defaultRedMonths) {
        self.version = version; self.blueLagPoints = blueLagPoints; self.yellowLagPoints = yellowLagPoints
        self.blueLateDays = blueLateDays; self.yellowLateDays = yellowLateDays
        self.statsYellowMonths = statsYellowMonths; self.statsRedMonths = statsRedMonths
    }

    /// DOMAIN.md's default rule.
    public static let standard = WarningThresholds(version: 1, blueLagPoints: 10, yellowLagPoints: 20, blueLateDays: 15, yellowLateDays: 30)

    /// Nil when usable, otherwise what is wrong: the bands must widen from blue to yellow.
    public var problem: Message? {
        if blueLagPoints < 0 || yellowLagPoints < blueLagPoints || yellowLagPoints > Self.maxLagPoints {
            return Message(zh: "投资滞后阈值应满足 0 ≤ 蓝 ≤ 黄 ≤ \(Self.maxLagPoints)", en: "Lag thresholds must satisfy 0 ≤ blue ≤ yellow ≤ \(Self.maxLagPoints)")
        }
        if blueLateDays < 0 || yellowLateDays < blueLateDays || yellowLateDays > Self.maxLateDays {
            return Message(zh: "节点逾期阈值应满足 0 ≤ 蓝 ≤ 黄 ≤ \(Self.maxLateDays)", en: "Late-day thresholds must satisfy 0 ≤ blue ≤ yellow ≤ \(Self.maxLateDays)")
        }
        if statsYellowMonths < 1 || statsRedMonths < statsYellowMonths || statsRedMonths > StatisticsRule.maxMonths {
            return Message(zh: "入库纳统月数应满足 1 ≤ 黄 ≤ 红 ≤ \(StatisticsRule.maxMonths)，实为 黄 \(statsYellowMonths)、红 \(statsRedMonths)",
                           en: "Statistics months must satisfy 1 ≤ yellow ≤ red ≤ \(StatisticsRule.maxMonths); they are \(statsYellowMonths) and \(statsRedMonths)")
        }
        return nil
    }

    /// A lag is at most 100 points (nothing done by the year's end), and no milestone is judged
    /// on years of lateness: bounds beyond these mean nothing, and a lag threshold of 10⁹ once
    /// overflowed the comparison below and stopped the server (issue 19, found by the API fuzzer).
    public static let maxLagPoints = 100
    public static let maxLateDays = 3_650
}

/// What the rule needs to know of one project on one date.
public struct WarningInput: Sendable, Equatable {
    public struct Milestone: Sendable, Equatable {
        public var name: String
        public var planned: CalendarDate
        public var actual: CalendarDate?
        public init(name: String, planned: CalendarDate, actual: CalendarDate?) {
            self.name = name; self.planned = planned; self.actual = actual
        }
    }

    public var asOf: CalendarDate
    public var annualPlan: Money?
    public var completedYTD: Money
    public var plannedStart: CalendarDate?
    public var stage: LifecycleStage
    public var milestones: [Milestone]
    /// 入库纳统; nil when nothing is known (no start day: the rule does not apply).
    public var statistics: StatisticsRecord?

    public init(asOf: CalendarDate, annualPlan: Money?, completedYTD: Money, plannedStart: CalendarDate?,
                stage: LifecycleStage, milestones: [Milestone] = [], statistics: StatisticsRecord? = nil) {
        self.asOf = asOf; self.annualPlan = annualPlan; self.completedYTD = completedYTD
        self.plannedStart = plannedStart; self.stage = stage; self.milestones = milestones; self.statistics = statistics
    }
}

/// A colour with every reason for it, worst first, and the lag it was judged on.
public struct WarningOutcome: Sendable, Equatable {
    public var colour: WarningColour
    public var reasons: [Message]
    /// 时序进度 minus completion rate, in percentage points; nil when not judged on investment.
    public var lagPoints: Double?
    public var ruleVersion: Int

    /// An outcome as it was stored (a colour kept in the state or the history).
    public init(colour: WarningColour, reasons: [Message], lagPoints: Double?, ruleVersion: Int) {
        self.colour = colour
        self.reasons = reasons
        self.lagPoints = lagPoints
        self.ruleVersion = ruleVersion
    }
}

/// The four-colour rule. Investment: 时序进度 at the end of month m is m/12 (m being the as-of
/// date's month, as the year-to-date figure includes that month's report); lag is 时序进度 minus
/// YTD completed ÷ annual plan. Compared in exact integer arithmetic, so a lag of exactly 10
/// points is 蓝 and never 10.000000000000002. Milestones: a planned date passed with no actual
/// date is late by the days since. A planned start passed before 在建 is 红. A started project
/// not in the statistics database is judged by `StatisticsRule`. The worst wins.
public enum WarningRule {
    public static func timeProgress(asOf: CalendarDate) -> Double { Double(asOf.month) / 12 }

    public static func evaluate(_ input: WarningInput, thresholds t: WarningThresholds = .standard) -> WarningOutcome {
        var findings: [(WarningColour, Message)] = []
        var lag: Double?
        let startPassed = input.plannedStart.map { $0 <= input.asOf } ?? true
        if let plan = input.annualPlan, plan.yuan > 0, startPassed {
            let m = Int64(input.asOf.month), p = plan.yuan, c = input.completedYTD.yuan
            // lag ≤ T  ⟺  100·(m·p − 12·c) ≤ T·12·p   (p > 0), exact in integers while the
            // products fit; amounts too large for that (beyond any real plan) compare as doubles.
            let colour: WarningColour
            let points: Double
            if let scaledLag = Exact.product(100, Exact.difference(Exact.product(m, p), Exact.product(12, c))),
               let twelveP = Exact.product(12, p),
               let blue = Exact.product(Int64(t.blueLagPoints), twelveP), let yellow = Exact.product(Int64(t.yellowLagPoints), twelveP) {
                colour = scaledLag <= 0 ? .green : scaledLag <= blue ? .blue : scaledLag <= yellow ? .yellow : .red
                points = Double(scaledLag) / Double(twelveP)
            } else {
                points = (Double(m) / 12 - Double(c) / Double(p)) * 100
                colour = points <= 0 ? .green : points <= Double(t.blueLagPoints) ? .blue : points <= Double(t.yellowLagPoints) ? .yellow : .red
            }
            let rate = Double(c) / Double(p) * 100
            lag = points
            if colour != .green {
                findings.append((colour, Message(
                    zh: "投资完成率 \(format(rate))%，低于时序进度 \(format(points)) 个百分点",
                    en: "Investment \(format(rate))% complete, \(format(points)) points behind time progress")))
            }
        }
        for milestone in input.milestones where milestone.actual == nil && milestone.planned < input.asOf {
            let days = milestone.planned.days(until: input.asOf)
            let colour: WarningColour = days <= t.blueLateDays ? .blue : days <= t.yellowLateDays ? .yellow : .red
            findings.append((colour, Message(zh: "\(milestone.name)节点逾期 \(days) 天",
                                             en: "Milestone \(milestone.name) \(days) days late")))
        }
        if let start = input.plannedStart, start < input.asOf, let order = input.stage.order,
           order < (LifecycleStage.underConstruction.order ?? Int.max) {
            findings.append((.red, Message(
                zh: "计划开工 \(start.iso) 已过，项目仍处于\(input.stage.rawValue)阶段",
                en: "Planned start \(start.iso) has passed; the project is still \(input.stage.englishName.lowercased())")))
        }
        if let record = input.statistics,
           let finding = StatisticsRule.finding(record, asOf: input.asOf, yellowMonths: t.statsYellowMonths, redMonths: t.statsRedMonths) {
            findings.append(finding)
        }
        let sorted = findings.enumerated().sorted { a, b in
            a.element.0 != b.element.0 ? a.element.0 > b.element.0 : a.offset < b.offset
        }.map(\.element)
        return WarningOutcome(colour: sorted.first?.0 ?? .green, reasons: sorted.map(\.1), lagPoints: lag, ruleVersion: t.version)
    }

    /// One decimal, as the bulletins print it: 34.0, 16.0.
    static func format(_ x: Double) -> String {
        let tenths = (x * 10).rounded()
        let whole = Int(tenths / 10)
        let frac = Int(abs(tenths).truncatingRemainder(dividingBy: 10))
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(frac)"
    }
}

/// Integer arithmetic that reports overflow as nil instead of trapping.
enum Exact {
    static func product(_ a: Int64?, _ b: Int64?) -> Int64? {
        guard let a, let b else { return nil }
        let (r, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : r
    }

    static func difference(_ a: Int64?, _ b: Int64?) -> Int64? {
        guard let a, let b else { return nil }
        let (r, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? nil : r
    }
}
