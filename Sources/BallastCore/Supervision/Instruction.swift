import Foundation

/// 领导批示: a 区领导's instruction on a project, a problem or a document, addressed to units
/// and worked like a meeting's decision (签收, 反馈, 办结 on the district's answer clock; 催办
/// when late; the leader closes it). This is what is checked before anything is read from the
/// database: the text, the addressees and the deadline.
public enum Instruction {
    /// What a 批示 is given on.
    public enum Subject: Sendable, Equatable {
        case project(UUID)
        case problem(UUID)
        case document(UUID)

        public var kind: String {
            switch self { case .project: "project"; case .problem: "problem"; case .document: "document" }
        }
    }

    public static let maxText = 2000
    public static let maxUnits = 10
    /// The list's title: the first line of the text, this long at most.
    public static let titleLength = 60

    /// Field → problem: the text said and bounded, one to ten distinct units, a deadline not
    /// before today.
    public static func check(text: String, units: [String], deadline: CalendarDate?, today: CalendarDate) -> [FieldProblem] {
        var out: [FieldProblem] = []
        let t = text.trimmed
        // Zero-width spaces, joiners and direction marks show nothing: text of only those is none.
        if !t.hasVisibleText {
            out.append(FieldProblem("text", Message(zh: "请填写批示内容", en: "Write the instruction")))
        } else if t.hasControlCharacters {
            // A NUL cut the stored text short; no control character belongs in an instruction.
            out.append(FieldProblem("text", Message(zh: "批示内容含有控制字符（如 NUL），请删除后重试", en: "The instruction holds a control character (such as NUL)")))
        }
        if t.count > maxText {
            out.append(FieldProblem("text", Message(zh: "批示内容超过 \(maxText) 个字（实为 \(t.count) 个）", en: "The instruction is over \(maxText) characters (\(t.count))")))
        }
        let names = units.map(\.trimmed).filter { !$0.isEmpty }
        if names.isEmpty {
            out.append(FieldProblem("units", Message(zh: "请选择批示交办的单位（至少一个）", en: "Name at least one unit the instruction is addressed to")))
        }
        if names.count > maxUnits {
            out.append(FieldProblem("units", Message(zh: "一条批示最多交办 \(maxUnits) 个单位（实为 \(names.count) 个）",
                                                     en: "An instruction is addressed to at most \(maxUnits) units (\(names.count) given)")))
        }
        if Set(names).count != names.count {
            out.append(FieldProblem("units", Message(zh: "单位重复：同一单位只填一次", en: "A unit is named twice")))
        }
        if let d = deadline, d < today {
            out.append(FieldProblem("deadline", Message(zh: "办理时限 \(d.iso) 早于今天 \(today.iso)", en: "The deadline \(d.iso) is before today, \(today.iso)")))
        }
        out += ProblemRules.checkLatest(deadline, today: today)
        return out
    }


    /// The list's title: the text's first line, cut at `titleLength` with an ellipsis.
    public static func title(of text: String) -> String {
        let first = text.trimmed.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmed ?? ""
        return first.count > titleLength ? String(first.prefix(titleLength - 1)) + "…" : first
    }
}

/// A leader's figures (领导分包): the projects they answer for and how many are lit, and the
/// 批示 they gave in the period with how many were done and how many on time.
public struct LeaderTally: Sendable, Equatable, Codable {
    public var leader: String
    public var projects: Int
    /// Red or yellow on the day.
    public var lit: Int
    public var given: Int
    /// 已办结 or 已销号 by the day.
    public var done: Int
    /// Of the done, resolved on or before the deadline in force.
    public var onTime: Int
    /// Open and past the deadline on the day.
    public var overdue: Int

    public init(leader: String, projects: Int, lit: Int, given: Int, done: Int, onTime: Int, overdue: Int) {
        self.leader = leader; self.projects = projects; self.lit = lit; self.given = given; self.done = done
        self.onTime = onTime; self.overdue = overdue
    }

    /// 办结率: done ÷ given.
    public var doneRate: Double? { Percent.of(done, given) }
    /// 按时办结率: on time ÷ done.
    public var onTimeRate: Double? { Percent.of(onTime, done) }
}
