/// The steps a problem is worked through. Every step records who, when and a note.
public enum ProblemAction: String, Sendable, CaseIterable, Codable {
    /// 交办: the office names the lead unit, the assisting units, the leader, the path and deadline.
    case assign
    /// 签收: the lead unit takes it on.
    case acknowledge
    /// 反馈: progress reported.
    case feedback
    /// 办结: the lead unit reports it solved.
    case resolve
    /// 销号: whoever raised it confirms it solved.
    case close
    /// Whoever raised it finds it not solved after all.
    case reopen
    /// The deadline moved, with a reason; the original stays on record.
    case deadline
    /// A remark on the record, no change.
    case comment

    public var chineseName: String {
        switch self {
        case .assign: "交办"; case .acknowledge: "签收"; case .feedback: "反馈"; case .resolve: "办结"
        case .close: "销号"; case .reopen: "重新打开"; case .deadline: "调整时限"; case .comment: "备注"
        }
    }

    public var englishName: String {
        switch self {
        case .assign: "Assign"; case .acknowledge: "Acknowledge"; case .feedback: "Feedback"; case .resolve: "Resolve"
        case .close: "Close"; case .reopen: "Reopen"; case .deadline: "Move deadline"; case .comment: "Comment"
        }
    }

    /// Steps whose note is the substance: a feedback, a resolution, a reopening, a deadline
    /// moved, a comment.
    public var needsNote: Bool { [.feedback, .resolve, .reopen, .deadline, .comment].contains(self) }
}

/// Who is acting on a problem, as the rules need to know it.
public struct ProblemActor: Sendable, Equatable {
    /// 项目办 or 督查室: assigns, moves deadlines, may act for any unit.
    public var isSupervisor: Bool
    /// Raised this problem: alone may close or reopen it.
    public var isRaiser: Bool
    public var isLeadUnit: Bool
    public var isAssistingUnit: Bool

    public init(isSupervisor: Bool, isRaiser: Bool, isLeadUnit: Bool, isAssistingUnit: Bool) {
        self.isSupervisor = isSupervisor; self.isRaiser = isRaiser; self.isLeadUnit = isLeadUnit; self.isAssistingUnit = isAssistingUnit
    }
}

public enum ProblemRules {
    /// The status after the step, when the step is allowed.
    public static func next(_ action: ProblemAction, from status: ProblemStatus) -> ProblemStatus {
        switch action {
        case .assign: status == .raised ? .assigned : status
        case .acknowledge, .feedback, .reopen: .inProgress
        case .resolve: .resolved
        case .close: .closed
        case .deadline, .comment: status
        }
    }

    /// Field → problem, or none. `raisedBy` names the raiser in the refusal to close or reopen.
    public static func check(_ action: ProblemAction, status: ProblemStatus, actor: ProblemActor, raisedBy: String,
                             note: String?, newDeadline: CalendarDate?, deadline: CalendarDate?, today: CalendarDate) -> [FieldProblem] {
        var out: [FieldProblem] = []
        func refuse(_ zh: String, _ en: String) { out.append(FieldProblem("action", Message(zh: zh, en: en))) }
        let forUnit = actor.isSupervisor || actor.isLeadUnit
        switch action {
        case .assign:
            if !actor.isSupervisor { refuse("只有项目办或督查室可以交办问题", "Only the project office or supervision assigns problems") }
            if !status.isOpen { refuse("问题为“\(status.rawValue)”，不能再交办", "The problem is \(status.englishName.lowercased()); it cannot be assigned") }
        case .acknowledge:
            if !forUnit { refuse("只有牵头单位可以签收", "Only the lead unit acknowledges") }
            if status != .assigned { refuse("问题为“\(status.rawValue)”，只有已交办的问题可以签收", "Only an assigned problem is acknowledged (it is \(status.englishName.lowercased()))") }
        case .feedback:
            if !(forUnit || actor.isAssistingUnit) { refuse("只有责任单位可以反馈", "Only a responsible unit gives feedback") }
            if status != .assigned && status != .inProgress {
                refuse("问题为“\(status.rawValue)”，不能反馈", "A \(status.englishName.lowercased()) problem takes no feedback")
            }
        case .resolve:
            if !forUnit { refuse("只有牵头单位可以办结", "Only the lead unit resolves") }
            if status != .assigned && status != .inProgress {
                refuse("问题为“\(status.rawValue)”，不能办结", "A \(status.englishName.lowercased()) problem cannot be resolved")
            }
        case .close:
            if !actor.isRaiser { refuse("只有提出人（\(raisedBy)）可以销号", "Only whoever raised it (\(raisedBy)) closes it") }
            if status != .resolved { refuse("问题为“\(status.rawValue)”，办结后才能销号", "A problem is closed after it is resolved (it is \(status.englishName.lowercased()))") }
        case .reopen:
            if !actor.isRaiser { refuse("只有提出人（\(raisedBy)）可以重新打开", "Only whoever raised it (\(raisedBy)) reopens it") }
            if status.isOpen { refuse("问题尚未办结，无须重新打开", "The problem is still open") }
        case .deadline:
            if !actor.isSupervisor { refuse("只有项目办或督查室可以调整时限", "Only the project office or supervision moves a deadline") }
            if !status.isOpen { refuse("问题为“\(status.rawValue)”，不能调整时限", "The problem is \(status.englishName.lowercased()); its deadline is final") }
            if let d = newDeadline {
                if d < today { out.append(FieldProblem("deadline", Message(zh: "时间节点 \(d.iso) 早于今天", en: "The deadline \(d.iso) is before today"))) }
                if d == deadline { out.append(FieldProblem("deadline", Message(zh: "时间节点未变", en: "The deadline is unchanged"))) }
                out += checkLatest(d, today: today)
            } else {
                out.append(FieldProblem("deadline", Message(zh: "请填写新的时间节点", en: "Give the new deadline")))
            }
        case .comment:
            break
        }
        if action.needsNote, (note?.trimmed ?? "").isEmpty {
            let what: (String, String) = switch action {
            case .feedback: ("请填写反馈内容", "Say what was done")
            case .resolve: ("请填写办结情况", "Say how it was resolved")
            case .reopen: ("请填写重新打开的原因", "Say why it is reopened")
            case .deadline: ("调整时限须填写原因", "Moving a deadline needs a reason")
            default: ("请填写内容", "Write something")
            }
            out.append(FieldProblem("note", Message(zh: what.0, en: what.1)))
        }
        if (note?.count ?? 0) > 2000 { out.append(FieldProblem("note", Message(zh: "内容超过 2000 个字", en: "The note is over 2000 characters"))) }
        return out
    }

    /// A deadline given when raising or assigning: not in the past.
    public static func checkDeadline(_ d: CalendarDate?, today: CalendarDate) -> [FieldProblem] {
        guard let d else { return [] }
        guard d < today else { return checkLatest(d, today: today) }
        return [FieldProblem("deadline", Message(zh: "时间节点 \(d.iso) 早于今天 \(today.iso)", en: "The deadline \(d.iso) is before today, \(today.iso)"))]
    }

    /// The latest deadline a problem, decision or 批示 may be given: the end of next year (a
    /// year 2999 typed by mistake would never fall due, and never be chased).
    public static func latestDeadline(today: CalendarDate) -> CalendarDate { CalendarDate.clamped(year: today.year + 1, month: 12, day: 31) }

    public static func checkLatest(_ d: CalendarDate?, today: CalendarDate) -> [FieldProblem] {
        let latest = latestDeadline(today: today)
        guard let d, d > latest else { return [] }
        return [FieldProblem("deadline", Message(zh: "时间节点 \(d.iso) 晚于明年年底（\(latest.iso)）", en: "The deadline \(d.iso) is after the end of next year (\(latest.iso))"))]
    }
}

/// The figures the district reports of its problems over a period.
public struct ProblemTally: Sendable, Equatable {
    public var raised: Int
    public var solved: Int
    /// Of the solved, resolved on or before their deadline.
    public var onTime: Int
    public var open: Int
    public var overdue: Int
    /// Calendar days from raising to resolution, summed over the solved.
    public var daysToResolve: Int

    public init(raised: Int, solved: Int, onTime: Int, open: Int, overdue: Int, daysToResolve: Int) {
        self.raised = raised; self.solved = solved; self.onTime = onTime; self.open = open; self.overdue = overdue
        self.daysToResolve = daysToResolve
    }

    /// 问题解决率: solved ÷ raised.
    public var resolutionRate: Double? { Percent.of(solved, raised) }
    /// 按时办结率: on time ÷ solved.
    public var onTimeRate: Double? { Percent.of(onTime, solved) }
    /// Mean days to resolve, one decimal; nil when nothing is solved.
    public var averageDaysToResolve: Double? {
        guard solved > 0 else { return nil }
        return (Double(daysToResolve * 10) / Double(solved)).rounded() / 10
    }
}
