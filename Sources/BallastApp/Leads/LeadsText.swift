import BallastCore

/// Investment promotion's interface text, both languages side by side. Each case must have its
/// text (the switch is exhaustive), and `CatalogueTests` checks every case's English has no
/// Chinese left in it and neither side is empty.
enum LeadsText: CaseIterable, UIText.Catalogue {
    // Shared by several pages: columns and fields.
    case lead, leadTitle, enterprise, enterpriseName, creditCode, source, chain, industryChain
    case intendedWan, intendedInvestment, unit, status, collected, date, note, all, noneYet
    // 招商引资
    case promotionTitle, leadsCollected, enterprisesContacted, trips, negotiated, signed
    case from, to, searchLabel, noLeads
    case tripDates, ledBy, tripKind, destinations, enterprisesVisited, leadsFromTrip, tripsInPeriod
    case registerLead, register, importLeads, importHelp, importButton
    case recordTrip, setOffOn, returnedOn, enterprisesVisitedLines
    // One lead
    case allLeadsLink, trip, reasonGivenUp, signedDate, contractAmount, signedProject
    case contactLog, who, what, loggedBy, noContacts, log, statusHistory, edit
    case moveTo, reasonGivingUp, signedOn, contractWan, existingProjectCode

    var message: Message {
        switch self {
        case .lead: Message(zh: "线索", en: "Lead")
        case .leadTitle: Message(zh: "线索名称", en: "Lead")
        case .enterprise: Message(zh: "企业", en: "Enterprise")
        case .enterpriseName: Message(zh: "企业名称", en: "Enterprise")
        case .creditCode: Message(zh: "统一社会信用代码", en: "Credit code")
        case .source: Message(zh: "来源", en: "Source")
        case .chain: Message(zh: "产业链", en: "Chain")
        case .industryChain: Message(zh: "产业链", en: "Industry chain")
        case .intendedWan: Message(zh: "意向投资（万元）", en: "Intended (10k yuan)")
        case .intendedInvestment: Message(zh: "意向投资", en: "Intended investment")
        case .unit: Message(zh: "责任单位", en: "Unit")
        case .status: Message(zh: "状态", en: "Status")
        case .collected: Message(zh: "收集日期", en: "Collected")
        case .date: Message(zh: "日期", en: "Date")
        case .note: Message(zh: "备注", en: "Note")
        case .all: Message(zh: "全部", en: "All")
        case .noneYet: Message(zh: "暂无。", en: "None.")

        case .promotionTitle: Message(zh: "招商引资", en: "Investment promotion")
        case .leadsCollected: Message(zh: "收集线索", en: "Leads collected")
        case .enterprisesContacted: Message(zh: "对接企业", en: "Enterprises contacted")
        case .trips: Message(zh: "外出招商", en: "Trips")
        case .negotiated: Message(zh: "洽谈项目", en: "Negotiated")
        case .signed: Message(zh: "签约项目", en: "Signed")
        case .from: Message(zh: "自", en: "From")
        case .to: Message(zh: "至", en: "To")
        case .searchLabel: Message(zh: "线索、企业或产业链", en: "Title, enterprise or chain")
        case .noLeads: Message(zh: "没有符合条件的线索。", en: "No leads match.")
        case .tripDates: Message(zh: "日期", en: "Dates")
        case .ledBy: Message(zh: "带队", en: "Led by")
        case .tripKind: Message(zh: "形式", en: "Kind")
        case .destinations: Message(zh: "目的地", en: "Destinations")
        case .enterprisesVisited: Message(zh: "拜访企业", en: "Enterprises visited")
        case .leadsFromTrip: Message(zh: "产生线索", en: "Leads")
        case .tripsInPeriod: Message(zh: "期内外出招商", en: "Trips in the period")
        case .registerLead: Message(zh: "登记线索", en: "Register a lead")
        case .register: Message(zh: "登记", en: "Register")
        case .importLeads: Message(zh: "导入线索（.xlsx 或 .csv）", en: "Import leads (.xlsx or .csv)")
        case .importHelp: Message(
            zh: "列：线索名称、企业名称、来源、责任单位、收集日期；可选 统一社会信用代码、产业链、意向投资（万元）、状态、放弃原因、备注。整份文件全部导入，或一行都不导入。",
            en: "Columns: lead title, enterprise name, source, responsible unit, date collected; optional credit code, industry chain, intended investment (10k yuan), status, reason given up, note. The headers are in Chinese, as listed on the Chinese version of this page. The whole file is stored, or nothing.")
        case .importButton: Message(zh: "导入", en: "Import")
        case .recordTrip: Message(zh: "记录外出招商", en: "Record a trip")
        case .setOffOn: Message(zh: "出发", en: "From")
        case .returnedOn: Message(zh: "返回", en: "To")
        case .enterprisesVisitedLines: Message(zh: "拜访企业（每行一家）", en: "Enterprises visited (one per line)")

        case .allLeadsLink: Message(zh: "← 全部线索", en: "← All leads")
        case .trip: Message(zh: "外出招商", en: "Trip")
        case .reasonGivenUp: Message(zh: "放弃原因", en: "Reason given up")
        case .signedDate: Message(zh: "签约日期", en: "Signed")
        case .contractAmount: Message(zh: "合同金额", en: "Contract amount")
        case .signedProject: Message(zh: "签约项目", en: "Project")
        case .contactLog: Message(zh: "对接记录", en: "Contact log")
        case .who: Message(zh: "对接人", en: "Who")
        case .what: Message(zh: "内容", en: "What")
        case .loggedBy: Message(zh: "记录人", en: "Logged by")
        case .noContacts: Message(zh: "暂无对接记录。", en: "No contact logged.")
        case .log: Message(zh: "记录", en: "Log")
        case .statusHistory: Message(zh: "状态记录", en: "Status history")
        case .edit: Message(zh: "修改", en: "Edit")
        case .moveTo: Message(zh: "转为", en: "Move to")
        case .reasonGivingUp: Message(zh: "放弃原因", en: "Reason (giving up)")
        case .signedOn: Message(zh: "签约日期", en: "Signed on")
        case .contractWan: Message(zh: "合同金额（万元）", en: "Contract (10k yuan)")
        case .existingProjectCode: Message(zh: "已有项目编号（不填则新建）", en: "Existing project code (else one is created)")
        }
    }

    // Text with values in it.

    static func promotionHeading(from: String, to: String) -> Message {
        Message(zh: "招商引资（\(from) 至 \(to)）", en: "Investment promotion, \(from) to \(to)")
    }

    static func tripsBreakdown(leader: Int, team: Int) -> Message {
        Message(zh: "领导带队 \(leader) 次，小分队 \(team) 次", en: "leader-led \(leader), small team \(team)")
    }

    /// The signed contracts' amount, in 亿元 as `Money.yiText` writes it.
    static func contracted(_ yi: String) -> Message {
        Message(zh: "合同金额 \(yi) 亿元", en: "\(yi) 100M yuan contracted")
    }

    /// How many leads the period collected, and how many of them the page shows when not all.
    static func leadCount(_ total: Int, shown: Int) -> Message {
        Message(zh: "期内收集线索 \(total) 条" + (shown < total ? "，显示最新 \(shown) 条" : ""),
                en: "\(total) leads collected in the period" + (shown < total ? ", newest \(shown) shown" : ""))
    }
}
