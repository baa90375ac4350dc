import Foundation
import BallastCore
import BallastStore
import Plot

/// The year's headline figures and breakdowns; each group links to its projects.
enum OverviewPage {
    static func render(district: String, summary s: YearSummary, changes: [PlanChangeQuery.Row] = [], pending: Int = 0,
                       lang: UILanguage) -> String {
        let title = LedgerText.overviewHeading(district: district, year: s.year, asOf: s.asOf.iso).text(lang)
        return Layout.page(title: UIText.overview.text(lang), lang: lang, section: .tables, path: Site.overview.link + "?year=\(s.year)",
            .h1(.text(title)),
            .group(sections(s, lang: lang, drill: true)),
            // 动态调整: the list's changes that had taken effect by the day, and how many are
            // decided for a later one.
            .div(.class("card"), .id("plan-changes"),
                .h2(.text(PlanChangesText.overviewHeading.text(lang))),
                .if(!changes.isEmpty || pending == 0, PlanChangesPage.table(Array(changes.prefix(20)), lang: lang).node),
                .if(!changes.isEmpty || pending > 0, .p(.a(.href(attr(Layout.link(Site.planChanges.link(query: ["year": String(s.year)]), lang))),
                      .text(PlanChangesText.overviewCount(changes.count, pending: pending).text(lang))))))
        )
    }

    /// The figures and the breakdowns. `drill`: each group links to its projects (the district's
    /// own users); the city's view of a district (`RollupPage`) has no project to link to, and no
    /// units when `byUnit` is empty.
    static func sections(_ s: YearSummary, lang: UILanguage, drill: Bool) -> [Node<HTML.BodyContext>] {
        let t = { (m: Message) in m.text(lang) }
        func figure(_ label: Message, _ value: String) -> Node<HTML.BodyContext> { Layout.figure(t(label), value) }
        func name(_ text: String, _ href: String) -> Node<HTML.BodyContext> {
            drill ? .a(.href(attr(Layout.link(href, lang))), .text(text)) : .text(text)
        }
        // The unit once, beside the heading, so the columns stay narrow enough for the names.
        func heading(_ title: Message) -> Node<HTML.BodyContext> {
            .h2(.text(t(title)), .span(.class("unit"), .text(t(UIText.inYi))))
        }
        func groupTable(_ title: Message, _ groups: [YearSummary.Group], filter: String) -> Node<HTML.BodyContext> {
            .div(.class("card"),
                heading(title),
                DataTable<YearSummary.Group>([
                    .init(t(UIText.name)) { g in
                        g.name == SummaryQuery.unassigned ? .text(t(UIText.unassigned))
                            : name(g.name, Site.projects.link + "?year=\(s.year)&\(filter)=\(PageQuery.encode(g.name))" + ProjectListColumn.drill(ProjectListColumn.explainingGroup))
                    },
                    .text(t(UIText.projects), .number) { g in String(g.projects) },
                    .text(t(UIText.totalShort), .number) { g in g.totalInvestment.yiText },
                    .text(t(UIText.planShort), .number) { g in g.annualPlan.yiText },
                    .text(t(UIText.completedShort), .number) { g in g.completed.yiText },
                ], rows: groups, empty: LedgerText.noRows.text(lang)).node
            )
        }
        return [
            .div(.class("figures"),
                figure(UIText.projects, String(s.projects)),
                figure(UIText.totalInvestment, s.totalInvestment.yiText),
                figure(UIText.annualPlan, s.annualPlan.yiText),
                figure(UIText.completed, s.completed.yiText)
            ),
            .div(.class("grid2"),
                groupTable(UIText.byCategory, s.byCategory, filter: "category"),
                groupTable(UIText.byLevel, s.byLevel, filter: "level")
            ),
            .div(.class("grid2"),
                groupTable(UIText.byZone, s.byZone, filter: "zone"),
                .div(.class("card"),
                    heading(UIText.pools),
                    DataTable<YearSummary.Pool>([
                        .init(t(UIText.stage)) { p in
                            name(LedgerText.poolName(p.stage).text(lang),
                                 Site.projects.link + "?stage=\(PageQuery.encode(p.stage.rawValue))" + ProjectListColumn.drill(ProjectListColumn.explainingStage))
                        },
                        .text(t(UIText.projects), .number) { p in String(p.projects) },
                        .text(t(UIText.totalShort), .number) { p in p.totalInvestment.yiText },
                    ], rows: s.pools, empty: LedgerText.noRows.text(lang)).node
                )
            ),
            .if(!s.byUnit.isEmpty, groupTable(UIText.byUnit, s.byUnit, filter: "unit")),
        ]
    }
}
