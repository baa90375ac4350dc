import Foundation
import BallastCore
import BallastStore
import Plot

/// The year's headline figures and breakdowns; each group links to its projects.
enum OverviewPage {
    static func render(district: String, summary s: YearSummary, lang: UILanguage) -> String {
        let t = { (m: Message) in m.text(lang) }
        func figure(_ label: Message, _ value: String) -> Node<HTML.BodyContext> { Layout.figure(t(label), value) }
        func groupTable(_ title: Message, _ groups: [YearSummary.Group], filter: String) -> Node<HTML.BodyContext> {
            .div(.class("card"),
                .h2(.text(t(title))),
                DataTable<YearSummary.Group>([
                    .init(t(UIText.name)) { g in
                        g.name == SummaryQuery.unassigned ? .text(t(UIText.unassigned))
                            : .a(.href(attr(Layout.link(Site.projects.link + "?year=\(s.year)&\(filter)=\(PageQuery.encode(g.name))" + ProjectListColumn.drill(ProjectListColumn.explainingGroup), lang))), .text(g.name))
                    },
                    .text(t(UIText.projects), .number) { g in String(g.projects) },
                    .text(t(UIText.totalInvestment), .number) { g in Layout.yi(g.totalInvestment) },
                    .text(t(UIText.annualPlan), .number) { g in Layout.yi(g.annualPlan) },
                ], rows: groups, empty: LedgerText.noRows.text(lang)).node
            )
        }
        let title = LedgerText.overviewHeading(district: district, year: s.year, asOf: s.asOf.iso).text(lang)
        return Layout.page(title: t(UIText.overview), lang: lang, section: .tables, path: Site.overview.link + "?year=\(s.year)",
            .h1(.text(title)),
            .div(.class("figures"),
                figure(UIText.projects, String(s.projects)),
                figure(UIText.totalInvestment, Layout.yi(s.totalInvestment)),
                figure(UIText.annualPlan, Layout.yi(s.annualPlan)),
                figure(UIText.completed, Layout.yi(s.completed))
            ),
            .div(.class("grid2"),
                groupTable(UIText.byCategory, s.byCategory, filter: "category"),
                groupTable(UIText.byLevel, s.byLevel, filter: "level")
            ),
            .div(.class("grid2"),
                groupTable(UIText.byZone, s.byZone, filter: "zone"),
                .div(.class("card"),
                    .h2(.text(t(UIText.pools))),
                    DataTable<YearSummary.Pool>([
                        .init(t(UIText.stage)) { p in
                            .a(.href(attr(Layout.link(Site.projects.link + "?stage=\(PageQuery.encode(p.stage.rawValue))" + ProjectListColumn.drill(ProjectListColumn.explainingStage), lang))),
                               .text(LedgerText.poolName(p.stage).text(lang)))
                        },
                        .text(t(UIText.projects), .number) { p in String(p.projects) },
                        .text(t(UIText.totalInvestment), .number) { p in Layout.yi(p.totalInvestment) },
                    ], rows: s.pools, empty: LedgerText.noRows.text(lang)).node
                )
            ),
            groupTable(UIText.byUnit, s.byUnit, filter: "unit")
        )
    }
}
