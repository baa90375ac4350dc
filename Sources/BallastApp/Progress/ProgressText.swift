import BallastCore
import Foundation

/// Progress reporting's interface text (月报, 四色预警, the project page's 节点计划, 联审联批 and
/// photos), both languages side by side. Each case must have its text (the switch is
/// exhaustive), and `CatalogueTests` checks every case's English has no Chinese left in it and
/// neither side is empty.
enum ProgressText: CaseIterable, UIText.Catalogue {
    // Shared by several pages: columns and buttons.
    case code, unit, reasons, save
    // 月报
    case notReported, month, status, lateTag, thisMonthWan, progress, noReportRows, uploadPhoto
    case wan, physicalProgress, submit, approve, confirmApproval, reasonToReturn, returnReport
    case allStatuses, allUnits, annualPlanWan, toDateWithThisWan, rateWithThis
    case nothingMatches, monthClosed, planWan, beforeThisWan, lastMonthWan, amountLabel, progressLabel, photoLabel, saveDraft, submitForReview
    case submittedWaiting, approvedLocked, removePhotoConsequence, confirmRemovePhoto, photoHint
    case colourIfApproved, allColours, pick, approveSelected, approveSelectedConsequence, confirmApproveSelected
    // 四色预警
    case showAllColours, changeThresholds, blueLag, yellowLag, blueLate, yellowLate, saveNewVersion
    case light, lag, since, supervision, noLitProjects
    // The project page: 节点计划, 联审联批, photos, 亮灯督办
    case delete, noMilestones, node, planned, actual, state, pending, responsibleUnit, addNode
    case applyTemplate, actualDateMovesStage, noApprovals, item, department, target, approvedOn, addItem
    case appliedOn, promisedDays, dueOn, approvalNo, waivedReason, chainRule, raiseToMeeting
    case photoTooLarge, changePhotoRules, photoRadius, photoGrace, photoDatum
    case photosNeedAttention, pendingWaiting, pendingFailed, pendingQueued, sitePhotos, supervisionHeading, opened, lightColumn, closedColumn, openTag, removePhoto

    var message: Message {
        switch self {
        case .code: Message(zh: "项目编号", en: "Code")
        case .unit: Message(zh: "责任单位", en: "Unit")
        case .reasons: Message(zh: "原因", en: "Reasons")
        case .save: Message(zh: "保存", en: "Save")

        case .notReported: Message(zh: "未填报", en: "not reported")
        case .month: Message(zh: "月份", en: "Month")
        case .status: Message(zh: "状态", en: "Status")
        case .lateTag: Message(zh: "逾期", en: "late")
        case .thisMonthWan: Message(zh: "本月完成（万元）", en: "This month (10k yuan)")
        case .allStatuses: Message(zh: "全部状态", en: "Every status")
        case .allUnits: Message(zh: "全部单位", en: "Every unit")
        case .annualPlanWan: Message(zh: "年度计划（万元）", en: "Annual plan (10k yuan)")
        case .toDateWithThisWan: Message(zh: "含本月累计（万元）", en: "To date with this month (10k yuan)")
        case .rateWithThis: Message(zh: "含本月完成率", en: "Rate with this month")
        case .progress: Message(zh: "形象进度", en: "Progress")
        case .noReportRows: Message(zh: "本年度计划暂无须填报的项目。", en: "No project of the year's plan to report.")
        case .uploadPhoto: Message(zh: "上传照片", en: "Upload photo")
        case .wan: Message(zh: "万元", en: "10k yuan")
        case .physicalProgress: Message(zh: "形象进度", en: "physical progress")
        case .submit: Message(zh: "报送", en: "Submit")
        case .approve: Message(zh: "审定", en: "Approve")
        case .confirmApproval: Message(zh: "确认审定", en: "Confirm approval")
        case .colourIfApproved: Message(zh: "审定后预警", en: "Light if approved")
        case .nothingMatches: Message(zh: "没有符合筛选条件的月报。", en: "No report matches the filters.")
        case .monthClosed: Message(zh: "本月尚未开放填报：月份开始后才能填写。", en: "This month is not open yet: it can be reported once it has begun.")
        case .planWan: Message(zh: "年度计划", en: "Annual plan")
        case .beforeThisWan: Message(zh: "此前累计", en: "Year to date before")
        case .lastMonthWan: Message(zh: "上月完成", en: "Last month")
        case .amountLabel: Message(zh: "本月完成投资（万元）", en: "Invested this month (10k yuan)")
        case .progressLabel: Message(zh: "形象进度", en: "Physical progress")
        case .photoLabel: Message(zh: "现场照片（jpg 或 png，可选）", en: "Site photo (JPEG/PNG, optional)")
        case .saveDraft: Message(zh: "保存草稿", en: "Save draft")
        case .submitForReview: Message(zh: "报送审核", en: "Submit for review")
        case .submittedWaiting: Message(zh: "已报送，等待项目办审核。", en: "Submitted; waiting for the project office.")
        case .approvedLocked: Message(zh: "已审定，数字已锁定。", en: "Approved; the figure is locked.")
        case .removePhotoConsequence: Message(zh: "删除后照片不能恢复。", en: "A removed photo cannot be restored.")
        case .confirmRemovePhoto: Message(zh: "确认删除照片", en: "Remove the photo")
        case .photoHint: Message(zh: "照片与数字一起保存；报送后不能再改。", en: "The photo is saved with the figure; after submitting it is locked.")
        case .allColours: Message(zh: "全部颜色", en: "All colours")
        case .pick: Message(zh: "选择", en: "Pick")
        case .approveSelected: Message(zh: "批量审定所选…", en: "Approve the ticked…")
        case .approveSelectedConsequence: Message(zh: "将一次审定表中勾选的全部待审月报（各按所见版本；有一份已被他人改动则全部不审定）。审定后数字锁定，之后只能以调整记录更正。",
                                                  en: "Approves every ticked report in the table at once, each at the version shown (if any was changed meanwhile, none is approved). Approved figures are locked; corrections are adjustments.")
        case .confirmApproveSelected: Message(zh: "确认审定所选", en: "Approve the ticked reports")
        case .reasonToReturn: Message(zh: "退回原因", en: "reason to return")
        case .returnReport: Message(zh: "退回", en: "Return")

        case .showAllColours: Message(zh: "显示全部", en: "Show all colours")
        case .changeThresholds: Message(zh: "调整预警阈值", en: "Change the thresholds")
        case .blueLag: Message(zh: "蓝：滞后 ≤（百分点）", en: "Blue: lag ≤ points")
        case .yellowLag: Message(zh: "黄：滞后 ≤（百分点）", en: "Yellow: lag ≤ points")
        case .blueLate: Message(zh: "蓝：逾期 ≤（天）", en: "Blue: late ≤ days")
        case .yellowLate: Message(zh: "黄：逾期 ≤（天）", en: "Yellow: late ≤ days")
        case .saveNewVersion: Message(zh: "保存为新版本", en: "Save as a new version")
        case .light: Message(zh: "灯", en: "Light")
        case .lag: Message(zh: "滞后（百分点）", en: "Lag (points)")
        case .since: Message(zh: "起始", en: "Since")
        case .supervision: Message(zh: "督办", en: "Supervision")
        case .noLitProjects: Message(zh: "没有该颜色的项目。", en: "No project with this light.")

        case .delete: Message(zh: "删除", en: "Delete")
        case .noMilestones: Message(zh: "本年尚无节点计划。", en: "No milestones for this year yet.")
        case .node: Message(zh: "节点", en: "Node")
        case .planned: Message(zh: "计划日期", en: "Planned")
        case .actual: Message(zh: "实际日期", en: "Actual")
        case .state: Message(zh: "状态", en: "State")
        case .pending: Message(zh: "未到期", en: "pending")
        case .responsibleUnit: Message(zh: "责任单位", en: "Responsible unit")
        case .addNode: Message(zh: "添加节点", en: "Add node")
        case .applyTemplate: Message(
            zh: "套用区节点模板（取得用地、规划许可、施工许可、开工、主体封顶、竣工、投产）",
            en: "Apply the district template (land, permits, start, topping out, completion, production)")
        case .actualDateMovesStage: Message(
            zh: "填写“开工”“竣工”“投产”节点的实际日期，项目阶段随之转为在建、竣工、投产。",
            en: "Entering the actual date of the start, completion or production node moves the project to that stage.")
        case .noApprovals: Message(zh: "本年尚无前期手续事项。", en: "No approval steps for this year.")
        case .item: Message(zh: "事项", en: "Item")
        case .department: Message(zh: "审批部门", en: "Department")
        case .target: Message(zh: "目标日期", en: "Target")
        case .approvedOn: Message(zh: "办结日期", en: "Approved")
        case .addItem: Message(zh: "添加事项", en: "Add item")
        case .sitePhotos: Message(zh: "现场照片", en: "Site photos")
        case .supervisionHeading: Message(zh: "亮灯督办", en: "Supervision (warning lights)")
        case .opened: Message(zh: "督办日期", en: "Opened")
        case .lightColumn: Message(zh: "亮灯", en: "Light")
        case .closedColumn: Message(zh: "销号", en: "Closed")
        case .openTag: Message(zh: "督办中", en: "open")
        case .removePhoto: Message(zh: "删除", en: "Remove")
        case .photosNeedAttention: Message(zh: "照片待核", en: "Check photos")
        case .appliedOn: Message(zh: "申报日期", en: "Applied")
        case .raiseToMeeting: Message(zh: "提交周例会", en: "Raise to the weekly meeting")
        case .promisedDays: Message(zh: "承诺时限（工作日）", en: "Promised (working days)")
        case .dueOn: Message(zh: "应办结", en: "Due")
        case .approvalNo: Message(zh: "批复文号", en: "Approval No.")
        case .waivedReason: Message(zh: "容缺受理理由", en: "Reason to approve ahead")
        case .chainRule: Message(zh: "事项按顺序办理：前序事项办结前批复后序事项，须按容缺受理填写理由。应办结日按本区工作日历自申报日起算承诺时限；无申报日的按目标日期。",
                                 en: "Steps go in order: approving one before the steps it needs requires a reason to approve ahead. The due day is the promised working days after applying (the district's calendar); without an application day, the target day.")
        case .photoTooLarge: Message(zh: "这张照片 {mb} MB，超过 5 MB 上限：请换一张较小的照片（相机设置中可降低分辨率），已填写的内容不受影响。",
                                     en: "This photo is {mb} MB, over the 5 MB limit: choose a smaller one (a lower resolution in the camera's settings); what you typed is kept.")
        case .changePhotoRules: Message(zh: "调整照片核验规则", en: "Change the photo rules")
        case .photoRadius: Message(zh: "距项目位置不超过（米）", en: "Within (metres) of the site")
        case .photoGrace: Message(zh: "月份前后宽限（天）", en: "Days allowed around the month")
        case .photoDatum: Message(zh: "台账坐标系", en: "Ledger coordinates in")
        case .pendingWaiting: Message(zh: "待发送 {n} 份：无网络时保存在本机，恢复网络后自动发送。", en: "{n} waiting to send: kept on this phone and sent when the connection returns.")
        case .pendingQueued: Message(zh: "没有网络：已保存在本机，恢复网络后自动发送。", en: "No connection: kept on this phone, sent when the connection returns.")
        case .pendingFailed: Message(zh: "{n} 份未能发送（已被更改或登录已过期），请重新填报。", en: "{n} could not be sent (changed meanwhile, or signed out): enter them again.")
        }
    }

    // Text with values in it.

    static func reportsHeading(year: Int, month: Int, monthText: String) -> Message {
        Message(zh: "\(year)年\(month)月 投资进度月报", en: "Monthly reports, \(monthText)")
    }

    /// The month's deadline and how many of `total` projects have reported.
    /// Appended to the state for whoever reviews: how many are waiting.
    static func toReview(_ n: Int) -> Message {
        Message(zh: "待审核 \(n) 份。", en: " \(n) to review.")
    }

    static func reportingState(due: CalendarDate, reported: Int, total: Int) -> Message {
        Message(zh: "报送截止 \(due.prose(.zh))。已报送 \(reported) / \(total) 个项目，尚有 \(total - reported) 个未报送。",
                en: "Due \(due.prose(.en)). Reported \(reported) of \(total); \(total - reported) still to report.")
    }

    static func returned(_ reason: String) -> Message {
        Message(zh: "退回原因：" + reason, en: "Returned: " + reason)
    }

    /// What approving a report does; `amount` in 万元 as the page formats it.
    static func approveConsequence(code: String, amount: String) -> Message {
        Message(zh: "审定后 \(code) 本月数字（\(amount) 万元）锁定，之后只能以调整记录更正。",
                en: "Approving locks \(code)'s figure for the month (\(amount) 10k yuan); later corrections are adjustments.")
    }

    static func warningsHeading(year: Int, asOf: String) -> Message {
        Message(zh: "\(year)年四色预警（截至\(asOf)）", en: "Warning lights, \(year) (as of \(asOf))")
    }

    /// The warning rule in force, in words.
    static func rule(_ r: WarningThresholds) -> Message {
        Message(zh: "预警规则第\(r.version)版：滞后 ≤\(r.blueLagPoints) 个百分点或节点逾期 ≤\(r.blueLateDays) 天为蓝；≤\(r.yellowLagPoints) 个百分点或 ≤\(r.yellowLateDays) 天为黄；超过或计划开工已过仍未开工为红。开工满 \(r.statsYellowMonths) 个月未入库为黄，满 \(r.statsRedMonths) 个月为红。",
                en: "Rule v\(r.version): blue up to \(r.blueLagPoints) points behind or \(r.blueLateDays) days late; yellow up to \(r.yellowLagPoints) points or \(r.yellowLateDays) days; red beyond, or a planned start missed. Started and not in the statistics database: yellow after \(r.statsYellowMonths) month\(r.statsYellowMonths == 1 ? "" : "s"), red after \(r.statsRedMonths).")
    }

    static let applyApprovalTemplate = Message(zh: "按本区模板生成前期手续（按项目类型，可逐项修改）", en: "Start the chain from the district's template (by project type; every step editable)")
    static let statsYellow = Message(zh: "开工未入库黄灯（月）", en: "Not in statistics: yellow after (months)")
    static let statsRed = Message(zh: "开工未入库红灯（月）", en: "Not in statistics: red after (months)")

    static func waived(_ reason: String) -> Message { Message(zh: "容缺受理：\(reason)", en: "Approved ahead of its steps: \(reason)") }

    /// The rule every photo of the month is judged by (`PhotoVerdict`), said above the queue.
    static func photoRule(_ r: PhotoRules, version: Int) -> Message {
        Message(zh: "照片核验规则第\(version)版：在项目位置 \(r.radiusMeters) 米以内、填报月份（前后宽限 \(r.graceDays) 天）拍摄的为现场照片；台账坐标按 \(r.datum.rawValue) 换算。",
                en: "Photo rule v\(version): taken within \(r.radiusMeters) m of the site and in the month (\(r.graceDays) days allowed either side) is on site; ledger coordinates read as \(r.datum.rawValue).")
    }

    static func photoRulesSaved(version: Int) -> Message {
        Message(zh: "照片核验规则已保存为第\(version)版，此后上传的照片按新规则核验；已核验的照片保留原结论。",
                en: "The photo rule is saved as v\(version): photos uploaded from now on are judged by it; those judged keep their verdict.")
    }

    /// 亮灯督办: items open now, and items closed this year.
    static func supervisionSummary(open: Int, closed: Int) -> Message {
        Message(zh: "亮灯督办：\(open) 项督办中（已交责任单位），本年已有 \(closed) 项因转为蓝灯或绿灯自动销号。",
                en: "Warning-light supervision: \(open) items open for the responsible units; \(closed) closed this year as projects turned blue or green.")
    }

    static func openSince(_ date: String) -> Message {
        Message(zh: "督办中（\(date) 起）", en: "open since \(date)")
    }

    static func milestonesHeading(year: Int) -> Message {
        Message(zh: "\(year)年节点计划", en: "Milestones \(year)")
    }

    /// A milestone reached on `date` (the Chinese says only that it is done).
    static func reached(_ date: String) -> Message {
        Message(zh: "已完成", en: "reached \(date)")
    }

    static func daysLate(_ days: Int) -> Message {
        Message(zh: "逾期 \(days) 天", en: "\(days) days late")
    }

    static func approvalsHeading(year: Int) -> Message {
        Message(zh: "\(year)年前期手续（联审联批）", en: "Approvals \(year)")
    }

    /// The year's approval items: how many, how many approved (and the share), how many overdue.
    static func approvalRate(total: Int, approved: Int, percent: Double, overdue: Int) -> Message {
        let pct = String(format: "%.1f", percent)
        return Message(zh: "共 \(total) 项，已办结 \(approved) 项（\(pct)%），逾期未办 \(overdue) 项。",
                       en: "\(total) items, \(approved) approved (\(pct)%), \(overdue) overdue.")
    }

    /// A supervision item closed on `date`, with the colour the project turned (a raw value).
    static func closed(on date: String, colour: String?) -> Message {
        Message(zh: "\(date)（转\(WarningColour(rawValue: colour ?? "")?.chineseName ?? "出")）",
                en: "\(date) (\(colour ?? ""))")
    }

    static func photoAlt(month: Int) -> Message {
        Message(zh: "\(month)月现场照片", en: "Site photo, month \(month)")
    }

    static func photoCaption(month: Int, width: Int, height: Int) -> Message {
        Message(zh: "\(month)月 · \(width)×\(height)", en: "Month \(month) · \(width)×\(height)")
    }
}
