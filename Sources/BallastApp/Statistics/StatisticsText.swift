import BallastCore

/// 入库纳统's interface text, both languages side by side.
enum StatisticsText {
    static let title = Message(zh: "入库纳统", en: "Statistics inclusion")
    static let heading = Message(zh: "入库纳统", en: "Statistics inclusion")
    static let startedOn = Message(zh: "实际开工日期", en: "Started on")
    static let declaredOn = Message(zh: "申报入库日期", en: "Declared on")
    static let includedOn = Message(zh: "入库日期", en: "Included on")
    static let number = Message(zh: "统计库项目编号", en: "Statistics number")
    static let status = Message(zh: "入库状态", en: "Status")
    static let months = Message(zh: "开工月数", en: "Months since start")
    static let reportedYTD = Message(zh: "本年已报投资（万元）", en: "Reported this year (10k yuan)")
    static let projects = Message(zh: "项目数", en: "Projects")
    static let unit = Message(zh: "责任单位", en: "Unit")
    static let project = Message(zh: "项目", en: "Project")
    static let month = Message(zh: "月份", en: "Month")
    static let reported = Message(zh: "上报投资（万元）", en: "Reported (10k yuan)")
    static let counted = Message(zh: "统计口径投资（万元）", en: "Counted (10k yuan)")
    static let gap = Message(zh: "差额（万元）", en: "Gap (10k yuan)")
    static let asOf = Message(zh: "统计日期", en: "As of")
    static let year = Message(zh: "年度", en: "Year")
    static let missingHeading = Message(zh: "已开工未入库项目", en: "Started, not in the statistics database")
    static let byUnitHeading = Message(zh: "已开工未入库：按责任单位", en: "Started, not included: by unit")
    static let gapHeading = Message(zh: "上报投资与统计口径投资：按单位、月份", en: "Reported and counted investment: by unit and month")
    static let noneMissing = Message(zh: "没有已开工未入库的项目", en: "No started project is out of the statistics database")
    static let fileHeading = Message(zh: "入库纳统表（导出填写、导入）", en: "The statistics file (download, fill in, upload)")
    static let fileExplain = Message(zh: "列：项目编号、项目名称、实际开工日期、申报入库日期、入库日期、统计库项目编号、1月～12月（统计口径投资，万元）。空白单元格保留原值；整表校验，有一处错误则整表不导入，并逐行指明；导入前先预览。",
                                     en: "Columns: 项目编号, 项目名称, 实际开工日期, 申报入库日期, 入库日期, 统计库项目编号, 1月…12月 (counted, 10k yuan). An empty cell keeps what is stored; the whole file is checked and applied or refused with each row's problem; a preview comes first.")
    static let fileLabel = Message(zh: "入库纳统表（.xlsx 或 .csv）", en: "Statistics file (.xlsx or .csv)")
    static let previewImport = Message(zh: "上传并预览", en: "Upload and preview")
    static let gapExplain = Message(zh: "上报投资为已审定月报（含调整），统计口径投资为统计部门认定数；差额 = 上报 − 统计口径，差额最大的单位在前，右侧为逐月差额。",
                                    en: "Reported: approved monthly reports with their adjustments; counted: the statistics office's figure; gap = reported − counted, the largest first, then each month's gap.")
    static let noGap = Message(zh: "本年尚无上报或统计口径投资", en: "No reported or counted investment this year")
    static let save = Message(zh: "保存入库信息", en: "Save")
    static let saveCounted = Message(zh: "保存统计口径投资", en: "Save counted figure")
    static let countedByMonth = Message(zh: "逐月上报与统计口径投资", en: "Reported and counted, by month")
    static let notStartedHint = Message(zh: "先开工，后入库：未填实际开工日期的项目不能填写入库日期和统计库项目编号。",
                                        en: "Start first, then include: a project with no start day cannot have an inclusion day or statistics number.")

    static func rule(yellow: Int, red: Int) -> Message {
        Message(zh: "本区规则：开工后满 \(yellow) 个月仍未入库的亮黄灯，满 \(red) 个月的亮红灯（在“预警规则”中调整）。",
                en: "The district's rule: a project not included \(yellow) month\(yellow == 1 ? "" : "s") after its start is yellow, \(red) months after it red (set on the warning rule).")
    }

    static func explain(asOf: String) -> Message {
        Message(zh: "截至 \(asOf)：已填实际开工日期、开工日不晚于统计日期、且在该日尚未入库的项目（已申报未入库的也在内）。先入库，后有数：这些项目上报的投资不计入全区固定资产投资。",
                en: "As of \(asOf): projects with a start day on or before it and not in the statistics database on that day (declared ones included). Their reported investment does not count in the district's fixed-asset figure.")
    }

    static func savedCounted(_ year: Int, _ month: Int) -> Message {
        Message(zh: "已保存 \(year)年\(month)月统计口径投资", en: "Saved the counted investment of \(year)-\(month)")
    }
}
