import BallastCharts
import BallastCore
import BallastStore
import Foundation
import Plot

/// 挂图作战: the district's year on one page. Every figure and every chart mark links to the
/// projects or items behind it, with the dashboard's year and day.
package struct DashboardPage {
    package init(request: DashboardRequest, figures: DashboardFigures, map: String) {
        self.request = request; self.figures = figures; self.map = map
    }

    var request: DashboardRequest
    var figures: DashboardFigures
    var map: String

    var lang: UILanguage { request.lang }
    var en: Bool { lang == .en }
    func t(_ zh: String, _ en: String) -> String { self.en ? en : zh }
    func link(_ path: String, _ extra: String = "") -> String { request.link(path, extra) }

    package func render() -> String {
        let f = figures
        let title = en ? "\(request.district.name) \(f.year) command dashboard" : "\(request.district.name)\(f.year)年重点项目挂图作战"
        return Layout.page(title: t("挂图作战", "Dashboard"), lang: lang, section: .overview, path: Site.home.link + "?\(request.keep)",
            .div(.class("dash-head"),
                .h1(.text(title)),
                .p(.class("muted asof"), .text(t("截至 \(f.asOf)", "As of \(f.asOf)"))),
                controls()),
            f.isEmpty ? empty() : .group(body())
        )
    }

    func controls() -> Node<HTML.BodyContext> {
        .form(.class("dash-controls"), .method(.get), .action("/"),
            .label(.text(t("年度", "Year")), .input(.type(.number), .name("year"), .value(String(figures.year)), .attribute(named: "min", value: "2000"), .attribute(named: "max", value: "2100"))),
            .label(.text(t("统计日期", "As of")), .input(.type(.date), .name("asOf"), .value(figures.asOf))),
            .unwrap(en ? "en" : nil) { .input(.type(.hidden), .name("lang"), .value($0)) },
            .button(.type(.submit), .text(t("查看", "Show"))),
            .a(.class("button secondary"), .href(attr(link(Site.screen.link))), .text(t("大屏", "Big screen"))),
            .a(.class("button secondary"), .href(attr(link(Site.map.link))), .text(t("地图", "Map"))),
            .a(.class("button secondary"), .href(attr(Layout.link(Site.overview.link + "?year=\(figures.year)", lang))), .text(t("年度概览表", "Overview tables"))))
    }

    func empty() -> Node<HTML.BodyContext> {
        .div(.class("card empty-state"),
            .h2(.text(t("\(figures.year)年暂无列入计划的项目", "No project is in \(figures.year)'s plan"))),
            .p(.text(t("导入该年度的项目台账后，这里将显示投资完成、预警、四库、督办和排名。",
                       "Once the year's ledger is imported, this page shows investment, warnings, the pools, supervision and rankings."))),
            .p(.a(.href(attr(Layout.link(Site.ledgerImport.link, lang))), .text(t("导入台账", "Import a ledger")))))
    }

    func body() -> [Node<HTML.BodyContext>] {
        [
            headline(),
            .div(.class("dash-grid"),
                 card(t("预警分布", "Warning lights"), .raw(DashboardCharts.colours(figures, request))),
                 card(t("投资完成进度", "Investment against time"), .raw(DashboardCharts.gauge(figures, request)))),
            card(t("月度累计完成与时序进度", "Cumulative completion by month"), .raw(DashboardCharts.curve(figures, request)), wide: true),
            .div(.class("dash-grid"),
                 card(t("按类别", "By category"), .raw(DashboardCharts.groups(figures.byCategory, id: "by-category", filter: "category", request))),
                 card(t("按功能区", "By zone"), .raw(DashboardCharts.groups(figures.byZone, id: "by-zone", filter: "zone", request)))),
            .div(.class("dash-grid"),
                 card(t("四库（年内入库 / 目标）", "Pools (entered this year / target)"), .raw(DashboardCharts.funnel(figures, request))),
                 card(t("三个一批", "三个一批 campaign"), campaign())),
            .div(.class("dash-grid"),
                 card(t("问题督办", "Problems"), problems()),
                 card(t("单位排名", "Unit ranking"), ranking())),
            card(t("项目分布图", "Project map"), .div(.class("map-frame"), .raw(map),
                 .p(.a(.href(attr(link(Site.map.link))), .text(t("打开地图（筛选、项目卡片）", "Open the map (filters, project cards)"))))), wide: true),
        ]
    }

    func card(_ title: String, _ body: Node<HTML.BodyContext>, wide: Bool = false) -> Node<HTML.BodyContext> {
        .section(.class(wide ? "card dash-card wide" : "card dash-card"), .h2(.text(title)), body)
    }

    func headline() -> Node<HTML.BodyContext> {
        let f = figures
        let yi = MoneyScale.yi
        let rate = f.completionRate.map(ValueFormat.percent.text) ?? "—"
        let portfolio = link(Site.projects.link, "&portfolio=1")
        return .div(.class("figures dash-figures"),
            figureLink(t("项目", "Projects"), "\(f.projects)", t("个", ""), portfolio, yoy: f.lastYear.map { "\(t("上年", "Last year")) \($0.projects)" }),
            figureLink(t("总投资", "Total investment"), yi.figure(Double(f.totalInvestment)), "亿元", portfolio + "&sort=-totalInvestment"),
            figureLink(t("年度计划投资", "Annual plan"), yi.figure(Double(f.annualPlan)), "亿元", portfolio + "&sort=-annualPlan",
                       yoy: f.lastYear.map { "\(t("上年", "Last year")) \(yi.figure(Double($0.annualPlan)))亿元" }),
            figureLink(t("累计完成投资", "Completed"), yi.figure(Double(f.completed)), "亿元", link(Site.reports.link, "&month=\(f.year)-\(f.month < 10 ? "0" : "")\(max(1, f.month))"),
                       yoy: f.lastYear.map { "\(t("上年同期", "Same time last year")) \(yi.figure(Double($0.completed)))亿元" }),
            figureLink(t("完成率 / 时序进度", "Completion / time"), rate, "/ " + ValueFormat.percent.text(f.timeProgress), portfolio,
                       behind: (f.completionRate ?? 0) < f.timeProgress))
    }

    func figureLink(_ label: String, _ value: String, _ unit: String, _ href: String, yoy: String? = nil, behind: Bool = false) -> Node<HTML.BodyContext> {
        .a(.class(behind ? "figure behind" : "figure"), .href(attr(href)),
           .div(.class("label"), .text(label)),
           .div(.class("value"), .text(value), .span(.class("unit"), .text(" " + unit))),
           .unwrap(yoy) { .div(.class("muted"), .text($0)) })
    }

    func campaign() -> Node<HTML.BodyContext> {
        guard let c = figures.campaign else { return .p(.class("muted"), .text(t("尚无已举行的“三个一批”活动", "No campaign period held yet"))) }
        return .div(
            .p(.class("muted"), .text(t("截至第\(c.period)期（\(c.heldOn)），累计", "Through period \(c.period) (\(c.heldOn)), cumulative"))),
            .raw(DashboardCharts.campaign(c, request)))
    }

    func problems() -> Node<HTML.BodyContext> {
        let p = figures.problems
        return .div(.class("figures small"),
            figureLink(t("年内提出", "Raised"), "\(p.raised)", t("件", ""), link(Site.problems.link, "&status=all")),
            figureLink(t("未解决", "Open"), "\(p.open)", t("件", ""), link(Site.problems.link, "&status=open")),
            figureLink(t("逾期", "Overdue"), "\(p.overdue)", t("件", ""), link(Site.problems.link, "&status=overdue"), behind: p.overdue > 0),
            figureLink(t("解决率", "Resolved"), p.resolutionRate.map(ValueFormat.percent.text) ?? "—", "", link(Site.problems.link, "&status=solved")))
    }

    func ranking() -> Node<HTML.BodyContext> {
        guard let r = figures.ranking else { return .p(.class("muted"), .text(t("本年尚无可排名的月份", "No month of the year to rank yet"))) }
        func rows(_ units: [DashboardFigures.RankedUnit]) -> Node<HTML.BodyContext> {
            .table(.class("compact"), .tbody(.forEach(units) { u in
                .tr(.td(.class("num"), .text("\(u.rank)")),
                    .td(.a(.href(attr(link(Site.projects.link, "&portfolio=1&unit=\(PageQuery.encode(u.unit))"))), .text(u.unit))),
                    .td(.class("num"), .text(String(format: "%.2f", u.total))))
            }))
        }
        let source = r.source == "计算" ? t("按当前数据计算", "worked out from today's data") : t("已印发 \(r.source)", "issued as \(r.source)")
        return .div(
            .p(.class("muted"), .text(t("\(r.period) 月度排名，\(r.units) 个单位（\(source)）", "Ranking of \(r.period), \(r.units) units (\(source))"))),
            .div(.class("rank-pair"),
                 .div(.h3(.text(t("前列", "Top"))), rows(r.top)),
                 .div(.h3(.text(t("后位", "Bottom"))), rows(r.bottom))),
            .p(.a(.href(attr(Layout.link(Site.documents.link, lang))), .text(t("通报与排名文件", "Bulletins and rankings")))))
    }
}
