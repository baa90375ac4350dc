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
    /// The signed-in leader's 分包领导 name and own projects, shown before the district's figures.
    var own: (leader: String, projects: [LeaderProjects.Row])?

    var lang: UILanguage { request.lang }
    var en: Bool { lang == .en }
    func link(_ path: String, _ extra: String = "") -> String { request.link(path, extra) }

    package func render() -> String {
        let f = figures
        let title = DashboardText.dashboardHeading(district: request.district.name, year: f.year).text(lang)
        return Layout.page(title: DashboardText.dashboardTitle.text(lang), lang: lang, section: .overview, path: Site.home.link + "?\(request.keep)",
            scripts: [Site.mapScript.link],
            .div(.class("dash-head"),
                .h1(.text(title)),
                .p(.class("muted asof"), .text(DashboardText.asOf(f.asOf).text(lang))),
                controls()),
            .unwrap(own) { ownProjects($0.leader, $0.projects) },
            f.isEmpty ? empty() : .group(body())
        )
    }

    func controls() -> Node<HTML.BodyContext> {
        .form(.class("dash-controls"), .method(.get), .action("/"),
            .label(.text(DashboardText.year.text(lang)), .input(.type(.number), .name("year"), .value(String(figures.year)), .attribute(named: "min", value: "2000"), .attribute(named: "max", value: "2100"))),
            .label(.text(DashboardText.asOfLabel.text(lang)), .input(.type(.date), .name("asOf"), .value(figures.asOf))),
            .unwrap(en ? "en" : nil) { .input(.type(.hidden), .name("lang"), .value($0)) },
            .button(.type(.submit), .text(DashboardText.show.text(lang))),
            .a(.class("button secondary"), .href(attr(link(Site.screen.link))), .text(DashboardText.bigScreen.text(lang))),
            .a(.class("button secondary"), .href(attr(link(Site.map.link))), .text(DashboardText.map.text(lang))),
            .a(.class("button secondary"), .href(attr(Layout.link(Site.overview.link + "?year=\(figures.year)", lang))), .text(DashboardText.overviewTables.text(lang))))
    }

    func empty() -> Node<HTML.BodyContext> {
        .div(.class("card empty-state"),
            .h2(.text(DashboardText.noProjectInPlan(year: figures.year).text(lang))),
            .p(.text(DashboardText.emptyHelp.text(lang))),
            .p(.a(.href(attr(Layout.link(Site.ledgerImport.link, lang))), .text(DashboardText.importLedger.text(lang)))))
    }

    func body() -> [Node<HTML.BodyContext>] {
        [
            headline(),
            .div(.class("dash-grid"),
                 card(DashboardText.warningLights.text(lang), .div(
                     // The counts the chart draws, for a test to compare with the API and the documents.
                     .data(named: "figure", value: "colours"),
                     .forEach(WarningColour.allCases) { c in .data(named: c.rawValue, value: "\(figures.colours[c.rawValue] ?? 0)") },
                     .raw(DashboardCharts.colours(figures, request)))),
                 card(DashboardText.investmentAgainstTime.text(lang), .raw(DashboardCharts.gauge(figures, request)))),
            card(DashboardText.completionByMonth.text(lang), sized(DashboardCharts.curve(figures, request),
                                                                   DashboardCharts.curve(figures, request, width: DashboardCharts.phoneWidth, height: 240, phone: true)), wide: true),
            .div(.class("dash-grid"),
                 card(DashboardText.byCategory.text(lang), sized(
                    DashboardCharts.groups(figures.byCategory, id: "by-category", filter: "category", request),
                    DashboardCharts.groups(figures.byCategory, id: "by-category", filter: "category", request, width: DashboardCharts.phoneWidth, phone: true))),
                 card(DashboardText.byZone.text(lang), sized(
                    DashboardCharts.groups(figures.byZone, id: "by-zone", filter: "zone", request),
                    DashboardCharts.groups(figures.byZone, id: "by-zone", filter: "zone", request, width: DashboardCharts.phoneWidth, phone: true)))),
            .div(.class("dash-grid"),
                 card(DashboardText.poolsCard.text(lang), sized(DashboardCharts.funnel(figures, request),
                                                                DashboardCharts.funnel(figures, request, width: DashboardCharts.phoneWidth, phone: true))),
                 card(DashboardText.campaignCard.text(lang), campaign())),
            .div(.class("dash-grid"),
                 card(DashboardText.problemsCard.text(lang), problems()),
                 card(DashboardText.unitRanking.text(lang), ranking())),
            .unwrap(figures.preparation) { card(DashboardText.preparationCard.text(lang), preparation($0), wide: true) },
            card(DashboardText.projectMap.text(lang), .div(.class("map-frame"), DashboardCharts.zoomWords(lang), .raw(map),
                 .p(.a(.href(attr(link(Site.map.link))), .text(DashboardText.openMap.text(lang))))), wide: true),
        ]
    }

    /// 我分包的项目: the most urgent first, each with its light and why, one click from the project;
    /// the whole list with the columns that explain it one click away.
    func ownProjects(_ leader: String, _ rows: [LeaderProjects.Row]) -> Node<HTML.BodyContext> {
        let shown = Array(rows.prefix(8))
        let lit = WarningColour.allCases.reversed().map { c in (c, rows.filter { $0.warning?.colour == c }.count) }.filter { $0.1 > 0 }
        let all = link(Site.projects.link, "&portfolio=1&leader=\(PageQuery.encode(leader))&sort=code" + ProjectListColumn.drill(ProjectListColumn.explainingLight))
        var table = DataTable<LeaderProjects.Row>([
            .init(DashboardText.ownProject.text(lang)) { r in .a(.href(attr(Layout.link(Site.project.link(r.id.uuidString), lang))), .text(r.name)) },
            .init(DashboardText.ownUnit.text(lang)) { r in .text(r.unit) },
            .init(DashboardText.ownCompletion.text(lang), .number) { r in .text(r.completion.map(ValueFormat.percent.text) ?? "—") },
            .init(DashboardText.ownLight.text(lang)) { r in
                r.warning.map { w in .span(.class("nowrap"), .span(.class("light \(w.colour.rawValue)")),
                                           .text(" " + DashboardCharts.colourName(w.colour, lang))) } ?? .text("—")
            },
            .init(DashboardText.ownReason.text(lang)) { r in .text(r.warning?.reasons.first?.text(lang) ?? "") },
        ], rows: shown, empty: DashboardText.ownNone.text(lang))
        table.tableClass = "own"
        return .section(.class("card dash-card wide own-projects"), .data(named: "figure", value: "own-projects"),
            .h2(.text(DashboardText.ownHeading(leader: leader, count: rows.count).text(lang))),
            .p(.class("muted"), .text(lit.map { "\(DashboardCharts.colourName($0.0, lang)) \($0.1)" }.joined(separator: en ? " · " : "　"))),
            table.node,
            .p(.a(.href(attr(all)), .text(DashboardText.ownAll(rows.count).text(lang)))))
    }

    func sized(_ wide: String, _ phone: String) -> Node<HTML.BodyContext> { DashboardCharts.sized(wide, phone) }

    func card(_ title: String, _ body: Node<HTML.BodyContext>, wide: Bool = false) -> Node<HTML.BodyContext> {
        .section(.class(wide ? "card dash-card wide" : "card dash-card"), .h2(.text(title)), body)
    }

    func headline() -> Node<HTML.BodyContext> {
        let f = figures
        let yi = MoneyScale.yi
        let rate = f.completionRate.map(ValueFormat.percent.text) ?? "—"
        let portfolio = link(Site.projects.link, "&portfolio=1" + ProjectListColumn.drill(ProjectListColumn.explainingGroup))
        return .div(.class("figures dash-figures"),
            figureLink(DashboardText.projects.text(lang), "\(f.projects)", DashboardText.projectsMeasure.text(lang), portfolio,
                       yoy: f.lastYear.map { "\(DashboardText.lastYear.text(lang)) \($0.projects)" }, figure: ("portfolio.projects", "\(f.projects)")),
            figureLink(DashboardText.totalInvestment.text(lang), yi.figure(Double(f.totalInvestment)), DashboardText.yiSuffix.text(lang), portfolio + "&sort=-totalInvestment",
                       figure: ("portfolio.totalInvestment", "\(f.totalInvestment)")),
            figureLink(DashboardText.annualPlanInvestment.text(lang), yi.figure(Double(f.annualPlan)), DashboardText.yiSuffix.text(lang), portfolio + "&sort=-annualPlan",
                       yoy: f.lastYear.map { "\(DashboardText.lastYear.text(lang)) \(yi.figure(Double($0.annualPlan)))\(DashboardText.yiSuffix.text(lang))" }, figure: ("portfolio.annualPlan", "\(f.annualPlan)")),
            figureLink(DashboardText.completedInvestment.text(lang), yi.figure(Double(f.completed)), DashboardText.yiSuffix.text(lang), link(Site.reports.link, "&month=\(f.year)-\(f.month < 10 ? "0" : "")\(max(1, f.month))"),
                       yoy: f.lastYear.map { "\(DashboardText.sameTimeLastYear.text(lang)) \(yi.figure(Double($0.completed)))\(DashboardText.yiSuffix.text(lang))" }, figure: ("portfolio.completed", "\(f.completed)")),
            figureLink(DashboardText.completionAndTime.text(lang), rate, "/ " + ValueFormat.percent.text(f.timeProgress), portfolio,
                       behind: (f.completionRate ?? 0) < f.timeProgress))
    }

    /// A headline figure that opens its list. `figure` is its docs/FIGURES.md name and its
    /// unrounded value (yuan, a count), carried as `data-figure`/`data-value` so a test compares
    /// the page with the API and the documents.
    func figureLink(_ label: String, _ value: String, _ unit: String, _ href: String, yoy: String? = nil, behind: Bool = false,
                    figure: (name: String, value: String)? = nil) -> Node<HTML.BodyContext> {
        .a(.class(behind ? "figure behind" : "figure"), .href(attr(href)),
           .div(.class("label"), .text(label)),
           .div(.class("value"), .unwrap(figure) { .group(.data(named: "figure", value: $0.name), .data(named: "value", value: $0.value)) },
                .text(value), .span(.class("unit"), .text(" " + unit))),
           .unwrap(yoy) { .div(.class("muted"), .text($0)) })
    }

    func campaign() -> Node<HTML.BodyContext> {
        guard let c = figures.campaign else { return .p(.class("muted"), .text(DashboardText.noCampaignYet.text(lang))) }
        return .div(
            .p(.class("muted"), .text(DashboardText.campaignThrough(period: c.period, heldOn: c.heldOn).text(lang))),
            sized(DashboardCharts.campaign(c, request), DashboardCharts.campaign(c, request, width: DashboardCharts.phoneWidth, phone: true)))
    }

    func problems() -> Node<HTML.BodyContext> {
        let p = figures.problems
        // The ledger counts the period it is given: the dashboard's is the whole year.
        func ledger(_ status: String) -> String {
            link(Site.problems.link, "&from=\(figures.year)-01-01&to=\(figures.year)-12-31&status=\(status)")
        }
        return .div(.class("figures small"),
            figureLink(DashboardText.raised.text(lang), "\(p.raised)", DashboardText.problemsMeasure.text(lang), ledger("all")),
            figureLink(DashboardText.open.text(lang), "\(p.open)", DashboardText.problemsMeasure.text(lang), ledger("open"),
                       figure: ("problems.open", "\(p.open)")),
            figureLink(DashboardText.overdue.text(lang), "\(p.overdue)", DashboardText.problemsMeasure.text(lang), ledger("overdue"), behind: p.overdue > 0),
            figureLink(DashboardText.resolved.text(lang), p.resolutionRate.map(ValueFormat.percent.text) ?? "—", "", ledger("solved")))
    }

    /// 前期手续、入库纳统、要素保障: what holds projects back before and after they start, each
    /// figure opening its page on the dashboard's day.
    func preparation(_ p: DashboardFigures.Preparation) -> Node<HTML.BodyContext> {
        let day = "asOf=\(figures.asOf)"
        let measure = DashboardText.projectsMeasure.text(lang)
        return .div(.class("figures small"),
            figureLink(DashboardText.approvalsOverdue.text(lang), "\(p.approvalsOverdue)", DashboardText.stepsMeasure.text(lang),
                       Layout.link(Site.approvalDepartments.link + "?" + day, lang), behind: p.approvalsOverdue > 0,
                       figure: ("preparation.approvalsOverdue", "\(p.approvalsOverdue)")),
            figureLink(DashboardText.notInStatistics.text(lang), "\(p.notInStatistics)", measure,
                       Layout.link(Site.statistics.link + "?year=\(figures.year)&" + day, lang),
                       yoy: DashboardText.notCounted(Money(yuan: p.notInStatisticsReported).wanText).text(lang), behind: p.notInStatistics > 0,
                       figure: ("preparation.notInStatistics", "\(p.notInStatistics)")),
            figureLink(DashboardText.waitingForLand.text(lang), "\(p.waitingForLand)", measure,
                       Layout.link(Site.elements.link + "?year=\(figures.year)&" + day, lang) + "#land",
                       figure: ("preparation.waitingForLand", "\(p.waitingForLand)")),
            figureLink(DashboardText.fundsBehind.text(lang), "\(p.fundsBehind)", measure,
                       Layout.link(Site.elements.link + "?year=\(figures.year)&" + day, lang) + "#behind", behind: p.fundsBehind > 0,
                       figure: ("preparation.fundsBehind", "\(p.fundsBehind)")))
    }

    func ranking() -> Node<HTML.BodyContext> {
        typealias Column = DataTable<DashboardFigures.RankedUnit>.Column
        guard let r = figures.ranking else { return .p(.class("muted"), .text(DashboardText.noRankingYet.text(lang))) }
        func rows(_ units: [DashboardFigures.RankedUnit]) -> Node<HTML.BodyContext> {
            var table = DataTable<DashboardFigures.RankedUnit>([
                .text(DashboardText.rank.text(lang), .number) { u in "\(u.rank)" },
                Column(DashboardText.unit.text(lang)) { u in
                    .a(.href(attr(link(Site.projects.link, "&portfolio=1&unit=\(PageQuery.encode(u.unit))" + ProjectListColumn.drill(ProjectListColumn.explainingGroup)))), .text(u.unit))
                },
                .text(DashboardText.score.text(lang), .number) { u in String(format: "%.2f", u.total) },
            ], rows: units, empty: DashboardText.noRankingYet.text(lang))
            table.tableClass = "compact"
            return table.node
        }
        let source = r.source == "计算" ? DashboardText.workedOutToday.text(lang) : DashboardText.rankingIssued(r.source).text(lang)
        return .div(
            .p(.class("muted"), .text(DashboardText.rankingLine(period: r.period, units: r.units, source: source).text(lang))),
            .div(.class("rank-pair"),
                 .div(.h3(.text(DashboardText.top.text(lang))), rows(r.top)),
                 .div(.h3(.text(DashboardText.bottom.text(lang))), rows(r.bottom))),
            .p(.a(.href(attr(Layout.link(Site.documents.link, lang))), .text(DashboardText.bulletinsAndRankings.text(lang)))))
    }
}
