import Foundation

/// 动态调整 (issue 28): the office moves a project into the year's list (调入), out of it (调出),
/// or changes its planned investment (调整计划投资), with a reason and the day it takes effect.
/// A change keeps the plan before and after it, so the plan in force on any day is read back:
/// the plan before the first change after that day, or the plan as it now stands.
public enum PlanChangeKind: String, Sendable, CaseIterable, Codable {
    case enter = "in"
    case leave = "out"
    case adjust

    public var chineseName: String {
        switch self { case .enter: "调入"; case .leave: "调出"; case .adjust: "调整计划投资" }
    }

    public var englishName: String {
        switch self { case .enter: "Moved in"; case .leave: "Moved out"; case .adjust: "Plan changed" }
    }

    /// 调入, in, enter; 调出, out, leave; 调整, adjust.
    public static func parse(_ text: String) -> PlanChangeKind? {
        switch text.trimmed.lowercased() {
        case "调入", "in", "enter": .enter
        case "调出", "out", "leave": .leave
        case "调整", "调整计划投资", "调整计划", "adjust": .adjust
        default: nil
        }
    }
}

public struct PlanChange: Sendable, Equatable {
    public var kind: PlanChangeKind
    public var effectiveOn: CalendarDate
    /// The annual plan before and after (nil: outside the year's list).
    public var before: Money?
    public var after: Money?

    public init(kind: PlanChangeKind, effectiveOn: CalendarDate, before: Money?, after: Money?) {
        self.kind = kind; self.effectiveOn = effectiveOn; self.before = before; self.after = after
    }

    public static let maxReason = 500
    /// A batch is one decision (a meeting's, a document's): at most this many lines.
    public static let maxLines = 500

    /// The plan in force on `day`, given the plan as it stands now and the project's changes
    /// for the year: the plan before the first change that takes effect after the day.
    public static func plan(on day: CalendarDate, current: Money?, changes: [PlanChange]) -> Money? {
        changes.filter { $0.effectiveOn > day }.min { $0.effectiveOn < $1.effectiveOn }.map(\.before) ?? current
    }

    /// Field → problem for one line, checked against the plan as it stands (`current`) and the
    /// day the project's last change took effect (`lastEffective`): the kind fits the plan (调入
    /// a project outside the list, 调出 or 调整 one in it), the amount is positive and, for 调整,
    /// different, and none for 调出; the day (`checkDay` for the batch, and here) is not before
    /// the project's last change (one chain of plans).
    /// The batch's day, once for all its lines: in the plan's year and not before today (the
    /// colours already judged stay as they were judged).
    public static func checkDay(_ effectiveOn: CalendarDate, year: Int, today: CalendarDate) -> [FieldProblem] {
        if effectiveOn.year != year {
            return [FieldProblem("effectiveOn", Message(zh: "生效日期 \(effectiveOn.iso) 不在 \(year) 年内", en: "The effective day \(effectiveOn.iso) is not in \(year)"))]
        }
        if effectiveOn < today {
            return [FieldProblem("effectiveOn", Message(zh: "生效日期 \(effectiveOn.iso) 早于今天 \(today.iso)：已判定的颜色不改写，请以今天或以后为生效日期",
                                                        en: "The effective day \(effectiveOn.iso) is before today, \(today.iso): colours already judged are not rewritten"))]
        }
        return []
    }

    public static func check(kind: PlanChangeKind, current: Money?, amount: Money?, effectiveOn: CalendarDate, year: Int,
                             today: CalendarDate, lastEffective: CalendarDate?) -> [FieldProblem] {
        // Before the project's last change the plan as it stands is not the one in force that
        // day: the kind and amount cannot be judged against it, so the day alone is said.
        if let last = lastEffective, effectiveOn < last {
            return [FieldProblem("effectiveOn", Message(zh: "该项目已有 \(last.iso) 生效的调整，新的调整不能早于它",
                                                        en: "The project has a change taking effect on \(last.iso); a new one cannot come before it"))]
        }
        var out: [FieldProblem] = []
        switch kind {
        case .enter:
            if current != nil { out.append(FieldProblem("kind", Message(zh: "项目已在年度计划内，不能调入（调整计划投资请选“调整”）",
                                                                        en: "The project is already in the year's list (change its plan with adjust)"))) }
        case .leave:
            if current == nil { out.append(FieldProblem("kind", Message(zh: "项目不在年度计划内，不能调出", en: "The project is not in the year's list"))) }
        case .adjust:
            if current == nil { out.append(FieldProblem("kind", Message(zh: "项目不在年度计划内，应先调入", en: "The project is not in the year's list; move it in first"))) }
        }
        if kind != .leave {
            if let a = amount {
                if a.yuan <= 0 { out.append(FieldProblem("amount", Message(zh: "年度计划投资应大于 0", en: "The annual plan must be above 0"))) }
                if a.yuan > Money.wan(100_000_000).yuan {
                    out.append(FieldProblem("amount", Message(zh: "年度计划投资超过 1 万亿元，请核对单位（万元）", en: "The annual plan is over 1 trillion yuan; check the unit (10k yuan)")))
                }
                if kind == .adjust, let c = current, c == a {
                    out.append(FieldProblem("amount", Message(zh: "调整后的计划投资与现值相同", en: "The new plan equals the current one")))
                }
            } else {
                out.append(FieldProblem("amount", Message(zh: "请填写\(kind == .enter ? "调入" : "调整")后的年度计划投资（万元）",
                                                          en: "Give the annual plan after the change (10k yuan)")))
            }
        }
        if kind == .leave && amount != nil {
            out.append(FieldProblem("amount", Message(zh: "调出不填金额", en: "A move out takes no amount")))
        }
        return out
    }

    public static func checkReason(_ reason: String) -> [FieldProblem] {
        let r = reason.trimmed
        if !r.hasVisibleText { return [FieldProblem("reason", Message(zh: "请填写调整原因（如会议纪要、文件号）", en: "Give the reason (a meeting's minutes, a document's number)"))] }
        if r.hasControlCharacters {
            return [FieldProblem("reason", Message(zh: "调整原因含有控制字符（如 NUL），请删除后重试", en: "The reason holds a control character (such as NUL)"))]
        }
        if r.count > maxReason {
            return [FieldProblem("reason", Message(zh: "调整原因超过 \(maxReason) 个字", en: "The reason is over \(maxReason) characters"))]
        }
        return []
    }
}
