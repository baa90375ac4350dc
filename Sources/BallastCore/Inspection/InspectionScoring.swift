import Foundation

/// How 观摩讲评's scores are combined (issue 28, part 2): each reviewer scores every item of the
/// sheet; a project's score is the mean of its reviewers' totals, with the highest and the lowest
/// dropped when there are enough reviewers (`dropExtremesFrom`, 5 by default, a district
/// setting; 0 never drops); projects rank by score, units by the mean of their projects'.
public enum InspectionScoring {
    public struct Settings: Sendable, Equatable, Codable {
        /// Drop one highest and one lowest total from this many reviewers on; 0: never.
        public var dropExtremesFrom: Int

        public init(dropExtremesFrom: Int = 5) { self.dropExtremesFrom = dropExtremesFrom }

        public static let standard = Settings()

        public func problems() -> [FieldProblem] {
            guard dropExtremesFrom == 0 || (3...50).contains(dropExtremesFrom) else {
                return [FieldProblem("dropExtremesFrom", Message(zh: "去掉最高分和最低分的评委人数下限应为 0（不去掉）或 3 至 50，实为 \(dropExtremesFrom)",
                                                                 en: "dropExtremesFrom must be 0 (never) or 3 to 50, not \(dropExtremesFrom)"))]
            }
            return []
        }
    }

    /// One reviewer's points for one project, by item key.
    public typealias Points = [String: Double]

    /// Whole tenths (one decimal), as a person scores.
    static func isTenths(_ v: Double) -> Bool {
        v.isFinite && abs(v * 10 - (v * 10).rounded()) < 1e-9
    }

    /// Field → problem for one reviewer's sheet: every item scored, none unknown, each from 0 to
    /// its full points with one decimal.
    public static func check(_ points: Points, sheet: InspectionSheet) -> [FieldProblem] {
        var out: [FieldProblem] = []
        let keys = Set(sheet.items.map(\.key))
        for item in sheet.items {
            guard let p = points[item.key] else {
                out.append(FieldProblem(item.key, Message(zh: "请为“\(item.name)”打分", en: "Score “\(item.name)”")))
                continue
            }
            if !(p >= 0 && p <= item.points) || !isTenths(p) {
                out.append(FieldProblem(item.key, Message(zh: "“\(item.name)”应为 0 至 \(format(item.points)) 分（最多一位小数），实为 \(p)",
                                                          en: "“\(item.name)” must be 0 to \(format(item.points)), to one decimal (not \(p))")))
            }
        }
        for key in points.keys.sorted() where !keys.contains(key) {
            out.append(FieldProblem(key, Message(zh: "评分表中没有“\(key)”这一项", en: "The sheet has no item “\(key)”")))
        }
        return out
    }

    /// A reviewer's total, in tenths summed exactly.
    public static func total(_ points: Points, sheet: InspectionSheet) -> Double {
        Double(sheet.items.reduce(0) { $0 + Int(((points[$1.key] ?? 0) * 10).rounded()) }) / 10
    }

    public struct Combined: Sendable, Equatable {
        /// Two decimals, rounded half up; nil without reviewers.
        public var score: Double?
        public var reviewers: Int
        /// The totals left out: the highest and the lowest, or none.
        public var dropped: [Double]
    }

    public static func combine(_ totals: [Double], settings: Settings = .standard) -> Combined {
        guard !totals.isEmpty else { return Combined(score: nil, reviewers: 0, dropped: []) }
        var used = totals.sorted()
        var dropped: [Double] = []
        if settings.dropExtremesFrom > 0, totals.count >= settings.dropExtremesFrom {
            dropped = [used.removeFirst(), used.removeLast()]
        }
        return Combined(score: mean(used), reviewers: totals.count, dropped: dropped)
    }

    /// The mean of scores given in tenths, rounded half up to two decimals, summed exactly in
    /// whole tenths; nil for none. A project's score and each item's mean on the 讲评通报.
    public static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let tenths = values.reduce(0) { $0 + Int(($1 * 10).rounded()) }
        return (Double(tenths * 10) / Double(values.count)).rounded(.toNearestOrAwayFromZero) / 100
    }

    public struct Ranked<ID: Hashable & Sendable>: Sendable, Equatable {
        public var id: ID
        public var name: String
        public var score: Double
        /// 1 for the highest; equal scores share a rank, and the next rank skips (1, 2, 2, 4).
        public var rank: Int
    }

    /// Highest first; equal scores share a rank and are listed by name.
    public static func rank<ID: Hashable & Sendable>(_ scored: [(id: ID, name: String, score: Double)]) -> [Ranked<ID>] {
        let sorted = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.name < $1.name }
        var out: [Ranked<ID>] = []
        for (i, s) in sorted.enumerated() {
            let rank = i > 0 && sorted[i - 1].score == s.score ? out[i - 1].rank : i + 1
            out.append(Ranked(id: s.id, name: s.name, score: s.score, rank: rank))
        }
        return out
    }

    /// A unit's score: the mean of its visited projects' scores, two decimals.
    public static func unitScore(_ projectScores: [Double]) -> Double? {
        guard !projectScores.isEmpty else { return nil }
        let hundredths = projectScores.reduce(0) { $0 + Int(($1 * 100).rounded()) }
        return (Double(hundredths) / Double(projectScores.count)).rounded(.toNearestOrAwayFromZero) / 100
    }

    public static func format(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
}
