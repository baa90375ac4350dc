import BallastCharts
import BallastCore
import Plot
import BallastStore

/// The dashboard's charts, drawn from its figures by BallastCharts; each mark's link is the
/// list of projects or items it counts, with the dashboard's year and day. The big screen
/// draws the same charts larger.
enum DashboardCharts {
    static func colourName(_ c: WarningColour, _ lang: UILanguage) -> String {
        let name: DashboardText = switch c {
        case .red: .redLight
        case .yellow: .yellowLight
        case .blue: .blueLight
        case .green: .greenLight
        }
        return name.text(lang)
    }

    /// Most urgent first, as officials read the lights.
    static let lights: [WarningColour] = [.red, .yellow, .blue, .green]

    /// A phone's card is about 330 px across: a chart drawn for it shows its text at the text's
    /// own size, where a desktop chart shrunk to it would show 4-px labels.
    static let phoneWidth = 330.0

    /// A chart drawn for a desktop card and again for a phone's width, the stylesheet showing the
    /// one that fits: a phone reads labels at their size, not a 960-unit drawing shrunk to 330 px.
    static func sized(_ wide: String, _ phone: String) -> Node<HTML.BodyContext> {
        .group(.div(.class("for-wide"), .raw(wide)), .div(.class("for-phone"), .raw(phone)))
    }

    /// The words of the map's zoom buttons, which `MapScript` adds to a frame carrying them.
    static func zoomWords(_ lang: UILanguage) -> Node<HTML.BodyContext> {
        .group(.data(named: "zoom", value: "1"), .data(named: "zoom-in", value: DashboardText.zoomIn.text(lang)),
               .data(named: "zoom-out", value: DashboardText.zoomOut.text(lang)), .data(named: "zoom-reset", value: DashboardText.zoomReset.text(lang)))
    }

    /// The chart's id, kept apart from the desktop drawing's on the same page.
    static func id(_ base: String, phone: Bool) -> String { phone ? base + "-phone" : base }

    static func colours(_ f: DashboardFigures, _ r: DashboardRequest, width: Double = 360, phone: Bool = false) -> String {
        let lang = r.lang
        let lit = WarningColour.allCases.reduce(0) { $0 + (f.colours[$1.rawValue] ?? 0) }
        return DonutChart(
            id: id("colours", phone: phone), title: DashboardText.lightsChartTitle.text(lang),
            description: lights.map { "\(colourName($0, lang)) \(f.colours[$0.rawValue] ?? 0)" }.joined(separator: DashboardText.listSeparator.text(lang)),
            slices: lights.map { c in
                .init(label: colourName(c, lang), value: Double(f.colours[c.rawValue] ?? 0), cssClass: "c-\(c.rawValue)",
                      href: r.link(Site.projects.link, "&portfolio=1&colour=\(c.rawValue)"))
            },
            centre: ("\(lit)", DashboardText.projectsJudged.text(lang)), width: width).svg()
    }

    static func gauge(_ f: DashboardFigures, _ r: DashboardRequest, phone: Bool = false) -> String {
        let lang = r.lang
        let rate = f.completionRate ?? 0
        return GaugeChart(
            id: id("completion", phone: phone), title: DashboardText.completionRate.text(lang),
            description: DashboardText.gaugeDescription(rate: ValueFormat.percent.text(rate), timeProgress: ValueFormat.percent.text(f.timeProgress)).text(lang),
            ratio: rate, target: (f.timeProgress, DashboardText.timeMark.text(lang)), caption: DashboardText.ofAnnualPlan.text(lang),
            href: r.link(Site.reports.link)).svg()
    }

    static func months(_ lang: UILanguage) -> [String] { (1...12).map { DashboardText.month($0).text(lang) } }

    static func curve(_ f: DashboardFigures, _ r: DashboardRequest, width: Double = 960, height: Double = 300, phone: Bool = false) -> String {
        let lang = r.lang
        func cumulative(_ m: [Int64], through: Int) -> [Double?] {
            var sum: Int64 = 0
            return m.enumerated().map { i, v in
                guard i < through else { return nil }
                sum += v
                return Double(sum)
            }
        }
        var series: [LineChart.Series] = [
            .init(name: DashboardText.completedCumulative.text(lang), cssClass: "s0", values: cumulative(f.monthly, through: f.month),
                  hrefs: (1...12).map { r.link(Site.reports.link, "&month=\(f.year)-\($0 < 10 ? "0" : "")\($0)") }),
            .init(name: DashboardText.timeProgressPlan.text(lang), cssClass: "s-plan",
                  values: (1...12).map { Double(f.annualPlan) * Double($0) / 12 }, dashed: true),
        ]
        if let last = f.lastYear {
            series.append(.init(name: DashboardText.lastYearCompleted(last.year).text(lang), cssClass: "s-last", values: cumulative(last.monthly, through: 12), dashed: true))
        }
        let scale = MoneyScale.suited(to: Double(max(f.annualPlan, f.completed)))
        return LineChart(id: id("curve", phone: phone), title: DashboardText.curveTitle.text(lang),
                         description: DashboardText.curveDescription(asOf: f.asOf, completed: scale.label(Double(f.completed), english: lang == .en),
                                                                     plan: scale.label(Double(f.annualPlan), english: lang == .en)).text(lang),
                         xLabels: months(lang), series: series, format: .money(scale, english: lang == .en), width: width, height: height).svg()
    }

    /// A breakdown as bars: completed, then what remains of the plan, the rate written after.
    static func groups(_ groups: [DashboardFigures.Group], id: String, filter: String, _ r: DashboardRequest, width: Double = 560, phone: Bool = false) -> String {
        let scale = MoneyScale.suited(to: Double(groups.map(\.annualPlan).max() ?? 0))
        let bars = groups.map { g -> HorizontalBarChart.Bar in
            let href = r.link(Site.projects.link, "&portfolio=1&\(filter)=\(PageQuery.encode(g.name))" + ProjectListColumn.drill(ProjectListColumn.explainingGroup))
            let rate = CompletionRate.of(completed: g.completed, plan: g.annualPlan).map(ValueFormat.percent.text) ?? "—"
            return .init(label: g.name, segments: [
                .init(value: Double(g.completed), cssClass: "s0", href: href, tip: DashboardText.completedTip.text(r.lang) + scale.label(Double(g.completed), english: r.lang == .en)),
                .init(value: Double(max(0, g.annualPlan - g.completed)), cssClass: "s-rest", href: href,
                      tip: DashboardText.planTip.text(r.lang) + scale.label(Double(g.annualPlan), english: r.lang == .en)),
            ], text: "\(scale.figure(Double(g.completed))) / \(scale.figure(Double(g.annualPlan))) · \(rate)")
        }
        return HorizontalBarChart(
            id: Self.id(id, phone: phone), title: DashboardText.groupsTitle(unit: scale.unit).text(r.lang),
            description: groups.map { DashboardText.groupProjects($0.name, $0.projects).text(r.lang) }.joined(separator: DashboardText.listSeparator.text(r.lang)),
            bars: bars, format: .money(scale, english: r.lang == .en),
            legend: Legend(items: [.init(label: DashboardText.completedLegend.text(r.lang), cssClass: "s0"),
                                   .init(label: DashboardText.restOfPlan.text(r.lang), cssClass: "s-rest")]),
            width: width, labelEms: 8).svg()
    }

    static func funnel(_ f: DashboardFigures, _ r: DashboardRequest, width: Double = 480, phone: Bool = false) -> String {
        return FunnelChart(
            id: id("pools", phone: phone), title: DashboardText.fourPools.text(r.lang),
            // What the bars draw: the projects entered in the year, against the target.
            description: f.pools.map { "\($0.stage)库 \($0.entered)\($0.target.map { "/\($0)" } ?? "")" }.joined(separator: "，"),
            stages: f.pools.enumerated().map { i, p in
                .init(label: DashboardText.poolLabel(p.stage).text(r.lang), value: Double(p.entered),
                      target: p.target.map(Double.init), cssClass: Palette.series(i), href: r.link(Site.projects.link, "&stage=\(PageQuery.encode(p.stage))" + ProjectListColumn.drill(ProjectListColumn.explainingStage)))
            }, width: width).svg()
    }

    static func campaign(_ c: DashboardFigures.Campaign, _ r: DashboardRequest, width: Double = 480, phone: Bool = false) -> String {
        let en = r.lang == .en
        return HorizontalBarChart(
            id: id("campaign", phone: phone), title: DashboardText.campaignRates.text(r.lang),
            description: c.rates.map { "\($0.batch)一批 \($0.done)/\($0.entries)" }.joined(separator: "，"),
            bars: c.rates.map { rate in
                let batch = CampaignBatch(rawValue: rate.batch)
                return .init(label: batch.map { $0.rateName.text(r.lang) } ?? rate.batch,
                             segments: [.init(value: rate.rate ?? 0, cssClass: "s1", href: Layout.link(Site.campaign.link, r.lang))],
                             text: "\(rate.rate.map(ValueFormat.percent.text) ?? "—") (\(rate.done)/\(rate.entries))")
            }, format: .percent, width: width, labelEms: en ? 14 : 8).svg()
    }
}
