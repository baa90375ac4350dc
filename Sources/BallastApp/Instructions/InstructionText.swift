import BallastCore

/// 领导分包 and 领导批示: the interface text, both languages side by side.
enum InstructionText {
    static let deskTitle = Message(zh: "我联系的项目", en: "My projects")
    static let listTitle = Message(zh: "领导批示", en: "Leaders' instructions")
    static func deskHeading(_ leader: String, _ n: Int) -> Message {
        Message(zh: "我联系的项目（\(leader)，\(n) 个）", en: "My projects (\(leader), \(n))")
    }
    static let notLinked = Message(zh: "本账号尚未关联分包领导名单中的姓名，请系统管理员在用户管理中关联后再使用。",
                                   en: "This account is not linked to a name on the leader list; ask the administrator to link it.")
    static let project = Message(zh: "项目", en: "Project")
    static let unit = Message(zh: "责任单位", en: "Unit")
    static let light = Message(zh: "亮灯", en: "Light")
    static let reason = Message(zh: "原因", en: "Why")
    static let completion = Message(zh: "完成率", en: "Done")
    static let waiting = Message(zh: "待办问题", en: "Open problems")
    static let openInstructions = Message(zh: "未办结批示", en: "Open instructions")
    static let noProjects = Message(zh: "本年度没有由您分包的项目", en: "No project of yours this year")
    static let myInstructions = Message(zh: "我的批示", en: "My instructions")
    static let noInstructions = Message(zh: "暂无批示", en: "No instructions")
    static let instruction = Message(zh: "批示", en: "Instruction")
    static let subject = Message(zh: "批示对象", en: "On")
    static let addressed = Message(zh: "交办单位", en: "Addressed to")
    static let deadline = Message(zh: "办理时限", en: "Deadline")
    static let status = Message(zh: "状态", en: "Status")
    static let leader = Message(zh: "批示领导", en: "Leader")
    static let given = Message(zh: "下达日期", en: "Given")
    /// A 批示's first step in its record.
    static let issued = Message(zh: "下达", en: "Given")
    static let overdue = Message(zh: "逾期", en: "Overdue")
    static let toClose = Message(zh: "待销号", en: "To close")
    static func changesHeading(since: String) -> Message {
        Message(zh: "自 \(since) 以来的变化", en: "What changed since \(since)")
    }
    static let noChanges = Message(zh: "上次访问以来没有新的变化", en: "Nothing changed since your last visit")
    static let changeDay = Message(zh: "日期", en: "Day")
    static let change = Message(zh: "变化", en: "Change")
    static let figuresHeading = Message(zh: "分包领导：项目与批示", en: "Leaders: projects and instructions")
    static let projects = Message(zh: "联系项目", en: "Projects")
    static let lit = Message(zh: "亮灯项目", en: "Lit")
    static let givenCount = Message(zh: "批示", en: "Given")
    static let done = Message(zh: "已办结", en: "Done")
    static let onTime = Message(zh: "按时办结", en: "On time")
    static let onTimeRate = Message(zh: "按时办结率", en: "On-time rate")
    static let figuresExplain = Message(
        zh: "联系项目：本年度计划内、分包领导为该领导的项目；亮灯：统计日红灯或黄灯；批示：本年下达至统计日；已办结：统计日已办结或已销号；按时：办结日不晚于当时的办理时限。",
        en: "Projects: the year's portfolio projects the leader answers for; lit: red or yellow on the day; given: this year up to the day; done: resolved or closed by the day; on time: resolved by the deadline then in force.")
    static let giveHeading = Message(zh: "领导批示", en: "Give an instruction")
    static let text = Message(zh: "批示内容", en: "Instruction")
    static let leadUnit = Message(zh: "牵头单位", en: "Lead unit")
    static let otherUnits = Message(zh: "其他单位（用、分隔）", en: "Other units (separated by 、)")
    static let deadlineOptional = Message(zh: "办理时限（可不填，按办结时限）", en: "Deadline (optional: the answer clock's)")
    static let give = Message(zh: "下达批示", en: "Give the instruction")
    static let given_ = Message(zh: "批示已下达并交办", en: "The instruction is given and addressed")
    static let asOf = Message(zh: "统计日期", en: "As of")
    static let year = Message(zh: "年度", en: "Year")
    static let allLeaders = Message(zh: "全部领导", en: "All leaders")
    static let filter = Message(zh: "筛选", en: "Filter")
    static let onDocument = Message(zh: "文件", en: "Document")
    static let onProblem = Message(zh: "问题", en: "Problem")
    static let allInstructions = Message(zh: "全部批示", en: "All instructions")
}
