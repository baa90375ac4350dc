import BallastCore
import BallastStore

/// 动态调整's interface text, both languages side by side.
enum PlanChangesText {
    static let title = Message(zh: "年度计划动态调整", en: "Changes to the year's list")
    static let year = Message(zh: "年度", en: "Year")
    static let effectiveOn = Message(zh: "生效日期", en: "Takes effect")
    static let project = Message(zh: "项目", en: "Project")
    static let unit = Message(zh: "责任单位", en: "Unit")
    static let kind = Message(zh: "调整", en: "Change")
    static let before = Message(zh: "调整前（万元）", en: "Before (10k yuan)")
    static let after = Message(zh: "调整后（万元）", en: "After (10k yuan)")
    static let reason = Message(zh: "原因", en: "Reason")
    static let none = Message(zh: "本年度计划尚无调整", en: "No change to this year's list yet")
    static let batchHeading = Message(zh: "新的一批调整", en: "A new batch")
    static let batchExplain = Message(
        zh: "每行一个项目：项目编号 调入/调出/调整 金额（万元），可从 Excel 粘贴；调出不填金额。生效日期不早于今天：已判定的颜色不改写；自生效日期起，项目按调整后的计划判定时序进度和颜色，此前的数字不变。",
        en: "One project a line: code, in/out/adjust, amount (10k yuan), pasted from Excel if you like; a move out takes no amount. The effective day is today or later: colours already judged stay; from that day the project is judged on the new plan, and the figures before it do not change.")
    static let lines = Message(zh: "调整内容", en: "Lines")
    static let reasonLabel = Message(zh: "调整原因（会议纪要、文件号）", en: "Reason (minutes, document number)")
    static let preview = Message(zh: "预览调整", en: "Preview")
    static let confirm = Message(zh: "确认调整", en: "Apply the changes")
    static let confirmConsequence = Message(zh: "确认后各项目自生效日期起按新计划判定；如需改回，须另做一批调整。",
                                            en: "Once applied, each project is judged on its new plan from the effective day; undoing it takes another batch.")
    static let previewHeading = Message(zh: "预览：以下调整尚未生效", en: "Preview: nothing is applied yet")
    static let previewed = Message(zh: "已核对，请确认", en: "Checked; confirm to apply")
    static func applied(_ n: Int) -> Message { Message(zh: "已调整 \(n) 个项目", en: "\(n) projects changed") }
    static let overviewHeading = Message(zh: "本年度计划调整", en: "Changes to this year's list")
    static func overviewCount(_ n: Int, pending: Int) -> Message {
        pending == 0 ? Message(zh: "共 \(n) 项，查看全部", en: "\(n) in all; see them")
            : n == 0 ? Message(zh: "已决定 \(pending) 项调整，尚未生效，查看全部", en: "\(pending) changes decided, not yet in force; see them")
            : Message(zh: "已生效 \(n) 项，另有 \(pending) 项待生效，查看全部", en: "\(n) in force and \(pending) to take effect later; see them")
    }
    static let pendingMark = Message(zh: "（待生效）", en: " (not yet in force)")
    static let projectHeading = Message(zh: "年度计划动态调整", en: "Changes to the year's plan")
    /// One change on the project's page: "2023-07-03 起调出（调整前 6 950 万元）：reason（待生效）".
    static func projectLine(_ r: PlanChangeQuery.Row, pending: Bool) -> Message {
        let before = r.before.map { $0.wanText + " 万元" } ?? "未列入", after = r.after.map { $0.wanText + " 万元" } ?? "不列入"
        let beforeEn = r.before.map { $0.wanText + " (10k yuan)" } ?? "not listed", afterEn = r.after.map { $0.wanText + " (10k yuan)" } ?? "not listed"
        return Message(zh: "\(r.effectiveOn.iso) 起\(r.kind.chineseName)：\(before) → \(after)；原因：\(r.reason)" + (pending ? "（待生效）" : ""),
                       en: "From \(r.effectiveOn.iso), \(r.kind.englishName.lowercased()): \(beforeEn) → \(afterEn); reason: \(r.reason)" + (pending ? " (not yet in force)" : ""))
    }
}
