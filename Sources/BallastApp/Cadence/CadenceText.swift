import BallastCore

/// 通报考核's interface text (the documents list, one document's page, the scoring scheme and
/// its 加减分), both languages side by side. The official documents themselves are Chinese and
/// not here. Each case must have its text (the switch is exhaustive), and `CatalogueTests`
/// checks every case's English has no Chinese left in it and neither side is empty.
enum CadenceText: CaseIterable, UIText.Catalogue {
    // 通报考核: the list, its filters and the draft form
    case all, documentsTitle, documentsHeading, kind, year, words, search
    case periodColumn, title, number, asOf, status, draft, nothingFound
    case draftDocument, periodsHelp, generate, scoringLink
    // One document
    case allDocuments, downloadDocx, downloadPdf, documentStyle, tablesXlsx, issue, issueConsequence, confirmIssue, regenerate
    // 考核评分办法
    case standardScheme, indicator, weight, capRange, scoringTitle, allDocumentsLink
    case cap, formula, total, separateGroups, oneRanking
    case changeScheme, schemeHelp, saveNewVersion, noEntries, rankApart, monthWeights, signedLeadsAYear
    case advancedUnits, threshold
    // 加减分
    case unit, points, reason, by, assessmentPeriod, show, addAdjustment, pointsRange, record

    var message: Message {
        switch self {
        case .all: Message(zh: "全部", en: "All")
        case .documentsTitle: Message(zh: "通报考核", en: "Bulletins and rankings")
        case .documentsHeading: Message(zh: "周通报 · 月排名 · 季考核 · 年评优", en: "Bulletins, rankings and assessments")
        case .kind: Message(zh: "类别", en: "Kind")
        case .year: Message(zh: "年度", en: "Year")
        case .words: Message(zh: "关键词", en: "Words")
        case .search: Message(zh: "查询", en: "Search")
        case .periodColumn: Message(zh: "期间", en: "Period")
        case .title: Message(zh: "标题", en: "Title")
        case .number: Message(zh: "期号", en: "Number")
        case .asOf: Message(zh: "统计截至", en: "As of")
        case .status: Message(zh: "状态", en: "Status")
        case .draft: Message(zh: "草稿", en: "draft")
        case .nothingFound: Message(zh: "暂无文件：周通报、月排名按期自动生成草稿，也可由项目办在下方生成，审定后印发。", en: "Nothing found: weekly bulletins and monthly rankings are drafted on schedule, or by the office below, and issued once approved.")
        case .draftDocument: Message(zh: "生成草稿", en: "Draft a document")
        case .periodsHelp: Message(
            zh: "选择期次和统计截止日（不填则为期末；期次未结束时为今天）。印发前可重新生成；印发后内容冻结，不再改变。",
            en: "Choose the period and the day to count to (left empty: the period's last day, or today while it runs). A draft can be generated again until it is issued; an issued document never changes.")
        case .generate: Message(zh: "生成", en: "Generate")
        case .scoringLink: Message(zh: "考核评分办法与加减分 →", en: "Scoring scheme and adjustments →")

        case .allDocuments: Message(zh: "← 通报考核", en: "← All documents")
        case .downloadDocx: Message(zh: "下载 .docx", en: "Download .docx")
        case .downloadPdf: Message(zh: "下载 PDF", en: "Download PDF")
        case .documentStyle: Message(zh: "公文格式", en: "Document style")
        case .tablesXlsx: Message(zh: "表格 .xlsx", en: "Tables as .xlsx")
        case .issue: Message(zh: "印发", en: "Issue")
        case .issueConsequence: Message(zh: "印发后按顺序编号并冻结，不能撤回。",
                                        en: "Issuing gives it the next number and freezes it; it cannot be withdrawn.")
        case .confirmIssue: Message(zh: "确认印发", en: "Confirm issue")
        case .regenerate: Message(zh: "按最新数据重新生成", en: "Regenerate from today's data")

        case .standardScheme: Message(zh: "默认办法：本年度尚未保存自定义办法。",
                                      en: "The standard scheme: the office has not saved its own for this year.")
        case .indicator: Message(zh: "指标", en: "Indicator")
        case .weight: Message(zh: "权重", en: "Weight")
        case .capRange: Message(zh: "封顶（1–2）", en: "Cap (1–2)")
        case .scoringTitle: Message(zh: "考核评分办法", en: "Scoring scheme")
        case .allDocumentsLink: Message(zh: "← 通报考核", en: "← Bulletins and rankings")
        case .cap: Message(zh: "封顶", en: "Cap")
        case .formula: Message(zh: "计算方法", en: "Formula")
        case .total: Message(zh: "合计", en: "Total")
        case .separateGroups: Message(zh: "区直部门与乡镇（街道）分组排名。", en: "Departments and towns/streets are ranked separately.")
        case .oneRanking: Message(zh: "全部单位统一排名。", en: "All units in one ranking.")
        case .changeScheme: Message(zh: "修改评分办法", en: "Change the scheme")
        case .schemeHelp: Message(
            zh: "各项权重合计须为 100；权重为 0 或空的指标不计。保存后形成新版本，已印发的排名不受影响。",
            en: "Weights must add up to 100; a weight of 0 or empty leaves the indicator out. Saving makes a new version; rankings already issued keep theirs.")
        case .saveNewVersion: Message(zh: "保存为新版本", en: "Save as a new version")
        case .noEntries: Message(zh: "暂无。", en: "None.")
        case .rankApart: Message(zh: "部门与乡镇（街道）分组排名", en: "Rank departments and towns/streets apart")
        case .monthWeights: Message(zh: "月份权重（空为平均）", en: "Month weights (empty: mean)")
        case .signedLeadsAYear: Message(zh: "年度签约目标", en: "Signed leads a year")
        case .advancedUnits: Message(zh: "先进单位名额", en: "Advanced units")
        case .threshold: Message(zh: "分数线", en: "Threshold")

        case .unit: Message(zh: "单位", en: "Unit")
        case .points: Message(zh: "分值", en: "Points")
        case .reason: Message(zh: "理由", en: "Reason")
        case .by: Message(zh: "经办", en: "By")
        case .assessmentPeriod: Message(zh: "考核期", en: "Period")
        case .show: Message(zh: "查看", en: "Show")
        case .addAdjustment: Message(zh: "记录加减分", en: "Add an adjustment")
        case .pointsRange: Message(zh: "分值（±20）", en: "Points (±20)")
        case .record: Message(zh: "记录", en: "Record")
        }
    }

    // Text with values in it.

    /// An issued document's status, with the date it was issued on.
    static func issued(_ on: String) -> Message {
        Message(zh: "已印发 \(on)", en: "issued \(on)")
    }

    /// A draft's state on its page: as of when, which version.
    static func draftState(asOf: String, version: Int) -> Message {
        Message(zh: "草稿，统计截至 \(asOf)，第 \(version) 稿。印发后编号并冻结，不再随数据改变。",
                en: "Draft as of \(asOf), version \(version). Issuing numbers and freezes it.")
    }

    /// A saved scheme's version and who saved it.
    static func schemeVersion(_ version: Int, by: String) -> Message {
        Message(zh: "第 \(version) 版，\(by) 保存。", en: "Version \(version), saved by \(by).")
    }

    static func scoringHeading(year: Int) -> Message {
        Message(zh: "\(year)年考核评分办法", en: "Scoring scheme \(year)")
    }

    /// How months add up to quarters and years; `aggregation` is the rule already in the page's language.
    static func aggregation(_ aggregation: String) -> Message {
        Message(zh: "季度、年度得分：" + aggregation + "，加上加减分。",
                en: "Months add up as " + aggregation + ", plus adjustments.")
    }

    /// The pipeline target and the rule for advanced units; `threshold` as the scheme formats it.
    static func targets(pipeline: Int, advanced: Int, threshold: String) -> Message {
        Message(zh: "招商签约目标：每单位每年 \(pipeline) 个。先进单位：前 \(advanced) 名且不低于 \(threshold) 分。",
                en: "Pipeline target: \(pipeline) signed leads per unit a year. Advanced units: the best \(advanced) scoring at least \(threshold).")
    }

    static func adjustmentsHeading(_ period: String) -> Message {
        Message(zh: "\(period) 加减分", en: "Adjustments for \(period)")
    }
}
