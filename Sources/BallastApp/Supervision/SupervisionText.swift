import BallastCore

/// Supervision's interface text, both languages side by side. Each case must have its text
/// (the switch is exhaustive), and `CatalogueTests` checks every case's English has no Chinese
/// left in it and neither side is empty.
enum SupervisionText: CaseIterable, UIText.Catalogue {
    // Shared by several pages: columns, fields, tags.
    case problem, category, problemCategory, projectOrEnterprise, leadUnit, notYetAssigned, status
    case raised, raisedOn, deadline, kind, date, meeting, leader, resolutionPath, problemDescription
    case noneYet, overdue, overdueTag, agenda, decision, decisions, decisionsDone, decisionTag, majorTag
    case meetingDecision, meetingDecisions, name, all, solved, stillOpen
    // 问题台账
    case problemsTitle, raisedFigure, onTime, daysToResolve, byLeadUnit, byCategory, noProblems
    case solvedColumn, resolutionRateColumn, nothingRaised, overdueFilter, problemsKind, searchLabel
    case answerClock, acknowledgeDays, feedbackDays, resolveDays, majorResolveDays, holidays, workdays
    case raiseAProblem, raiseHelp, projectCode, orEnterprise, majorCheckbox, leadUnitAssignsNow, assignLater
    case assistingUnitsSeparated, deadlineDefault, raise
    // One problem
    case allProblemsLink, majorSuffix, project, enterprise, meetingPageLink, assistingUnits
    case step, handledBy, statusAfter, note, steps, noSteps, attachments, attach
    case due, doneOn, late, running, onTimeTag
    case nextStep, assistingSeparated, path, newDeadline, deadlineReason, feedbackNote, resolveNote, reopenNote, remark
    // 会议
    case meetingsTitle, meetingsHeading, lastMeetingLink, noMeetings, callMeeting, meetingTitle, meetingDate
    case agendaCloses, chairedBy, create
    case overdueNotDone, addresses, noneRecorded, recordedOnceHeld, cooperatingSeparated, recordDecision
    case chosen, whyListed, whySuggested, remove, printPacket, noAgenda, suggested, putOnAgenda, minutes, notRecorded
    // 催办单
    case noticesTitle, noticesHeading, number, remindedUnit, item, remindedItem, issuedOn, issued
    case noticeNewDeadline, acknowledged, escalatedTag, escalated, awaiting, notAcknowledged
    case showAll, showUnacknowledged, noNotices, issueNotices, generateHelp, generateNow, issue

    var message: Message {
        switch self {
        case .problem: Message(zh: "问题", en: "Problem")
        case .category: Message(zh: "类别", en: "Category")
        case .problemCategory: Message(zh: "问题类别", en: "Category")
        case .projectOrEnterprise: Message(zh: "项目或企业", en: "Project or enterprise")
        case .leadUnit: Message(zh: "牵头单位", en: "Lead unit")
        case .notYetAssigned: Message(zh: "待交办", en: "not yet assigned")
        case .status: Message(zh: "状态", en: "Status")
        case .raised: Message(zh: "提出", en: "Raised")
        case .raisedOn: Message(zh: "提出日期", en: "Raised")
        case .deadline: Message(zh: "时间节点", en: "Deadline")
        case .kind: Message(zh: "类型", en: "Kind")
        case .date: Message(zh: "日期", en: "Date")
        case .meeting: Message(zh: "会议", en: "Meeting")
        case .leader: Message(zh: "责任领导", en: "Leader")
        case .resolutionPath: Message(zh: "破解路径", en: "Resolution path")
        case .problemDescription: Message(zh: "问题描述", en: "Description")
        case .noneYet: Message(zh: "暂无。", en: "None.")
        case .overdue: Message(zh: "逾期", en: "Overdue")
        case .overdueTag: Message(zh: "逾期", en: "overdue")
        case .agenda: Message(zh: "议题", en: "Agenda")
        case .decision: Message(zh: "议定事项", en: "Decision")
        case .decisions: Message(zh: "议定事项", en: "Decisions")
        case .decisionsDone: Message(zh: "已落实", en: "Done")
        case .decisionTag: Message(zh: "议定事项", en: "decision")
        case .majorTag: Message(zh: "重大", en: "major")
        case .meetingDecision: Message(zh: "会议议定事项", en: "Meeting decision")
        case .meetingDecisions: Message(zh: "会议议定事项", en: "Meeting decisions")
        case .name: Message(zh: "名称", en: "Name")
        case .all: Message(zh: "全部", en: "All")
        case .solved: Message(zh: "已解决", en: "Solved")
        case .stillOpen: Message(zh: "未解决", en: "Open")

        case .problemsTitle: Message(zh: "问题台账", en: "Problems")
        case .raisedFigure: Message(zh: "提出问题", en: "Raised")
        case .onTime: Message(zh: "按时办结", en: "On time")
        case .daysToResolve: Message(zh: "平均办结天数", en: "Days to resolve")
        case .byLeadUnit: Message(zh: "按牵头单位", en: "By lead unit")
        case .byCategory: Message(zh: "按问题类别", en: "By category")
        case .noProblems: Message(zh: "没有符合条件的问题。", en: "No problems match.")
        case .solvedColumn: Message(zh: "解决", en: "Solved")
        case .resolutionRateColumn: Message(zh: "解决率", en: "Rate")
        case .nothingRaised: Message(zh: "期内未提出问题。", en: "Nothing raised in the period.")
        case .overdueFilter: Message(zh: "已逾期", en: "Overdue")
        case .problemsKind: Message(zh: "问题", en: "Problems")
        case .searchLabel: Message(zh: "问题、项目或企业", en: "Title, project or enterprise")
        case .answerClock: Message(zh: "办理时限", en: "Answer clock")
        case .acknowledgeDays: Message(zh: "签收", en: "Acknowledge")
        case .feedbackDays: Message(zh: "反馈", en: "Feedback")
        case .resolveDays: Message(zh: "办结", en: "Resolve")
        case .majorResolveDays: Message(zh: "重大问题办结", en: "Major")
        case .holidays: Message(zh: "节假日（工作日放假）", en: "Holidays (weekdays off)")
        case .workdays: Message(zh: "调休上班日", en: "Weekend days worked")
        case .raiseAProblem: Message(zh: "提出问题", en: "Raise a problem")
        case .raiseHelp: Message(zh: "针对一个项目（填项目编号）或一家企业（填企业库中的名称）。",
                                 en: "Against a project (its code) or an enterprise (its name as registered).")
        case .projectCode: Message(zh: "项目编号", en: "Project code")
        case .orEnterprise: Message(zh: "或企业名称", en: "or enterprise")
        case .majorCheckbox: Message(zh: " 重大问题", en: " Major")
        case .leadUnitAssignsNow: Message(zh: "牵头单位（填写即交办）", en: "Lead unit (assigns it now)")
        case .assignLater: Message(zh: "— 暂不交办 —", en: "— assign later —")
        case .assistingUnitsSeparated: Message(zh: "协办单位（以、分隔）", en: "Assisting units (、-separated)")
        case .deadlineDefault: Message(zh: "时间节点（不填按时限）", en: "Deadline (default: the clock's)")
        case .raise: Message(zh: "提出", en: "Raise")

        case .allProblemsLink: Message(zh: "← 问题台账", en: "← All problems")
        case .majorSuffix: Message(zh: "（重大）", en: " (major)")
        case .project: Message(zh: "项目", en: "Project")
        case .enterprise: Message(zh: "企业", en: "Enterprise")
        case .meetingPageLink: Message(zh: "查看会议", en: "the meeting's page")
        case .assistingUnits: Message(zh: "协办单位", en: "Assisting units")
        case .step: Message(zh: "环节", en: "Step")
        case .handledBy: Message(zh: "办理人", en: "By")
        case .statusAfter: Message(zh: "办理后状态", en: "Status after")
        case .note: Message(zh: "说明", en: "Note")
        case .steps: Message(zh: "办理记录", en: "Steps")
        case .noSteps: Message(zh: "暂无办理记录。", en: "No steps yet.")
        case .attachments: Message(zh: "附件", en: "Attachments")
        case .attach: Message(zh: "上传附件（≤ 10 MB）", en: "Attach (≤ 10 MB)")
        case .due: Message(zh: "应于", en: "Due")
        case .doneOn: Message(zh: "实际", en: "Done")
        case .late: Message(zh: "超时", en: "late")
        case .running: Message(zh: "计时中", en: "running")
        case .onTimeTag: Message(zh: "按时", en: "on time")
        case .nextStep: Message(zh: "办理", en: "Next step")
        case .assistingSeparated: Message(zh: "协办单位（以、分隔）", en: "Assisting (、-separated)")
        case .path: Message(zh: "破解路径", en: "Path")
        case .newDeadline: Message(zh: "新时间节点", en: "New deadline")
        case .deadlineReason: Message(zh: "调整原因", en: "Reason")
        case .feedbackNote: Message(zh: "反馈内容", en: "What was done")
        case .resolveNote: Message(zh: "办结情况", en: "How it was resolved")
        case .reopenNote: Message(zh: "重新打开原因", en: "Why it is not solved")
        case .remark: Message(zh: "备注", en: "Remark")

        case .meetingsTitle: Message(zh: "会议", en: "Meetings")
        case .meetingsHeading: Message(zh: "会议与议定事项", en: "Meetings and their decisions")
        case .lastMeetingLink: Message(zh: "上次会议议定了什么、落实了多少 →", en: "What did the last meeting decide, and what is done →")
        case .noMeetings: Message(zh: "暂无会议：项目办或督查室新建会议后，系统按规则建议列入的议题。", en: "No meetings yet: when the office or the supervision office creates one, the rules suggest its agenda.")
        case .callMeeting: Message(zh: "召开会议", en: "Call a meeting")
        case .meetingTitle: Message(zh: "会议名称", en: "Title")
        case .meetingDate: Message(zh: "会议日期", en: "Date")
        case .agendaCloses: Message(zh: "议题截止（默认前一天）", en: "Agenda closes (default: the day before)")
        case .chairedBy: Message(zh: "主持领导", en: "Chaired by")
        case .create: Message(zh: "创建", en: "Create")
        case .overdueNotDone: Message(zh: "逾期未落实", en: "Overdue")
        case .addresses: Message(zh: "涉及问题", en: "Addresses")
        case .noneRecorded: Message(zh: "尚未记录。", en: "None recorded.")
        case .recordedOnceHeld: Message(zh: "会议召开后记录。", en: "Recorded once the meeting is held.")
        case .cooperatingSeparated: Message(zh: "配合单位（以、分隔）", en: "Assisting (、-separated)")
        case .recordDecision: Message(zh: "记录议定事项", en: "Record decision")
        case .chosen: Message(zh: "手动列入", en: "chosen")
        case .whyListed: Message(zh: "列入原因", en: "Why")
        case .whySuggested: Message(zh: "建议原因", en: "Why")
        case .remove: Message(zh: "移出", en: "Remove")
        case .printPacket: Message(zh: "打印会议材料 →", en: "Print the meeting packet →")
        case .noAgenda: Message(zh: "暂无议题。", en: "No problems on the agenda.")
        case .suggested: Message(zh: "建议列入议题", en: "Suggested for the agenda")
        case .putOnAgenda: Message(zh: "列入议题", en: "Put on the agenda")
        case .minutes: Message(zh: "会议纪要", en: "Minutes")
        case .notRecorded: Message(zh: "尚未录入。", en: "Not recorded.")

        case .noticesTitle: Message(zh: "催办单", en: "Reminder notices")
        case .noticesHeading: Message(zh: "催办单", en: "Reminder notices (催办单)")
        case .number: Message(zh: "编号", en: "Number")
        case .remindedUnit: Message(zh: "被催办单位", en: "Unit")
        case .item: Message(zh: "事项", en: "Item")
        case .remindedItem: Message(zh: "催办事项", en: "Item")
        case .issuedOn: Message(zh: "发出日期", en: "Issued")
        case .issued: Message(zh: "已发出", en: "Issued")
        case .noticeNewDeadline: Message(zh: "新时限", en: "New deadline")
        case .acknowledged: Message(zh: "签收", en: "Acknowledged")
        case .escalatedTag: Message(zh: "已报分管领导", en: "escalated")
        case .escalated: Message(zh: "已报分管领导", en: "Escalated")
        case .awaiting: Message(zh: "待签收", en: "awaiting")
        case .notAcknowledged: Message(zh: "未签收", en: "Not acknowledged")
        case .showAll: Message(zh: "显示全部", en: "Show all")
        case .showUnacknowledged: Message(zh: "只看未签收", en: "Show unacknowledged only")
        case .noNotices: Message(zh: "暂无催办单：逾期未办结的问题和会议议定事项，可在其页面发出催办单。", en: "No notices: an overdue problem or meeting decision can be sent one from its page.")
        case .issueNotices: Message(zh: "发出催办单", en: "Issue notices")
        case .generateHelp: Message(
            zh: "为每个逾期未办结、尚未催办的问题和议定事项，以及各单位逾期未报的月度进度生成催办单，并将逾期未签收的报分管领导。系统每晚自动执行。",
            en: "Generate one for every overdue problem or decision not yet reminded, and for each unit's missing monthly reports; escalate the unacknowledged. The scheduler does this each night.")
        case .generateNow: Message(zh: "立即生成", en: "Generate now")
        case .issue: Message(zh: "发出", en: "Issue")
        }
    }

    // Text with values in it.

    static func problemsHeading(from: String, to: String) -> Message {
        Message(zh: "问题台账（\(from) 至 \(to) 提出）", en: "Problems raised \(from) to \(to)")
    }

    static func resolutionRate(_ rate: String) -> Message {
        Message(zh: "解决率 \(rate)", en: "resolution rate \(rate)")
    }

    static func onTimeOf(_ onTime: Int, solved: Int) -> Message {
        Message(zh: "已解决 \(solved) 项中 \(onTime) 项", en: "\(onTime) of \(solved) solved")
    }

    static func overdueCount(_ n: Int) -> Message {
        Message(zh: "其中逾期 \(n) 项", en: "\(n) overdue")
    }

    static func asOf(_ date: String) -> Message {
        Message(zh: "统计截至 \(date)。", en: "As of \(date).")
    }

    /// How many problems match, and how many of them the page shows when not all.
    static func problemCount(_ count: Int, shown: Int) -> Message {
        Message(zh: "共 \(count) 项" + (shown < count ? "，显示前 \(shown) 项" : ""),
                en: "\(count) problems" + (shown < count ? ", first \(shown) shown" : ""))
    }

    static func wasDeadline(_ original: String) -> Message {
        Message(zh: "原 \(original)", en: "was \(original)")
    }

    static func clockSummary(_ c: ProblemClock) -> Message {
        Message(zh: "交办后 \(c.acknowledgeDays) 个工作日内签收、\(c.feedbackDays) 个工作日内反馈、\(c.resolveDays) 个工作日内办结（重大问题 \(c.majorResolveDays) 个工作日）。",
                en: "Acknowledge within \(c.acknowledgeDays), feed back within \(c.feedbackDays), resolve within \(c.resolveDays) working days (major problems \(c.majorResolveDays)).")
    }

    static func firstSetFor(_ original: String) -> Message {
        Message(zh: "（原定 \(original)）", en: " (first set for \(original))")
    }

    static func answerClocks(from assignedOn: String) -> Message {
        Message(zh: "办理时限（自 \(assignedOn) 交办起按工作日计）", en: "Answer clocks (working days from \(assignedOn))")
    }

    static func meetingSummary(kind: String, heldOn: String, cutoffOn: String, chairedBy: String?) -> Message {
        Message(zh: "\(kind)，\(heldOn) 召开；议题截止 \(cutoffOn)" + (chairedBy.map { "；\($0) 主持" } ?? ""),
                en: "\(kind) on \(heldOn); agenda closed \(cutoffOn)" + (chairedBy.map { "; chaired by \($0)" } ?? ""))
    }

    static func suggestionRule(cutoff: String) -> Message {
        Message(zh: "截至 \(cutoff) 提出、尚未解决，且影响红黄灯项目、属重大问题或共性问题（同类未解决 3 项以上）的问题。",
                en: "Open problems raised by \(cutoff) that block a red or yellow project, are major, or are common (three or more open in a category).")
    }
}
