import BallastCore

/// 四库 (the project pipeline)'s interface text, both languages side by side. Each case must
/// have its text (the switch is exhaustive), and `CatalogueTests` checks every case's English
/// has no Chinese left in it and neither side is empty.
enum PipelineText: CaseIterable, UIText.Catalogue {
    // 四库管理
    case exitButton, exitConsequence, confirmExit
    case pipelineTitle, movesThisYear, from, newEntry, to, projects, noneYet, exitsByReason
    case byUnit, noUnit, byChain, noChain, total, noRows
    case pool, quarter, cohortNote, entered, exited, stillIn, daysInPool, all
    case projectsSuffix, investmentPrefix
    // 四库流转 form
    case moveRules, moveTo, date, investor, signedOn, contractWan, registeredCompany, landOrPremises
    case plannedStart, exitReason, move
    // Funnel
    case listSeparator

    var message: Message {
        switch self {
        case .pipelineTitle: Message(zh: "四库管理", en: "Pipeline")
        case .movesThisYear: Message(zh: "本年流转", en: "Moves this year")
        case .from: Message(zh: "由", en: "From")
        case .newEntry: Message(zh: "（新入库）", en: "(new)")
        case .to: Message(zh: "转入", en: "To")
        case .projects: Message(zh: "项目数", en: "Projects")
        case .noneYet: Message(zh: "暂无。", en: "None yet.")
        case .exitsByReason: Message(zh: "本年退出（按原因）", en: "Exits this year, by reason")
        case .byUnit: Message(zh: "分单位", en: "By unit")
        case .noUnit: Message(zh: "—", en: "—")
        case .byChain: Message(zh: "分产业链", en: "By industry chain")
        case .noChain: Message(zh: "（未标注产业链）", en: "(no chain)")
        case .total: Message(zh: "合计", en: "Total")
        case .noRows: Message(zh: "暂无。", en: "None.")
        case .pool: Message(zh: "入库", en: "Pool")
        case .quarter: Message(zh: "季度", en: "Quarter")
        case .cohortNote: Message(
            zh: "各栏为此后到达该阶段的项目数，下方为自入库起的天数（中位数 / 80% 分位）。",
            en: "Each cell: projects that reached the stage, and below it the median / 80th percentile days from entering.")
        case .entered: Message(zh: "入库", en: "Entered")
        case .exited: Message(zh: "退出", en: "Exited")
        case .stillIn: Message(zh: "仍在库", en: "Still in")
        case .daysInPool: Message(zh: "在库天数", en: "Days in pool")
        case .all: Message(zh: "合计", en: "All")
        case .projectsSuffix: Message(zh: " 个", en: " projects")
        case .investmentPrefix: Message(zh: "总投资 ", en: "Investment ")

        case .moveRules: Message(
            zh: "进入招引库须填投资方；签约须填签约企业、签约日期、合同金额；落地须填注册公司、用地或厂房、计划开工；退出须选原因。跳库或退回由项目办操作。",
            en: "Moving to Being attracted needs the investor in contact; to Signed, the investor, date signed and contract amount; to Landed, the registered company, land or premises and planned start; to Exited, a reason. Skipping a pool or moving back is for the project office.")
        case .moveTo: Message(zh: "转入", en: "Move to")
        case .date: Message(zh: "日期", en: "Date")
        case .investor: Message(zh: "投资方/签约企业", en: "Investor")
        case .signedOn: Message(zh: "签约日期", en: "Signed on")
        case .contractWan: Message(zh: "合同金额（万元）", en: "Contract (10k yuan)")
        case .registeredCompany: Message(zh: "注册公司", en: "Registered company")
        case .landOrPremises: Message(zh: "用地或厂房", en: "Land or premises")
        case .plannedStart: Message(zh: "计划开工", en: "Planned start")
        case .exitReason: Message(zh: "退出原因", en: "Exit reason")
        case .move: Message(zh: "流转", en: "Move")
        case .exitButton: Message(zh: "退出…", en: "Exit…")
        case .exitConsequence: Message(zh: "项目退出四库，不再计入库内项目和流转统计；如需恢复，须由项目办移回。请填写退出日期和原因。",
                                       en: "The project leaves the pools and no longer counts in them; only the project office can move it back. Give the day and the reason.")
        case .confirmExit: Message(zh: "确认退出", en: "Confirm the exit")

        case .listSeparator: Message(zh: "；", en: "; ")
        }
    }

    // Text with values in it.

    static func heading(year: Int, asOf: String) -> Message {
        Message(zh: "\(year)年产业项目四库（截至\(asOf)）", en: "Project pipeline, \(year) (as of \(asOf))")
    }

    static func targetsHeading(year: Int) -> Message {
        Message(zh: "\(year)年各库入库目标（个）", en: "Targets for \(year): projects to enter each pool")
    }

    static func breakdownNote(asOf: String) -> Message {
        Message(zh: "各库项目数 / 总投资（亿元），截至\(asOf)。", en: "Projects / 100M yuan in each pool on \(asOf).")
    }

    /// Median / 80th percentile days.
    static func days(median: Int, p80: Int) -> Message {
        Message(zh: "\(median) / \(p80) 天", en: "\(median) / \(p80) days")
    }

    static func conversionHeading(pool: LifecycleStage, from: String, to: String) -> Message {
        Message(zh: "转化：\(from) 至 \(to) 进入\(pool.rawValue)库的项目",
                en: "Conversion: projects that entered \(pool.englishName) from \(from) to \(to)")
    }

    /// Entries into a pool this year, against its target when there is one.
    static func enteredThisYear(_ entered: Int, target: Int?) -> Message {
        Message(zh: "本年入库 \(entered)" + (target.map { " / 目标 \($0)" } ?? ""),
                en: "Entered this year: \(entered)" + (target.map { " of \($0)" } ?? ""))
    }

    /// Below a pool's list cut at `shown` of `total` projects.
    static func andMore(total: Int, shown: Int) -> Message {
        Message(zh: "等 \(total) 个", en: "and \(total - shown) more")
    }

    /// The project page's 四库流转 heading, with the stage now.
    static func poolMoveHeading(_ stage: LifecycleStage) -> Message {
        Message(zh: "四库流转（当前：\(stage.rawValue)）", en: "Pipeline: now \(stage.englishName)")
    }

    static func funnelTitle(year: Int) -> Message {
        Message(zh: "\(year)年四库漏斗", en: "Pipeline funnel, \(year)")
    }

    /// A pool and its projects, in the funnel's description.
    static func poolProjects(_ stage: LifecycleStage, _ projects: Int) -> Message {
        Message(zh: "\(stage.rawValue)库 \(projects) 个", en: "\(stage.englishName): \(projects) projects")
    }

    /// A funnel bar's label; `yi` is the pool's investment in 亿元, formatted.
    static func barLabel(_ stage: LifecycleStage, projects: Int, yi: String) -> Message {
        Message(zh: "\(stage.rawValue) \(projects) 个 · \(yi) 亿元", en: "\(stage.englishName) \(projects) · \(yi) 100M yuan")
    }
}
