import BallastCore

/// Every piece of interface text, in both languages, in one place.
enum UIText {
    /// A feature's catalogue of interface text: every case has both languages.
    protocol Catalogue: CaseIterable { var message: Message { get } }

    static let appName = Message(zh: "压舱石 · 重大项目管理", en: "Ballast · Major Projects")
    static let overview = Message(zh: "年度概览", en: "Overview")
    static let ledger = Message(zh: "项目台账", en: "Project ledger")
    static let lists = Message(zh: "名录维护", en: "Lists")
    static let saved = Message(zh: "已保存", en: "Saved")
    static let importLedger = Message(zh: "导入台账", en: "Import ledger")
    static let newProject = Message(zh: "新建项目", en: "New project")
    static let edit = Message(zh: "编辑", en: "Edit")
    static let delete = Message(zh: "删除", en: "Delete")
    static let save = Message(zh: "保存", en: "Save")
    static let search = Message(zh: "查询", en: "Search")
    static let reset = Message(zh: "重置", en: "Reset")
    static let all = Message(zh: "全部", en: "All")
    static let year = Message(zh: "年度", en: "Year")
    static let keyword = Message(zh: "关键词", en: "Keyword")
    static let exportXLSX = Message(zh: "导出Excel", en: "Export .xlsx")
    static let exportCSV = Message(zh: "导出CSV", en: "Export .csv")
    static let projects = Message(zh: "项目数", en: "Projects")
    static let totalInvestment = Message(zh: "总投资（亿元）", en: "Total investment (100M yuan)")
    static let annualPlan = Message(zh: "年度计划投资（亿元）", en: "Annual plan (100M yuan)")
    static let completed = Message(zh: "已完成投资（亿元）", en: "Completed YTD (100M yuan)")
    // Short headers for a narrow table whose unit its heading states once (`inYi`).
    static let totalShort = Message(zh: "总投资", en: "Total")
    static let planShort = Message(zh: "年度计划", en: "Plan")
    static let completedShort = Message(zh: "已完成", en: "Completed")
    static let inYi = Message(zh: "单位：亿元", en: "in 100M yuan")
    static let totalWan = Message(zh: "总投资（万元）", en: "Total (10k yuan)")
    static let planWan = Message(zh: "年度计划（万元）", en: "Annual plan (10k yuan)")
    static let byCategory = Message(zh: "按项目类别", en: "By category")
    static let byLevel = Message(zh: "按项目级别", en: "By level")
    static let byZone = Message(zh: "按空间布局", en: "By zone")
    static let byUnit = Message(zh: "按责任单位", en: "By responsible unit")
    static let pools = Message(zh: "产业项目四库", en: "The four pools")
    static let name = Message(zh: "名称", en: "Name")
    static let stage = Message(zh: "阶段", en: "Stage")
    static let yearPlans = Message(zh: "年度计划", en: "Year plans")
    static let stageHistory = Message(zh: "阶段变更记录", en: "Stage history")
    static let basics = Message(zh: "基本信息", en: "Basic information")
    static let noResults = Message(zh: "没有符合条件的项目。", en: "No projects match.")
    static let clearFilters = Message(zh: "清除筛选", en: "Clear the filters")
    static let prev = Message(zh: "上一页", en: "Previous")
    static let next = Message(zh: "下一页", en: "Next")
    static let uploadFile = Message(zh: "选择 .xlsx 或 .csv 文件", en: "Choose an .xlsx or .csv file")
    static let strict = Message(zh: "严格模式：不新建名录中没有的名称", en: "Strict: refuse names not yet in the lists")
    static let upload = Message(zh: "上传并导入", en: "Upload and import")
    static let importHelp = Message(
        zh: "第一行为表头：项目编号、项目名称、项目类别、项目级别、建设性质、空间布局、责任单位、分包领导、工作专班、项目阶段、总投资（万元）、年度计划投资（万元）、计划开工、计划竣工、建设单位、统一社会信用代码、经度、纬度、建设内容。年度计划投资为空的项目不计入当年盘子。任一行有错则整个文件不导入。",
        en: "Row 1 holds the headers (项目编号, 项目名称, … 建设内容). A row without 年度计划投资 is listed outside the year's portfolio. One faulty row rejects the whole file; nothing is stored.")
    static let downloadExample = Message(zh: "下载示例文件", en: "Download an example file")
    static let importDone = Message(zh: "导入完成", en: "Import complete")
    static let importRefused = Message(zh: "导入被拒绝，未存储任何数据", en: "Import refused; nothing was stored")
    static let row = Message(zh: "行", en: "Row")
    static let column = Message(zh: "列", en: "Column")
    static let problem = Message(zh: "问题", en: "Problem")
    static let when = Message(zh: "日期", en: "Date")
    static let who = Message(zh: "操作人", en: "By")
    static let note = Message(zh: "说明", en: "Note")
    static let version = Message(zh: "版本", en: "Version")
    static let deleteConfirm = Message(zh: "删除后该项目及其年度计划、阶段记录一并移除，不能恢复。",
                                       en: "The project goes, with its year plans and stage history; this cannot be undone.")
    static let unassigned = Message(zh: "未划分", en: "Unassigned")
    static let users = Message(zh: "用户管理", en: "Users")
    static let audit = Message(zh: "操作日志", en: "Audit trail")
    static let importProgress = Message(zh: "导入月度进度", en: "Import monthly progress")
    static let progressHelp = Message(
        zh: "表头：项目编号、月份（如 2023-05）、本月完成投资（万元）、形象进度。导入的数字记为已审定；重复导入某月将以调整记录更正，原数不变。任一行有错则整个文件不导入。",
        en: "Headers: 项目编号, 月份 (YYYY-MM), 本月完成投资（10k yuan）, 形象进度. Imported figures count as approved; importing a month again corrects it by an adjustment. One faulty row rejects the file.")
    static let reports = Message(zh: "月报", en: "Monthly reports")
    static let warnings = Message(zh: "四色预警", en: "Warnings")
    static let rollup = Message(zh: "各地区汇总", en: "District roll-up")
    static let signIn = Message(zh: "登录", en: "Sign in")
    static let signOut = Message(zh: "退出", en: "Sign out")
    static let username = Message(zh: "用户名", en: "User name")
    static let password = Message(zh: "密码", en: "Password")
    static let changePassword = Message(zh: "修改密码", en: "Change password")
    static let currentPassword = Message(zh: "当前密码", en: "Current password")
    static let newPassword = Message(zh: "新密码", en: "New password")
    static let confirmPassword = Message(zh: "再次输入新密码", en: "New password again")
    static let passwordsDiffer = Message(zh: "两次输入的新密码不一致", en: "The two new passwords differ")
    static let mustChange = Message(zh: "首次登录或密码被重置后，请先设置新密码。", en: "Please set a new password before you continue.")
    static let passwordRule = Message(zh: "至少10个字符，须同时包含字母和数字，且不含用户名。", en: "At least 10 characters, with letters and digits, not containing the user name.")
    static let fixErrors = Message(zh: "请更正标出的字段", en: "Please correct the marked fields")
}

extension UIText.Catalogue {
    func text(_ lang: UILanguage) -> String { message.text(lang) }
}
