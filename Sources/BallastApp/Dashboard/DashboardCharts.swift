import BallastCharts
import BallastCore
import BallastStore

/// The dashboard's charts, drawn from its figures by BallastCharts; each mark's link is the
/// list of projects or items it counts, with the dashboard's year and day. The big screen
/// draws the same charts larger.
enum DashboardCharts {
    static func colourName(_ c: WarningColour, _ en: Bool) -> String {
        switch c {
        case .red: en ? "Red" : "红灯"
        case .yellow: en ? "Yellow" : "黄灯"
        case .blue: en ? "Blue" : "蓝灯"
        case .green: en ? "Green" : "绿灯"
        }
    }

    /// Most urgent first, as officials read the lights.
    static let lights: [WarningColour] = [.red, .yellow, .blue, .green]

    static func colours(_ f: DashboardFigures, _ r: DashboardRequest, width: Double = 360) -> String {
        let en = r.lang == .en
        let lit = WarningColour.allCases.reduce(0) { $0 + (f.colours[$1.rawValue] ?? 0) }
        return DonutChart(
            id: "colours", title: en ? "Warning lights" : "预警灯分布",
            description: lights.map { "\(colourName($0, en)) \(f.colours[$0.rawValue] ?? 0)" }.joined(separator: en ? ", " : "，"),
            slices: lights.map { c in
                .init(label: colourName(c, en), value: Double(f.colours[c.rawValue] ?? 0), cssClass: "c-\(c.rawValue)",
                      href: r.link(Site.projects.link, "&portfolio=1&colour=\(c.rawValue)"))
            },
            centre: ("\(lit)", en ? "projects judged" : "个项目"), width: width).svg()
    }

    static func gauge(_ f: DashboardFigures, _ r: DashboardRequest) -> String {
        let en = r.lang == .en
        let rate = f.completionRate ?? 0
        return GaugeChart(
            id: "completion", title: en ? "Completion rate" : "年度投资完成率",
            description: en ? "Completed \(ValueFormat.percent.text(rate)) of the annual plan against time progress \(ValueFormat.percent.text(f.timeProgress))"
                : "完成年度计划的 \(ValueFormat.percent.text(rate))，时序进度 \(ValueFormat.percent.text(f.timeProgress))",
            ratio: rate, target: (f.timeProgress, en ? "Time" : "时序进度"), caption: en ? "of the annual plan" : "年度计划完成率",
            href: r.link(Site.reports.link)).svg()
    }

    static func months(_ en: Bool) -> [String] { (1...12).map { en ? String($0) : "\($0)月" } }

    static func curve(_ f: DashboardFigures, _ r: DashboardRequest, width: Double = 960, height: Double = 300) -> String {
        let en = r.lang == .en
        func cumulative(_ m: [Int64], through: Int) -> [Double?] {
            var sum: Int64 = 0
            return m.enumerated().map { i, v in
                guard i < through else { return nil }
                sum += v
                return Double(sum)
            }
        }
        var series: [LineChart.Series] = [
            .init(name: en ? "Completed (cumulative)" : "累计完成", cssClass: "s0", values: cumulative(f.monthly, through: f.month),
                  hrefs: (1...12).map { r.link(Site.reports.link, "&month=\(f.year)-\($0 < 10 ? "0" : "")\($0)") }),
            .init(name: en ? "Time progress × plan" : "时序进度计划", cssClass: "s-plan",
                  values: (1...12).map { Double(f.annualPlan) * Double($0) / 12 }, dashed: true),
        ]
        if let last = f.lastYear {
            series.append(.init(name: en ? "\(last.year) completed" : "\(last.year)年累计完成", cssClass: "s-last", values: cumulative(last.monthly, through: 12), dashed: true))
        }
        let scale = MoneyScale.suited(to: Double(max(f.annualPlan, f.completed)))
        return LineChart(id: "curve", title: en ? "Cumulative completion by month" : "月度累计完成投资",
                         description: en ? "Completed to \(f.asOf): \(scale.label(Double(f.completed))) of a plan of \(scale.label(Double(f.annualPlan)))"
                            : "截至 \(f.asOf) 累计完成 \(scale.label(Double(f.completed)))，年度计划 \(scale.label(Double(f.annualPlan)))",
                         xLabels: months(en), series: series, format: .money(scale), width: width, height: height).svg()
    }

    /// A breakdown as bars: completed, then what remains of the plan, the rate written after.
    static func groups(_ groups: [DashboardFigures.Group], id: String, filter: String, _ r: DashboardRequest, width: Double = 560) -> String {
        let en = r.lang == .en
        let scale = MoneyScale.suited(to: Double(groups.map(\.annualPlan).max() ?? 0))
        let bars = groups.map { g -> HorizontalBarChart.Bar in
            let href = r.link(Site.projects.link, "&portfolio=1&\(filter)=\(PageQuery.encode(g.name))")
            let rate = g.annualPlan > 0 ? ValueFormat.percent.text(Double(g.completed) / Double(g.annualPlan)) : "—"
            return .init(label: g.name, segments: [
                .init(value: Double(g.completed), cssClass: "s0", href: href, tip: (en ? "completed " : "完成 ") + scale.label(Double(g.completed))),
                .init(value: Double(max(0, g.annualPlan - g.completed)), cssClass: "s-rest", href: href,
                      tip: (en ? "plan " : "计划 ") + scale.label(Double(g.annualPlan))),
            ], text: "\(scale.figure(Double(g.completed))) / \(scale.figure(Double(g.annualPlan))) · \(rate)")
        }
        return HorizontalBarChart(
            id: id, title: en ? "Completed against plan" : "完成与计划（\(scale.unit)）",
            description: groups.map { "\($0.name) \($0.projects)\(en ? " projects" : "个")" }.joined(separator: en ? ", " : "，"),
            bars: bars, format: .money(scale),
            legend: Legend(items: [.init(label: en ? "Completed" : "已完成", cssClass: "s0"), .init(label: en ? "Rest of plan" : "计划未完成", cssClass: "s-rest")]),
            width: width, labelEms: 8).svg()
    }

    static func funnel(_ f: DashboardFigures, _ r: DashboardRequest, width: Double = 480) -> String {
        let en = r.lang == .en
        return FunnelChart(
            id: "pools", title: en ? "The four pools" : "四库",
            description: f.pools.map { "\($0.stage)库 \($0.projects)" }.joined(separator: "，"),
            stages: f.pools.enumerated().map { i, p in
                .init(label: en ? (LifecycleStage(rawValue: p.stage)?.englishName ?? p.stage) : "\(p.stage)库", value: Double(p.entered),
                      target: p.target.map(Double.init), cssClass: Palette.series(i), href: Layout.link(Site.projects.link + "?stage=\(PageQuery.encode(p.stage))", r.lang))
            }, width: width).svg()
    }

    static func campaign(_ c: DashboardFigures.Campaign, _ r: DashboardRequest, width: Double = 480) -> String {
        let en = r.lang == .en
        return HorizontalBarChart(
            id: "campaign", title: en ? "Campaign rates" : "三个一批完成率",
            description: c.rates.map { "\($0.batch)一批 \($0.done)/\($0.entries)" }.joined(separator: "，"),
            bars: c.rates.map { rate in
                let batch = CampaignBatch(rawValue: rate.batch)
                return .init(label: batch.map { en ? $0.rateName.en : $0.rateName.zh } ?? rate.batch,
                             segments: [.init(value: rate.rate ?? 0, cssClass: "s1", href: Layout.link(Site.campaign.link, r.lang))],
                             text: "\(rate.rate.map(ValueFormat.percent.text) ?? "—") (\(rate.done)/\(rate.entries))")
            }, format: .percent, width: width, labelEms: en ? 14 : 8).svg()
    }
}
