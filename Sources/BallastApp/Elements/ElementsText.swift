import BallastCore

/// 资金与要素's interface text, both languages side by side.
enum ElementsText {
    static let title = Message(zh: "要素保障", en: "Funds and land")
    static let heading = Message(zh: "资金与要素", en: "Funds and land")
    static let source = Message(zh: "资金来源", en: "Source")
    static let planned = Message(zh: "计划（万元）", en: "Planned (10k yuan)")
    static let arrived = Message(zh: "到位（万元）", en: "Arrived (10k yuan)")
    static let saveFunds = Message(zh: "保存资金来源", en: "Save funding")
    static let area = Message(zh: "用地面积（亩）", en: "Land (mu)")
    static let supply = Message(zh: "供地方式", en: "Way of supply")
    static let handedOver = Message(zh: "交地日期", en: "Handed over on")
    static let quotas = Message(zh: "其他要素（能耗、环境容量等）", en: "Other quotas (energy, environmental capacity…)")
    static let saveLand = Message(zh: "保存用地与要素", en: "Save land and quotas")
    static let unit = Message(zh: "责任单位", en: "Unit")
    static let projects = Message(zh: "项目数", en: "Projects")
    static let project = Message(zh: "项目", en: "Project")
    static let plannedStart = Message(zh: "计划开工", en: "Planned start")
    static let reason = Message(zh: "情况", en: "Finding")
    static let bondsHeading = Message(zh: "专项债：按责任单位", en: "Special bonds by unit")
    static let landHeading = Message(zh: "待交地项目", en: "Projects waiting for land")
    static let behindHeading = Message(zh: "资金到位滞后于投资进度", en: "Funds behind spending")
    static let aboveHeading = Message(zh: "到位超过计划（提示）", en: "Arrived above planned (noted)")
    static let noBonds = Message(zh: "本年没有填报专项债的项目", en: "No project has special bonds this year")
    static let noLand = Message(zh: "没有待交地的项目", en: "No project is waiting for land")
    static let noBehind = Message(zh: "没有资金到位滞后的项目", en: "No project's funds are behind its spending")
    static let year = Message(zh: "年度", en: "Year")
    static let asOf = Message(zh: "统计日期", en: "As of")
    static let total = Message(zh: "合计", en: "Total")
    static let fileHeading = Message(zh: "资金来源表（导出填写、导入）", en: "The funding file (download, fill in, upload)")
    static let fileExplain = Message(zh: "列：项目编号、项目名称，及每种资金来源的“计划（万元）”“到位（万元）”（专项债、中央预算内投资、省级资金、市级资金、区级资金、银行贷款、企业自筹、其他）。空白单元格保留原值；不能为负；整表校验，有一处错误则整表不导入，并逐行指明；导入前先预览。",
                                     en: "Columns: 项目编号, 项目名称, and each source's 计划 and 到位 in 10k yuan. An empty cell keeps what is stored; no negative amounts; the whole file is checked and applied or refused with each row's problem; a preview comes first.")
    static let fileLabel = Message(zh: "资金来源表（.xlsx 或 .csv）", en: "Funding file (.xlsx or .csv)")
    static let previewImport = Message(zh: "上传并预览", en: "Upload and preview")

    static func explain(asOf: String) -> Message {
        Message(zh: "截至 \(asOf)：资金到位合计少于本年已完成投资的，为资金到位滞后；需交地而未交地的为待交地，计划开工已到的列为要素未保障，并在周例会议题建议中提示。",
                en: "As of \(asOf): funds arrived below the year's investment are behind; land to hand over and not handed over is waiting, and once the planned start has come it is a shortfall the meeting's suggestions name.")
    }

    static func fundsIntro(_ year: Int) -> Message {
        Message(zh: "\(year)年资金来源：计划与到位（留空为零）", en: "Funding for \(year): planned and arrived (blank is zero)")
    }
}
