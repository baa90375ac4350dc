import BallastCore

/// 观摩讲评's interface text, both languages side by side.
enum InspectionText {
    /// "label：value" on a Chinese page, "label: value" on an English one: a page wholly in one language.
    static func labelled(_ label: Message, _ value: String, _ lang: UILanguage) -> String {
        label.text(lang) + (lang == .en ? ": " : "：") + value
    }
    /// "（aside）" or " (aside)".
    static func aside(_ text: String, _ lang: UILanguage) -> String { lang == .en ? " (\(text))" : "（\(text)）" }
    static let listTitle = Message(zh: "观摩讲评", en: "Inspection tours")
    static let newTitle = Message(zh: "安排观摩", en: "Plan a tour")
    static let sheetTitle = Message(zh: "观摩评分表", en: "Scoring sheet")
    static let year = Message(zh: "年度", en: "Year")
    static let title = Message(zh: "观摩名称", en: "Title")
    static let heldOn = Message(zh: "观摩日期", en: "Day")
    static let status = Message(zh: "状态", en: "Status")
    static let open = Message(zh: "评分中", en: "Scoring")
    static let closed = Message(zh: "已结束评分", en: "Closed")
    static let stops = Message(zh: "观摩项目", en: "Projects")
    static let reviewers = Message(zh: "评委", en: "Reviewers")
    static let progress = Message(zh: "打分进度", en: "Sheets in")
    static let none = Message(zh: "本年度尚无观摩", en: "No tour this year yet")
    static let seq = Message(zh: "站", en: "Stop")
    static let project = Message(zh: "项目", en: "Project")
    static let unit = Message(zh: "责任单位", en: "Unit")
    static let address = Message(zh: "地址", en: "Address")
    static let leg = Message(zh: "距上一站", en: "From the last")
    static let reasons = Message(zh: "推荐理由", en: "Why")
    static let score = Message(zh: "得分", en: "Score")
    static let rank = Message(zh: "排名", en: "Rank")
    static let myScore = Message(zh: "我的评分", en: "My score")
    static let scoreIt = Message(zh: "打分", en: "Score")
    static let rescore = Message(zh: "修改", en: "Change")
    static let standAside = Message(zh: "回避", en: "Stands aside")
    static let route = Message(zh: "观摩路线", en: "Route")
    static let routeMap = Message(zh: "观摩路线图", en: "Route map")
    static let results = Message(zh: "观摩结果", en: "Results")
    static let provisional = Message(zh: "暂计结果（评分尚未结束，仅项目办可见）", en: "Provisional results (scoring still open; the office only)")
    static let projectRanking = Message(zh: "项目得分排名", en: "Projects ranked")
    static let unitRanking = Message(zh: "责任单位得分排名", en: "Units ranked")
    static let projects = Message(zh: "项目数", en: "Projects")
    static let dropped = Message(zh: "去掉的分", en: "Dropped")
    static let scored = Message(zh: "已打分", en: "Scored")
    static let owed = Message(zh: "应打分", en: "Owed")
    static let close = Message(zh: "结束评分", en: "Close scoring")
    static let closeConsequence = Message(zh: "结束后评分不能再修改，结果成为最终结果，可生成讲评通报并计入考核。",
                                          en: "Once closed, no score can change; the results are final, can be issued as the review and count in the assessments.")
    static func sheetsIn(_ scored: Int, _ owed: Int) -> Message {
        Message(zh: "已收到 \(scored) 份评分，应有 \(owed) 份\(scored < owed ? "（未打分的评委不计入）" : "")。", en: "\(scored) of \(owed) sheets are in\(scored < owed ? " (the missing ones will not count)" : ""). ")
    }
    static let closedDone = Message(zh: "已结束评分", en: "Scoring closed")
    static let draftReview = Message(zh: "生成讲评通报", en: "Draft the review")
    static let openReview = Message(zh: "查看讲评通报", en: "Open the review")
    static let plan = Message(zh: "安排观摩", en: "Plan the tour")
    static let suggested = Message(zh: "推荐观摩项目（重点项目、新开工、亮灯项目，每个责任单位至少一个）", en: "Suggested projects (key projects, new starts, lit ones, at least one per unit)")
    static let moreProjects = Message(zh: "其他项目（项目编号，每行一个）", en: "Other projects (codes, one a line)")
    static let keepOrder = Message(zh: "按勾选顺序观摩（不勾选时从第一个项目出发，依次去最近的项目）", en: "Visit in the order listed (unticked: from the first project, each time to the nearest)")
    static let reviewersHint = Message(zh: "评委在观摩当天用手机逐项打分；单位评委不为本单位项目打分。", en: "Reviewers score each project on their phones on the day; a unit's reviewer does not score its own unit's projects.")
    static func planned(_ title: String) -> Message { Message(zh: "已安排观摩“\(title)”", en: "Planned “\(title)”") }
    static let save = Message(zh: "保存评分", en: "Save the score")
    static func saved(_ total: Double) -> Message { Message(zh: "已保存，合计 \(InspectionScoring.format(total)) 分", en: "Saved: \(InspectionScoring.format(total)) in all") }
    static func savedStop(_ name: String, _ total: Double) -> Message {
        Message(zh: "已保存“\(name)”的评分，合计 \(InspectionScoring.format(total)) 分", en: "Saved the score of “\(name)”: \(InspectionScoring.format(total)) in all")
    }
    static func full(_ points: Double) -> Message { Message(zh: "满分 \(InspectionScoring.format(points))", en: "out of \(InspectionScoring.format(points))") }
    static func stopOf(_ n: Int, _ m: Int) -> Message { Message(zh: "第 \(n) 站，共 \(m) 站", en: "Stop \(n) of \(m)") }
    static let back = Message(zh: "返回观摩", en: "Back to the tour")
    static let next = Message(zh: "下一站", en: "Next stop")
    static let myTours = Message(zh: "待我打分的观摩", en: "Tours for me to score")
    static let sheetVersion = Message(zh: "评分表", en: "Sheet")
    static func version(_ v: Int) -> Message { Message(zh: "第 \(v) 版", en: "version \(v)") }
    static let item = Message(zh: "评分项", en: "Item")
    static let points = Message(zh: "分值", en: "Points")
    static let dropFrom = Message(zh: "评委达到几人时去掉一个最高分和一个最低分（0 为不去掉）", en: "From how many reviewers the highest and lowest are dropped (0: never)")
    static let sheetLines = Message(zh: "评分项（每行：名称 分值）", en: "Items (a line each: name points)")
    static let saveSheet = Message(zh: "保存为新版本", en: "Save as a new version")
    static let sheetExplain = Message(zh: "保存后为新的一版，此后安排的观摩用新版打分；已安排的观摩仍按原版本。", en: "Saving makes a new version: tours planned from now on use it; those already planned keep theirs.")
    static func sheetSaved(_ v: Int) -> Message { Message(zh: "已保存评分表第 \(v) 版", en: "Saved the sheet's version \(v)") }
    static let total = Message(zh: "合计", en: "Total")
    static let notYet = Message(zh: "未打分", en: "Not yet")
}
