import Foundation

/// Departments and towns/streets are ranked apart where the district wants: a town's work is
/// not a bureau's. Told apart by the unit's name, as the district's own lists name them.
public enum UnitGroup: String, Sendable, Codable, CaseIterable {
    case department
    case townStreet

    public static func of(_ unitName: String) -> UnitGroup {
        let name = unitName.trimmingCharacters(in: .whitespaces)
        return ["街道", "街道办事处", "办事处", "镇", "乡"].contains(where: { name.hasSuffix($0) }) ? .townStreet : .department
    }

    public var name: Message {
        switch self {
        case .department: Message(zh: "区直部门", en: "Departments")
        case .townStreet: Message(zh: "乡镇（街道）", en: "Towns and streets")
        }
    }
}

/// One unit's score for a month: the points of each indicator and their sum.
public struct UnitScore: Sendable, Codable, Equatable {
    public struct Part: Sendable, Codable, Equatable {
        public var indicator: String
        public var weight: Double
        /// The ratio achieved, after the cap (0…cap).
        public var ratio: Double
        public var points: Double

        public init(indicator: String, weight: Double, ratio: Double, points: Double) {
            self.indicator = indicator; self.weight = weight; self.ratio = ratio; self.points = points
        }
    }

    public var parts: [Part]
    public var total: Double

    public init(parts: [Part], total: Double) { self.parts = parts; self.total = total }

    public func points(_ indicator: ScoringIndicator) -> Double {
        parts.first { $0.indicator == indicator.rawValue }?.points ?? 0
    }

    /// Scores `facts` for `month` (1…12) under a valid `scheme`. Points keep two decimals.
    public static func score(_ facts: UnitFacts, month: Int, scheme: ScoringScheme) -> UnitScore {
        let parts = scheme.items.compactMap { item -> Part? in
            guard let indicator = ScoringIndicator(rawValue: item.indicator) else { return nil }
            let ratio = min(item.cap ?? 1, max(0, Self.ratio(indicator, facts, month: month, pipelineTarget: scheme.pipelineTarget)))
            return Part(indicator: item.indicator, weight: item.weight, ratio: ratio, points: round2(item.weight * ratio))
        }
        return UnitScore(parts: parts, total: round2(parts.reduce(0) { $0 + $1.points }))
    }

    /// The indicator's ratio before the cap; 1 (full marks) when there was nothing to do.
    public static func ratio(_ indicator: ScoringIndicator, _ f: UnitFacts, month: Int, pipelineTarget: Int) -> Double {
        func share(_ done: Int, of due: Int) -> Double { due == 0 ? 1 : Double(done) / Double(due) }
        switch indicator {
        case .investment:
            guard f.plan > 0 else { return 1 }
            let timeProgress = Double(max(1, min(12, month))) / 12
            return Double(f.completed) / Double(f.plan) / timeProgress
        case .starts: return share(f.achievedStarts, of: f.plannedStarts)
        case .problems: return share(f.problemsOnTime, of: f.problemsDue)
        case .reporting: return share(f.reportsOnTime, of: f.reportsExpected)
        case .warnings: return f.projects == 0 ? 1 : 1 - Double(f.litProjects) / Double(f.projects)
        case .pipeline:
            let due = Double(pipelineTarget) * Double(max(1, min(12, month))) / 12
            return due == 0 ? 1 : Double(f.signedLeads) / due
        case .photos: return share(f.reportsVerified, of: f.reportsExpected)
        case .approvals: return share(f.approvalsOnTime, of: f.approvalsDue)
        case .inspection: return f.inspectionRatio ?? 1
        }
    }

    public static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}

/// The order of a ranking. Higher total first; on equal totals, the higher investment points,
/// then fewer projects lit red or yellow, then the unit's name — so two runs over the same
/// data always give the same order and every tie is settled by a rule anyone can check.
public enum RankingOrder {
    public struct Entry: Sendable, Equatable {
        public var unit: String
        public var score: UnitScore
        public var litProjects: Int

        public init(unit: String, score: UnitScore, litProjects: Int) {
            self.unit = unit
            self.score = score
            self.litProjects = litProjects
        }
    }

    public static let tieRule = Message(zh: "总分相同的，依次比较投资完成得分（高者在前）、红黄灯项目数（少者在前）、单位名称",
                                        en: "Equal totals are settled by the investment points (higher first), then projects lit red or yellow (fewer first), then the unit's name")

    public static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        if a.score.total != b.score.total { return a.score.total > b.score.total }
        let ai = a.score.points(.investment), bi = b.score.points(.investment)
        if ai != bi { return ai > bi }
        if a.litProjects != b.litProjects { return a.litProjects < b.litProjects }
        return a.unit < b.unit
    }

    public static func sorted(_ entries: [Entry]) -> [Entry] { entries.sorted(by: precedes) }
}

/// 先进单位: the year's best, at most `count` of them and only those at or above the threshold.
/// Final scores come in ranked order.
public enum AdvancedUnits {
    public static func pick(_ ranked: [(unit: String, score: Double)], count: Int, threshold: Double) -> [String] {
        Array(ranked.prefix(max(0, count)).filter { $0.score >= threshold }.map(\.unit))
    }
}
