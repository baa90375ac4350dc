import Foundation

/// Which projects a 观摩 should visit, as the office's starting point (it adds and removes):
/// the year's key projects (the largest by total investment), its new starts, the projects lit
/// red or yellow, and at least one project of every unit (its largest), so no unit is passed
/// over. Each suggestion says why; the list is bounded so a tour stays a day's visit.
public enum InspectionSuggestion {
    public enum Reason: String, Sendable, Codable, CaseIterable {
        case key, newStart, lit, unit

        public var name: Message {
            switch self {
            case .key: Message(zh: "重点项目", en: "Key project")
            case .newStart: Message(zh: "新开工", en: "New start")
            case .lit: Message(zh: "亮灯", en: "Lit")
            case .unit: Message(zh: "单位代表", en: "For its unit")
            }
        }
    }

    public struct Candidate<ID: Hashable & Sendable>: Sendable {
        public var id: ID
        public var unit: String
        public var totalInvestment: Int64
        public var newStart: Bool
        public var lit: Bool
        public init(id: ID, unit: String, totalInvestment: Int64, newStart: Bool, lit: Bool) {
            self.id = id; self.unit = unit; self.totalInvestment = totalInvestment; self.newStart = newStart; self.lit = lit
        }
    }

    public struct Pick<ID: Hashable & Sendable>: Sendable {
        public var id: ID
        public var reasons: [Reason]
    }

    /// At most `limit` picks: every unit's largest first (the one rule that may not be dropped),
    /// then lit, key and new-start projects, largest first within each, until the limit.
    public static func suggest<ID>(_ candidates: [Candidate<ID>], keyCount: Int = 10, limit: Int = 30) -> [Pick<ID>] {
        let bySize = candidates.sorted { $0.totalInvestment != $1.totalInvestment ? $0.totalInvestment > $1.totalInvestment : "\($0.id)" < "\($1.id)" }
        let key = Set(bySize.prefix(keyCount).map(\.id))
        var reasons: [ID: [Reason]] = [:]
        for c in bySize {
            var r: [Reason] = []
            if key.contains(c.id) { r.append(.key) }
            if c.newStart { r.append(.newStart) }
            if c.lit { r.append(.lit) }
            if !r.isEmpty { reasons[c.id] = r }
        }
        var chosen: [ID] = [], seen: Set<ID> = [], units: Set<String> = []
        for c in bySize where units.insert(c.unit).inserted {
            chosen.append(c.id); seen.insert(c.id)
            reasons[c.id, default: []].append(.unit)
        }
        for tier in [Reason.lit, .key, .newStart] {
            for c in bySize where chosen.count < limit && !seen.contains(c.id) && (reasons[c.id] ?? []).contains(tier) {
                chosen.append(c.id); seen.insert(c.id)
            }
        }
        // Back in order of size, as a list to read; the route orders the visit.
        let rank = Dictionary(uniqueKeysWithValues: bySize.enumerated().map { ($1.id, $0) })
        return chosen.sorted { (rank[$0] ?? 0) < (rank[$1] ?? 0) }.map { id in
            // A unit's only project is there for its unit; say the other reasons first.
            let r = reasons[id] ?? []
            return Pick(id: id, reasons: r.filter { $0 != .unit } + (r.contains(.unit) && r.count == 1 ? [.unit] : []))
        }
    }
}
