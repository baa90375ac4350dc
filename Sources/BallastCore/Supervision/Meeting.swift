/// 区政府周例会 and special meetings: where selected problems are decided on.
public enum MeetingKind: String, Sendable, CaseIterable, Codable {
    case weekly = "周例会"
    case special = "专题会"

    public var englishName: String { self == .weekly ? "Weekly meeting" : "Special meeting" }

    public static func parse(_ text: String) -> MeetingKind? {
        let t = text.trimmed
        return MeetingKind(rawValue: t) ?? allCases.first { $0.englishName.lowercased() == t.lowercased() || String(describing: $0) == t }
    }
}

/// Which open problems the office is offered for a meeting's agenda: those raised by the
/// cut-off and not yet on an agenda, that block a red or yellow project, are major, or share
/// their category with others still open (a common problem, 共性问题), or whose project is short
/// of funds or land (要素保障).
public enum AgendaRule {
    /// Open problems of one category from this many on are common.
    public static let commonFrom = 3

    public struct Candidate: Sendable, Equatable {
        public var id: String
        public var raisedOn: CalendarDate
        public var category: String
        public var major: Bool
        /// The project's colour now, if it is on a project.
        public var colour: WarningColour?
        public var onAgendaAlready: Bool
        /// The project's funds are behind its spending, or its land is not handed over by its
        /// planned start (`ElementsRule`).
        public var elementsShort: Bool

        public init(id: String, raisedOn: CalendarDate, category: String, major: Bool, colour: WarningColour?, onAgendaAlready: Bool,
                    elementsShort: Bool = false) {
            self.id = id; self.raisedOn = raisedOn; self.category = category; self.major = major; self.colour = colour
            self.onAgendaAlready = onAgendaAlready; self.elementsShort = elementsShort
        }
    }

    public enum Reason: String, Sendable, Equatable {
        case litProject, major, common, elements

        public var message: Message {
            switch self {
            case .litProject: Message(zh: "影响红黄灯项目", en: "Blocks a red or yellow project")
            case .major: Message(zh: "重大问题", en: "Major problem")
            case .common: Message(zh: "共性问题", en: "Common problem")
            case .elements: Message(zh: "资金或用地未保障", en: "Funds or land short")
            }
        }
    }

    /// The suggested ids, each with why, in the candidates' order.
    public static func suggest(_ candidates: [Candidate], cutoff: CalendarDate) -> [(id: String, reasons: [Reason])] {
        let eligible = candidates.filter { $0.raisedOn <= cutoff && !$0.onAgendaAlready }
        var perCategory: [String: Int] = [:]
        for c in candidates { perCategory[c.category, default: 0] += 1 }
        return eligible.compactMap { c in
            var reasons: [Reason] = []
            if c.colour == .red || c.colour == .yellow { reasons.append(.litProject) }
            if c.major { reasons.append(.major) }
            if perCategory[c.category, default: 0] >= commonFrom { reasons.append(.common) }
            if c.elementsShort { reasons.append(.elements) }
            return reasons.isEmpty ? nil : (c.id, reasons)
        }
    }
}
