/// 问题台账: where a problem (or a meeting decision, tracked the same way) stands.
/// 待交办 → 已交办 → 办理中 → 已办结 → 已销号; overdue is not a status but derived from the deadline.
public enum ProblemStatus: String, Sendable, CaseIterable, Codable {
    case raised = "待交办"
    case assigned = "已交办"
    case inProgress = "办理中"
    case resolved = "已办结"
    case closed = "已销号"

    public var englishName: String {
        switch self {
        case .raised: "Raised"; case .assigned: "Assigned"; case .inProgress: "In progress"
        case .resolved: "Resolved"; case .closed: "Closed"
        }
    }

    /// Still someone's work: the statuses a deadline can be missed in.
    public var isOpen: Bool { self != .resolved && self != .closed }

    /// Counted as solved in the figures: resolved by the unit, whether or not yet verified.
    public var isSolved: Bool { !isOpen }

    public static let open: [ProblemStatus] = allCases.filter(\.isOpen)

    public static func parse(_ text: String) -> ProblemStatus? {
        let t = text.trimmed
        return ProblemStatus(rawValue: t) ?? allCases.first { $0.englishName.lowercased() == t.lowercased() || String(describing: $0) == t }
    }
}

/// Whether an item is a problem raised against a project or enterprise, a decision of a
/// meeting, or a leader's 批示: all three are worked through the same statuses and clock.
public enum ProblemKind: String, Sendable, CaseIterable, Codable {
    case problem
    case decision
    /// 领导批示: given by a 区领导 on a project, a problem or a document, addressed to units.
    case instruction

    /// What the item is called in a sentence: 问题, 议定事项, 领导批示.
    public var noun: Message {
        switch self {
        case .problem: Message(zh: "问题", en: "Problem")
        case .decision: Message(zh: "议定事项", en: "Decision")
        case .instruction: Message(zh: "领导批示", en: "Instruction")
        }
    }
}

/// The district's default problem categories, used until it keeps its own list.
public enum ProblemCategory {
    public static let defaults = ["土地", "资金", "规划", "征迁", "手续审批", "水电气暖", "其他"]
}

/// Overdue: still open after the end of its deadline day.
public enum ProblemDeadline {
    public static func isOverdue(status: ProblemStatus, deadline: CalendarDate?, today: CalendarDate) -> Bool {
        guard status.isOpen, let deadline else { return false }
        return today > deadline
    }

    /// Solved on time: resolved on or before the deadline in force then. No deadline, no lateness.
    public static func onTime(resolvedOn: CalendarDate, deadline: CalendarDate?) -> Bool {
        guard let deadline else { return true }
        return resolvedOn <= deadline
    }
}
