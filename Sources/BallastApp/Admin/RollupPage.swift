import BallastCore
import BallastStore
import Plot

/// Districts side by side, totals only: the city's or province's view.
enum RollupPage {
    static func render(year: Int, rows: [DistrictRollup], lang: UILanguage) -> String {
        let en = lang == .en
        let t = { (m: Message) in m.text(lang) }
        let total = rows.reduce(into: (0, Money.zero, Money.zero)) { acc, r in
            acc.0 += r.projects; acc.1 = acc.1 + r.totalInvestment; acc.2 = acc.2 + r.annualPlan
        }
        return Layout.page(title: t(UIText.rollup), lang: lang, section: .rollup, path: Site.rollup.link + "?year=\(year)",
            .h1(.text(AdminText.rollupHeading(year: year).text(lang))),
            .form(.class("filters"), .method(.get), .action(Site.rollup.link),
                  .label(.text(t(UIText.year)), .input(.type(.number), .name("year"), .value(attr(String(year))))),
                  .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                  .button(.type(.submit), .text(t(UIText.search)))),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(AdminText.district.text(lang))), .th(.class("num"), .text(t(UIText.projects))),
                           .th(.class("num"), .text(t(UIText.totalInvestment))), .th(.class("num"), .text(t(UIText.annualPlan))))),
                .tbody(
                    .forEach(rows) { r in
                        .tr(.td(.text(r.name), .span(.class("muted"), .text(" " + r.code))), .td(.class("num"), .text(String(r.projects))),
                            .td(.class("num"), .text(Layout.yi(r.totalInvestment))), .td(.class("num"), .text(Layout.yi(r.annualPlan))))
                    },
                    .tr(.th(.text(AdminText.allDistricts.text(lang))), .th(.class("num"), .text(String(total.0))),
                        .th(.class("num"), .text(Layout.yi(total.1))), .th(.class("num"), .text(Layout.yi(total.2))))
                )
            ))
        )
    }
}
