import BallastCore

/// 前期手续's interface text, both languages side by side.
enum ApprovalText {
    static let departmentsTitle = Message(zh: "部门审批时效", en: "Approving departments' times")
    static let from = Message(zh: "申报自", en: "Applied from")
    static let to = Message(zh: "至", en: "to")
    static let asOf = Message(zh: "统计日期", en: "As of")
    static let department = Message(zh: "审批部门", en: "Department")
    static let received = Message(zh: "受理", en: "Received")
    static let done = Message(zh: "办结", en: "Done")
    static let onTime = Message(zh: "按时办结", en: "On time")
    static let overdue = Message(zh: "超时未办结", en: "Overdue")
    static let averageDays = Message(zh: "平均用时（工作日）", en: "Average (working days)")
    static let p80Days = Message(zh: "80%办结用时（工作日）", en: "80th percentile (working days)")
    static func fileHeading(_ year: Int) -> Message {
        Message(zh: "\(year)年前期手续表（导出填写、导入）", en: "The approvals file for \(year) (download, fill in, upload)")
    }
    static let fileExplain = Message(zh: "列：项目编号、项目名称、顺序、事项、审批部门、申报日期、承诺时限（工作日）、目标日期、批复日期、批复文号、容缺受理理由。项目编号与事项相同的更新，否则新增；空白单元格保留原值；按事项顺序校验（先批后补须填容缺受理理由）；整表校验，有一处错误则整表不导入，并逐行指明；导入前先预览。",
                                     en: "Columns: 项目编号, 项目名称, 顺序, 事项, 审批部门, 申报日期, 承诺时限（工作日）, 目标日期, 批复日期, 批复文号, 容缺受理理由. A step of the same project and name is updated, else added; an empty cell keeps what is stored; each step is checked in its chain's order; the whole file is applied or refused with each row's problem; a preview comes first.")
    static let fileLabel = Message(zh: "前期手续表（.xlsx 或 .csv）", en: "Approvals file (.xlsx or .csv)")
    static let previewImport = Message(zh: "上传并预览", en: "Upload and preview")
    static let noSteps = Message(zh: "期间内没有申报的审批事项", en: "No step was applied for in the period")

    static func explain(_ from: String, _ to: String, _ asOf: String) -> Message {
        Message(zh: "\(from) 至 \(to) 申报的审批事项，截至 \(asOf)：用时按本区工作日历（节假日、调休）计，自申报次日起至批复日；按时办结指在承诺时限内批复。",
                en: "Steps applied for from \(from) to \(to), as of \(asOf): time in the district's working days (holidays and worked weekends), from the day after applying to the approval; on time means within the promised time.")
    }
}
