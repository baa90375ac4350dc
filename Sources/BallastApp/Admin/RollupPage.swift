import BallastCharts
import BallastCore
import BallastStore
import Plot

/// Districts side by side, totals only: the city's or province's view.
enum RollupPage {
    static func render(year: Int, rows: [DistrictRollup], lang: UILanguage) -> String {
        let en = lang == .en
        let t = { (m: Message) in m.text(lang) }
        let total = rows.reduce(into: (0, Money.zero, Money.zero, Money.zero)) { acc, r in
            acc.0 += r.projects; acc.1 = acc.1 + r.totalInvestment; acc.2 = acc.2 + r.annualPlan; acc.3 = acc.3 + r.completed
        }
        let rate = { (r: Double?) in r.map(ValueFormat.percent.text) ?? "—" }
        let lit = { (r: DistrictRollup) in (r.colours[.red] ?? 0, r.colours[.yellow] ?? 0) }
        return Layout.page(title: t(UIText.rollup), lang: lang, section: .rollup, path: Site.rollup.link + "?year=\(year)",
            .h1(.text(AdminText.rollupHeading(year: year).text(lang))),
            .p(.class("muted"), .text(AdminText.rollupAsOf(rows.first?.asOf.iso ?? "").text(lang))),
            .form(.class("filters"), .method(.get), .action(Site.rollup.link),
                  .label(.text(t(UIText.year)), .input(.type(.number), .name("year"), .value(attr(String(year))))),
                  .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                  .button(.type(.submit), .text(t(UIText.search)))),
            DataTable<DistrictRollup>([
                .init(AdminText.district.text(lang)) { r in .group(.text(r.name), .span(.class("muted"), .text(" " + r.code))) },
                .text(t(UIText.projects), .number) { r in String(r.projects) },
                .text(t(UIText.totalInvestment), .number) { r in Layout.yi(r.totalInvestment) },
                .text(t(UIText.annualPlan), .number) { r in Layout.yi(r.annualPlan) },
                .text(AdminText.completed.text(lang), .number) { r in Layout.yi(r.completed) },
                .text(AdminText.completionRate.text(lang), .number) { r in rate(r.completionRate) },
                .init(AdminText.redYellow.text(lang)) { r in
                    .group(.span(.class("light red")), .text(" \(lit(r).0)  "), .span(.class("light yellow")), .text(" \(lit(r).1)"))
                },
            ], rows: rows, empty: AdminText.noDistricts.text(lang),
               totals: [AdminText.allDistricts.text(lang), String(total.0), Layout.yi(total.1), Layout.yi(total.2), Layout.yi(total.3),
                        rate(CompletionRate.of(completed: total.3.yuan, plan: total.2.yuan)),
                        "\(rows.map { lit($0).0 }.reduce(0, +)) / \(rows.map { lit($0).1 }.reduce(0, +))"]).node
        )
    }
}
