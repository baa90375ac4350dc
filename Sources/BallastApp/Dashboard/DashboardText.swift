import BallastCore

/// 挂图作战's interface text (the dashboard, its charts, the district map and the big screen),
/// both languages side by side. Each case must have its text (the switch is exhaustive), and
/// `CatalogueTests` checks every case's English has no Chinese left in it and neither side is
/// empty.
enum DashboardText: CaseIterable, UIText.Catalogue {
    // Shared by the dashboard, the map and the big screen.
    case year, asOfLabel, projects, totalInvestment, warningLights, listSeparator
    // The warning lights
    case redLight, yellowLight, blueLight, greenLight
    // Charts
    case lightsChartTitle, projectsJudged, completionRate, timeMark, ofAnnualPlan
    case completedCumulative, timeProgressPlan, curveTitle, completedTip, planTip, completedLegend, restOfPlan
    case fourPools, campaignRates
    // 挂图作战
    case dashboardTitle, show, bigScreen, map, overviewTables, emptyHelp, importLedger
    case investmentAgainstTime, completionByMonth, byCategory, byZone, poolsCard, campaignCard
    case problemsCard, unitRanking, projectMap, openMap
    case lastYear, annualPlanInvestment, completedInvestment, completionAndTime, sameTimeLastYear
    case noCampaignYet, raised, open, overdue, resolved
    case noRankingYet, workedOutToday, top, bottom, bulletinsAndRankings, rank, score
    // The map
    case mapTitle, all, category, light, zone, stage, filter, outsideLegend, dotSize
    case clickForCard, code, unit, annualPlan, projectDetails, first200Shown, outsideDistrict, noCoordinates
    case zoneLayer, noZoneLayer, downloadGeoJSON, uploadGeoJSON, upload, zoomIn, zoomOut, zoomReset, yiSuffix
    // 大屏
    case screenTitle, investment, plan, completed, completion, overdueProblems, pools, projectMapPanel
    case byCategoryCompleted, cumulativeByMonth, litProjects, noLitProjects, completedThisMonth, turnedRed, turnedGreen, started, finished
    case ownProject, ownUnit, ownCompletion, ownLight, ownReason, ownNone
    // 前期手续、入库纳统、要素保障
    case preparationCard, approvalsOverdue, stepsMeasure, notInStatistics, waitingForLand, fundsBehind

    var message: Message {
        switch self {
        case .year: Message(zh: "年度", en: "Year")
        case .asOfLabel: Message(zh: "统计日期", en: "As of")
        case .projects: Message(zh: "项目", en: "Projects")
        case .totalInvestment: Message(zh: "总投资", en: "Total investment")
        case .warningLights: Message(zh: "预警分布", en: "Warning lights")
        case .listSeparator: Message(zh: "，", en: ", ")

        case .ownProject: Message(zh: "项目", en: "Project")
        case .ownUnit: Message(zh: "责任单位", en: "Responsible unit")
        case .ownCompletion: Message(zh: "完成率", en: "Completion")
        case .ownLight: Message(zh: "预警", en: "Light")
        case .ownReason: Message(zh: "原因", en: "Why")
        case .ownNone: Message(zh: "本年度盘子中没有您分包的项目。", en: "None of this year's portfolio is yours to follow.")
        case .redLight: Message(zh: "红灯", en: "Red")
        case .yellowLight: Message(zh: "黄灯", en: "Yellow")
        case .blueLight: Message(zh: "蓝灯", en: "Blue")
        case .greenLight: Message(zh: "绿灯", en: "Green")

        case .lightsChartTitle: Message(zh: "预警灯分布", en: "Warning lights")
        case .projectsJudged: Message(zh: "个项目", en: "projects judged")
        case .completionRate: Message(zh: "年度投资完成率", en: "Completion rate")
        case .timeMark: Message(zh: "时序进度", en: "Time")
        case .ofAnnualPlan: Message(zh: "年度计划完成率", en: "of the annual plan")
        case .completedCumulative: Message(zh: "累计完成", en: "Completed (cumulative)")
        case .timeProgressPlan: Message(zh: "时序进度计划", en: "Time progress × plan")
        case .curveTitle: Message(zh: "月度累计完成投资", en: "Cumulative completion by month")
        case .completedTip: Message(zh: "完成 ", en: "completed ")
        case .planTip: Message(zh: "计划 ", en: "plan ")
        case .completedLegend: Message(zh: "已完成", en: "Completed")
        case .restOfPlan: Message(zh: "计划未完成", en: "Rest of plan")
        case .fourPools: Message(zh: "四库", en: "The four pools")
        case .campaignRates: Message(zh: "三个一批完成率", en: "Campaign rates")

        case .dashboardTitle: Message(zh: "挂图作战", en: "Dashboard")
        case .show: Message(zh: "查看", en: "Show")
        case .bigScreen: Message(zh: "大屏", en: "Big screen")
        case .map: Message(zh: "地图", en: "Map")
        case .overviewTables: Message(zh: "年度概览表", en: "Overview tables")
        case .emptyHelp: Message(
            zh: "导入该年度的项目台账后，这里将显示投资完成、预警、四库、督办和排名。",
            en: "Once the year's ledger is imported, this page shows investment, warnings, the pools, supervision and rankings.")
        case .importLedger: Message(zh: "导入台账", en: "Import a ledger")
        case .investmentAgainstTime: Message(zh: "投资完成进度", en: "Investment against time")
        case .completionByMonth: Message(zh: "月度累计完成与时序进度", en: "Cumulative completion by month")
        case .byCategory: Message(zh: "按类别", en: "By category")
        case .byZone: Message(zh: "按功能区", en: "By zone")
        case .poolsCard: Message(zh: "四库（年内入库 / 目标）", en: "Pools (entered this year / target)")
        case .campaignCard: Message(zh: "三个一批", en: "Three Batches campaign")
        case .problemsCard: Message(zh: "问题督办", en: "Problems")
        case .preparationCard: Message(zh: "前期手续、入库纳统与要素保障", en: "Approvals, statistics, funds and land")
        case .approvalsOverdue: Message(zh: "前期手续超时", en: "Approval steps overdue")
        case .stepsMeasure: Message(zh: "项", en: "steps")
        case .notInStatistics: Message(zh: "开工未入库", en: "Started, not in statistics")
        case .waitingForLand: Message(zh: "待交地", en: "Waiting for land")
        case .fundsBehind: Message(zh: "资金到位滞后", en: "Funds behind spending")
        case .unitRanking: Message(zh: "单位排名", en: "Unit ranking")
        case .projectMap: Message(zh: "项目分布图", en: "Project map")
        case .openMap: Message(zh: "打开地图（筛选、项目卡片）", en: "Open the map (filters, project cards)")
        case .lastYear: Message(zh: "上年", en: "Last year")
        case .annualPlanInvestment: Message(zh: "年度计划投资", en: "Annual plan")
        case .completedInvestment: Message(zh: "累计完成投资", en: "Completed")
        case .completionAndTime: Message(zh: "完成率 / 时序进度", en: "Completion / time")
        case .sameTimeLastYear: Message(zh: "上年同期", en: "Same time last year")
        case .noCampaignYet: Message(zh: "尚无已举行的“三个一批”活动", en: "No campaign period held yet")
        case .raised: Message(zh: "年内提出", en: "Raised")
        case .open: Message(zh: "未解决", en: "Open")
        case .overdue: Message(zh: "逾期", en: "Overdue")
        case .resolved: Message(zh: "解决率", en: "Resolved")
        case .noRankingYet: Message(zh: "本年尚无可排名的月份", en: "No month of the year to rank yet")
        case .workedOutToday: Message(zh: "按当前数据计算", en: "worked out from today's data")
        case .rank: Message(zh: "名次", en: "Rank")
        case .score: Message(zh: "得分", en: "Score")
        case .top: Message(zh: "前列", en: "Top")
        case .bottom: Message(zh: "后位", en: "Bottom")
        case .bulletinsAndRankings: Message(zh: "通报与排名文件", en: "Bulletins and rankings")

        case .mapTitle: Message(zh: "项目地图", en: "Project map")
        case .all: Message(zh: "全部", en: "All")
        case .category: Message(zh: "类别", en: "Category")
        case .light: Message(zh: "预警", en: "Light")
        case .zone: Message(zh: "功能区", en: "Zone")
        case .stage: Message(zh: "阶段", en: "Stage")
        case .filter: Message(zh: "筛选", en: "Filter")
        case .outsideLegend: Message(zh: "区界外（坐标待核）", en: "Outside the district (check)")
        case .dotSize: Message(zh: "圆点大小表示总投资", en: "Dot size shows total investment")
        case .clickForCard: Message(zh: "点击地图上的项目查看项目卡片。", en: "Click a project on the map to see its card.")
        case .code: Message(zh: "编号", en: "Code")
        case .unit: Message(zh: "责任单位", en: "Unit")
        case .annualPlan: Message(zh: "年度计划", en: "Annual plan")
        case .projectDetails: Message(zh: "项目详情", en: "Project details")
        case .first200Shown: Message(zh: "仅列前 200 个", en: "First 200 shown")
        case .outsideDistrict: Message(zh: "坐标在区界外，请核实", en: "Coordinates outside the district: please check")
        case .noCoordinates: Message(zh: "无坐标，未上图", en: "No coordinates, not on the map")
        case .zoneLayer: Message(zh: "功能区图层", en: "Zone layer")
        case .noZoneLayer: Message(zh: "尚未上传功能区图层：按项目坐标范围绘制", en: "No zone layer uploaded: drawn to the projects' extent")
        case .downloadGeoJSON: Message(zh: "下载 GeoJSON", en: "Download GeoJSON")
        case .uploadGeoJSON: Message(zh: "上传 GeoJSON（含边界、片区、发展轴）", en: "Upload GeoJSON (boundary, zones, axes)")
        case .upload: Message(zh: "上传", en: "Upload")

        case .screenTitle: Message(zh: "大屏 · 重点项目挂图作战", en: "Big screen · Ballast")
        case .investment: Message(zh: "总投资", en: "Investment")
        case .plan: Message(zh: "年度计划", en: "Plan")
        case .completed: Message(zh: "累计完成", en: "Completed")
        case .completion: Message(zh: "完成率", en: "Completion")
        case .overdueProblems: Message(zh: "逾期问题", en: "Overdue problems")
        case .pools: Message(zh: "四库", en: "Pools")
        case .projectMapPanel: Message(zh: "项目分布", en: "Project map")
        case .byCategoryCompleted: Message(zh: "按类别完成", en: "By category")
        case .cumulativeByMonth: Message(zh: "月度累计完成", en: "Cumulative by month")
        // After an amount in 亿元: "2,380亿元" / "2,380 100M yuan".
        case .yiSuffix: Message(zh: "亿元", en: " 100M yuan")
        case .zoomIn: Message(zh: "放大", en: "Zoom in")
        case .zoomOut: Message(zh: "缩小", en: "Zoom out")
        case .zoomReset: Message(zh: "复位", en: "Reset")
        case .litProjects: Message(zh: "红黄灯项目", en: "Red and yellow projects")
        case .noLitProjects: Message(zh: "没有亮红灯、黄灯的项目。", en: "No project is red or yellow.")
        case .completedThisMonth: Message(zh: "本月完成投资", en: "Completed this month")
        case .turnedRed: Message(zh: "新亮红灯", en: "Turned red")
        case .turnedGreen: Message(zh: "转为绿灯", en: "Back to green")
        case .started: Message(zh: "新开工", en: "Started")
        case .finished: Message(zh: "竣工", en: "Completed works")
        }
    }

    // Measure words after a count: Chinese says 个 (projects) or 件 (problems), English says
    // nothing, the label having said what is counted. They are not cases because a case's
    // English may not be empty (`CatalogueTests`).
    static let projectsMeasure = Message(zh: "个", en: "")
    static let problemsMeasure = Message(zh: "件", en: "")

    // Text with values in it.

    static func notCounted(_ wan: String) -> Message {
        Message(zh: "已报 \(wan) 万元未计入统计", en: "\(wan) (10k yuan) reported, not counted")
    }

    static func ownHeading(leader: String, count: Int) -> Message {
        Message(zh: "我分包的项目（\(leader)，\(count)个）", en: "My projects (\(leader), \(count))")
    }

    static func ownAll(_ count: Int) -> Message {
        Message(zh: "查看全部 \(count) 个项目及预警原因", en: "All \(count) projects, with why each is lit")
    }

    /// The gauge's description; `rate` and `timeProgress` are percentages as `ValueFormat` writes them.
    static func gaugeDescription(rate: String, timeProgress: String) -> Message {
        Message(zh: "完成年度计划的 \(rate)，时序进度 \(timeProgress)",
                en: "Completed \(rate) of the annual plan against time progress \(timeProgress)")
    }

    /// A month on a chart's axis.
    static func month(_ n: Int) -> Message {
        Message(zh: "\(n)月", en: String(n))
    }

    static func lastYearCompleted(_ year: Int) -> Message {
        Message(zh: "\(year)年累计完成", en: "\(year) completed")
    }

    /// The curve's description; the amounts are labelled in the chart's scale.
    static func curveDescription(asOf: String, completed: String, plan: String) -> Message {
        Message(zh: "截至 \(asOf) 累计完成 \(completed)，年度计划 \(plan)",
                en: "Completed to \(asOf): \(completed) of a plan of \(plan)")
    }

    /// A breakdown's title; `unit` is the chart's money unit (万元 or 亿元).
    static func groupsTitle(unit: String) -> Message {
        Message(zh: "完成与计划（\(unit)）", en: "Completed against plan")
    }

    /// A group and its projects, in a breakdown's description.
    static func groupProjects(_ name: String, _ projects: Int) -> Message {
        Message(zh: "\(name) \(projects)个", en: "\(name) \(projects) projects")
    }

    /// A pool's bar in the funnel (the stage as the figures give it, in Chinese).
    static func poolLabel(_ stage: String) -> Message {
        Message(zh: "\(stage)库", en: LifecycleStage(rawValue: stage)?.englishName ?? stage)
    }

    static func dashboardHeading(district: String, year: Int) -> Message {
        Message(zh: "\(district)\(year)年重点项目挂图作战", en: "\(district) \(year) command dashboard")
    }

    static func asOf(_ day: String) -> Message {
        Message(zh: "截至 \(day)", en: "As of \(day)")
    }

    static func noProjectInPlan(year: Int) -> Message {
        Message(zh: "\(year)年暂无列入计划的项目", en: "No project is in \(year)'s plan")
    }

    static func campaignThrough(period: Int, heldOn: String) -> Message {
        let day = CalendarDate(iso: heldOn)
        return Message(zh: "截至第\(period)期（\(day?.prose(.zh) ?? heldOn)），累计", en: "Through period \(period) (\(day?.prose(.en) ?? heldOn)), cumulative")
    }

    /// Where the ranking comes from when it was issued: the document's number.
    static func rankingIssued(_ source: String) -> Message {
        Message(zh: "已印发 \(source)", en: "issued as \(source)")
    }

    /// `source` is `workedOutToday` or `rankingIssued`, in the same language.
    static func rankingLine(period: String, units: Int, source: String) -> Message {
        Message(zh: "\(PeriodName.of(period, .zh))排名，\(units) 个单位（\(source)）", en: "Ranking of \(PeriodName.of(period, .en)), \(units) units (\(source))")
    }

    static func mapHeading(district: String, year: Int) -> Message {
        Message(zh: "\(district)\(year)年重点项目分布图", en: "\(district) \(year) project map")
    }

    /// Before the map's counts.
    static func mapAsOf(_ day: String) -> Message {
        Message(zh: "截至 \(day)，", en: "As of \(day); ")
    }

    static func placement(placed: Int, unlocated: Int, outside: Int) -> Message {
        Message(zh: "上图 \(placed) 个，无坐标 \(unlocated) 个，区界外 \(outside) 个",
                en: "\(placed) mapped, \(unlocated) without coordinates, \(outside) outside the district")
    }

    static func layerVersion(year: Int, version: Int, features: Int) -> Message {
        Message(zh: "\(year)年图层第 \(version) 版，\(features) 个要素", en: "\(year) layer, version \(version), \(features) features")
    }

    /// The map's own title (inside the SVG).
    static func mapSVGTitle(district: String) -> Message {
        Message(zh: "\(district)重点项目分布", en: "\(district) projects on the map")
    }

    /// The notice after a zone layer is uploaded from the map page.
    static func zoneLayerSaved(year: Int, version: Int, features: Int) -> Message {
        Message(zh: "已保存 \(year) 年功能区图层第 \(version) 版（\(features) 个要素）",
                en: "Saved the \(year) zone layer, version \(version) (\(features) features)")
    }

    static func screenHeading(district: String, year: Int) -> Message {
        Message(zh: "\(district)\(year)年重点项目挂图作战", en: "\(district) \(year) major projects")
    }

    /// The big screen's 本月变化 panel: the month, to the as-of day.
    static func monthChanges(_ month: YearMonth, through day: CalendarDate) -> Message {
        Message(zh: "\(month.month)月变化（截至\(day.monthDay(.zh))）", en: "\(month.name(.en)) so far (to \(day.prose(.en)))")
    }

    static func screenAsOf(_ day: String, time: String) -> Message {
        Message(zh: "数据截至 \(day) · 更新于 \(time)", en: "Data as of \(day) · updated \(time)")
    }
}
