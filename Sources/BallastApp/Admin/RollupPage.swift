import BallastCharts
import BallastCore
import BallastStore
import Plot

/// Districts side by side, the city's or province's view: each district's totals, completion
/// against 时序进度 and lights, the city's totals under them, and each district opened to the
/// figures the city may see (`district`).
enum RollupPage {
    static func render(year: Int, rows: [DistrictRollup], lang: UILanguage) -> String {
        let t = { (m: Message) in m.text(lang) }
        let total = rows.reduce(into: (0, Money.zero, Money.zero, Money.zero)) { acc, r in
            acc.0 += r.projects; acc.1 = acc.1 + r.totalInvestment; acc.2 = acc.2 + r.annualPlan; acc.3 = acc.3 + r.completed
        }
        let rate = { (r: Double?) in r.map(ValueFormat.percent.text) ?? "—" }
        let lightColumns: [DataTable<DistrictRollup>.Column] = DashboardCharts.lights.map { c in
            .init(DashboardCharts.colourName(c, lang), .number,
                  header: .group(.span(.class("light \(c.rawValue)"), .attribute(named: "aria-hidden", value: "true")),
                                 .text(" " + DashboardCharts.colourName(c, lang)))) { r in .text(String(r.colours[c] ?? 0)) }
        }
        let days = Set(rows.map(\.asOf))
        let timeProgress = days.count == 1 ? days.first.map { rate(WarningRule.timeProgress(asOf: $0)) } ?? "—" : "—"
        return Layout.page(title: t(UIText.rollup), lang: lang, section: .rollup, path: Site.rollup.link + "?year=\(year)",
            .h1(.text(AdminText.rollupHeading(year: year).text(lang))),
            .p(.class("muted"), .text(AdminText.rollupAsOf(rows.first?.asOf.iso ?? "").text(lang))),
            yearForm(year: year, action: Site.rollup.link, lang: lang),
            DataTable<DistrictRollup>([
                .init(AdminText.district.text(lang)) { r in
                    .a(.href(attr(Layout.link(Site.rollupDistrict.link(r.code, query: ["year": String(year)]), lang))), .text(r.name))
                },
                .text(t(UIText.projects), .number) { r in String(r.projects) },
                .text(t(UIText.totalInvestment), .number) { r in r.totalInvestment.yiText },
                .text(t(UIText.annualPlan), .number) { r in r.annualPlan.yiText },
                .text(AdminText.completed.text(lang), .number) { r in r.completed.yiText },
                .text(AdminText.completionRate.text(lang), .number) { r in rate(r.completionRate) },
                .text(AdminText.timeProgress.text(lang), .number) { r in rate(r.timeProgress) },
            ] + lightColumns, rows: rows, empty: AdminText.noDistricts.text(lang),
               totals: [AdminText.allDistricts.text(lang), String(total.0), total.1.yiText, total.2.yiText, total.3.yiText,
                        rate(CompletionRate.of(completed: total.3.yuan, plan: total.2.yuan)), timeProgress]
                + DashboardCharts.lights.map { c in String(rows.map { $0.colours[c] ?? 0 }.reduce(0, +)) }).node
        )
    }

    /// One district as the city sees it: the roll-up's row, then its breakdowns without units or projects.
    static func district(year: Int, detail d: DistrictRollupDetail, lang: UILanguage) -> String {
        let t = { (m: Message) in m.text(lang) }
        let r = d.rollup
        let rate = r.completionRate.map(ValueFormat.percent.text) ?? "—"
        let path = Site.rollupDistrict.link(r.code, query: ["year": String(year)])
        return Layout.page(title: r.name, lang: lang, section: .rollup, path: path,
            .h1(.text(AdminText.rollupDistrictHeading(district: r.name, year: year).text(lang))),
            .p(.class("muted"), .text(AdminText.rollupDistrictAsOf(day: r.asOf.iso, rate: rate,
                                                                  timeProgress: ValueFormat.percent.text(r.timeProgress)).text(lang))),
            yearForm(year: year, action: Site.rollupDistrict.link(r.code), lang: lang),
            .ul(.class("lights-row"),
                .forEach(DashboardCharts.lights) { c in
                    .li(.span(.class("light \(c.rawValue)"), .attribute(named: "aria-hidden", value: "true")),
                        .text(" \(DashboardCharts.colourName(c, lang)) \(r.colours[c] ?? 0)"))
                }),
            .group(OverviewPage.sections(d.summary, lang: lang, drill: false))
        )
    }

    private static func yearForm(year: Int, action: String, lang: UILanguage) -> Node<HTML.BodyContext> {
        .form(.class("filters"), .method(.get), .action(action),
              .label(.text(UIText.year.text(lang)), .input(.type(.number), .name("year"), .value(attr(String(year))))),
              .if(lang == .en, .input(.type(.hidden), .name("lang"), .value("en"))),
              .button(.type(.submit), .text(UIText.search.text(lang))))
    }
}
