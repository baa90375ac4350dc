import BallastCore

/// 三个一批's interface text, both languages side by side. Each case must have its text (the
/// switch is exhaustive), and `CatalogueTests` checks every case's English has no Chinese left
/// in it (beyond the campaign's own name) and neither side is empty.
enum CampaignText: CaseIterable, UIText.Catalogue {
    // The campaign
    case campaignTitle, sinceBegan, periods, noPeriods, ratesHelp, announced
    case period, held, total
    case openPeriod, number, heldOn, periodTitle, importList, importHelp, importButton
    // One period
    case allPeriodsLink, project, counted, started, inProduction, designedOutput, note, noEntries
    case listAProject, batch, projectCode, list

    var message: Message {
        switch self {
        case .campaignTitle: Message(zh: "三个一批", en: "Three Batches campaign")
        case .sinceBegan: Message(zh: "活动以来", en: "Since the campaign began")
        case .periods: Message(zh: "各期", en: "Periods")
        case .noPeriods: Message(zh: "尚无活动期次：导入一期三个一批清单即建立该期次。", en: "No period yet: importing a Three Batches list opens its period.")
        case .ratesHelp: Message(
            zh: "项目数 / 计入投资（亿元）。比率：签约一批中已开工、开工一批中已投产、投产一批中已达效的项目占比（截至统计日）。",
            en: "Projects / 100M yuan counted. Rates: share of the batch's entries that have started (Signing batch), gone into production (Starting batch) or reached designed output (Production batch) by the as-of day.")
        case .announced: Message(zh: "已安排：", en: "Announced: ")
        case .period: Message(zh: "期次", en: "Period")
        case .held: Message(zh: "举办日期", en: "Held")
        case .total: Message(zh: "合计", en: "Total")
        case .openPeriod: Message(zh: "新建期次", en: "Open a period")
        case .number: Message(zh: "期次", en: "Number")
        case .heldOn: Message(zh: "举办日期", en: "Held on")
        case .periodTitle: Message(zh: "名称", en: "Title")
        case .importList: Message(zh: "导入名单（.xlsx 或 .csv）", en: "Import a list (.xlsx or .csv)")
        case .importHelp: Message(
            zh: "列：期次、批次（签约/开工/投产）、项目编号、计入投资（万元）；可选 举办日期（新期次须填）、开工日期、投产日期、达效日期、备注。整份文件全部导入，或一行都不导入。",
            en: "Columns: period number, batch (Signing, Starting or Production), project code, investment counted (10k yuan); optional date held (for a new period), date started, date in production, date at designed output, note. The headers are in Chinese, as listed on the Chinese version of this page. The whole file is stored, or nothing.")
        case .importButton: Message(zh: "导入", en: "Import")

        case .allPeriodsLink: Message(zh: "← 全部期次", en: "← All periods")
        case .project: Message(zh: "项目", en: "Project")
        case .counted: Message(zh: "计入投资（万元）", en: "Counted (10k yuan)")
        case .started: Message(zh: "开工", en: "Started")
        case .inProduction: Message(zh: "投产", en: "In production")
        case .designedOutput: Message(zh: "达效", en: "Designed output")
        case .note: Message(zh: "备注", en: "Note")
        case .noEntries: Message(zh: "未列入项目。", en: "No project listed.")
        case .listAProject: Message(zh: "列入项目", en: "List a project")
        case .batch: Message(zh: "批次", en: "Batch")
        case .projectCode: Message(zh: "项目编号", en: "Project code")
        case .list: Message(zh: "列入", en: "List")
        }
    }

    // Text with values in it.

    static func campaignHeading(asOf: String) -> Message {
        Message(zh: "“三个一批”活动（截至\(asOf)）", en: "“Three Batches” campaign (as of \(asOf))")
    }

    /// The campaign's totals; `investment` in 亿元 as `Money.yiText` writes it.
    static func totals(entries: Int, investment: String) -> Message {
        Message(zh: "\(entries) 个项目，\(investment) 亿元", en: "\(entries) projects, \(investment) 100M yuan")
    }

    /// A period announced but not yet held, in the list after `announced`.
    static func announcedPeriod(_ number: Int, heldOn: String) -> Message {
        Message(zh: "第\(number)期（\(heldOn)）", en: "No. \(number) on \(heldOn)")
    }

    static func periodNumber(_ number: Int) -> Message {
        Message(zh: "第\(number)期", en: "No. \(number)")
    }

    /// A period's page title and heading.
    static func periodHeading(_ number: Int, heldOn: String) -> Message {
        Message(zh: "“三个一批”第\(number)期（\(heldOn)）", en: "Three Batches No. \(number) (\(heldOn))")
    }
}
