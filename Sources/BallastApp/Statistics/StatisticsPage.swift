import BallastCore
import BallastStore
import Foundation
import Plot

/// 入库纳统: the started projects not in the statistics database on a day (by unit, then each
/// project with how long since its start), and the investment reported beside the investment
/// the statistics office counted, by unit and month.
struct StatisticsPage {
    var figures: StatisticsController.Figures
    var lang: UILanguage
    var notice: PageNotice? = nil

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        let f = figures, w = figures.window
        let en = lang == .en
        let query = "?year=\(w.year)&asOf=\(w.asOf.iso)"
        return Layout.page(title: t(StatisticsText.title), lang: lang, section: .statistics, path: Site.statistics.link + query,
            .h1(.text(t(StatisticsText.title))),
            Layout.notice(notice),
            .form(.class("filters"), .method(.get), .action(Site.statistics.link),
                  .label(.text(t(StatisticsText.year)), .input(.type(.number), .name("year"), .value(String(w.year)),
                                                             .attribute(named: "min", value: "2000"), .attribute(named: "max", value: "2100"))),
                  .label(.text(t(StatisticsText.asOf)), .input(.type(.date), .name("asOf"), .value(w.asOf.iso))),
                  .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                  .button(.type(.submit), .text(t(UIText.search)))),
            .p(.class("muted"), .text(t(StatisticsText.rule(yellow: f.rule.statsYellowMonths, red: f.rule.statsRedMonths)))),
            byUnit(),
            missing(),
            gap(),
            file()
        )
    }

    /// The 入库纳统 file: downloaded with every portfolio project to fill in, uploaded for a
    /// preview (the office, which confirms it on the import's record).
    func file() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let year = figures.window.year
        return .div(.class("card"), .id("file"),
            .h2(.text(t(StatisticsText.fileHeading))),
            .p(.class("muted"), .text(t(StatisticsText.fileExplain))),
            .div(.class("toolbar"),
                .a(.class("button secondary"), .href(attr(Site.statisticsExport.link + "?year=\(year)&format=xlsx")), .text(t(UIText.exportXLSX))),
                .a(.class("button secondary"), .href(attr(Site.statisticsExport.link + "?year=\(year)&format=csv")), .text(t(UIText.exportCSV)))),
            .if(PageContext.may(.reviewReports),
                .form(.method(.post), .action(attr(Layout.link(Site.statisticsImport.link + "?year=\(year)", lang))), .enctype(.multipartData),
                      .class("filters"), .csrf(),
                      .label(.text(t(StatisticsText.fileLabel)),
                             .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"), .required(true))),
                      .button(.type(.submit), .text(t(StatisticsText.previewImport))))))
    }

    func byUnit() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        return .div(.class("card"), .id("by-unit"),
                .h2(.text(t(StatisticsText.byUnitHeading))),
                .p(.class("muted"), .text(t(StatisticsText.explain(asOf: figures.window.asOf.iso)))),
                DataTable<StatisticsQuery.UnitMissing>([
                    .text(t(StatisticsText.unit)) { $0.unit },
                    .text(t(StatisticsText.projects), .number) { String($0.projects) },
                    .text(t(StatisticsText.reportedYTD), .number) { $0.reportedYTD.wanText },
                ], rows: figures.byUnit, empty: t(StatisticsText.noneMissing)).node)
    }

    func missing() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let (f, en, lang) = (figures, lang == .en, lang)
        return .if(!f.missing.isEmpty, .div(.class("card"), .id("missing"),
                .h2(.text(t(StatisticsText.missingHeading))),
                DataTable<StatisticsQuery.Missing>([
                    .init(t(StatisticsText.project)) { m in
                        .a(.href(attr(Layout.link(Site.project.link(m.projectID), lang) + "#statistics")), .text(m.code + " " + m.name))
                    },
                    .text(t(StatisticsText.unit)) { $0.unit },
                    .text(t(StatisticsText.startedOn), .date) { $0.startedOn.iso },
                    .init(t(StatisticsText.months), .number) { m in
                        let colour = m.months >= f.rule.statsRedMonths ? "red" : m.months >= f.rule.statsYellowMonths ? "yellow" : ""
                        return colour.isEmpty ? .text(String(m.months)) : .span(.class("tag \(colour)"), .text(String(m.months)))
                    },
                    .text(t(StatisticsText.status)) { m in
                        (en ? m.status.englishName : m.status.chineseName) + (m.declaredOn.map { "（\($0.iso)）" } ?? "")
                    },
                    .text(t(StatisticsText.reportedYTD), .number) { $0.reportedYTD.wanText },
                ], rows: f.missing, empty: "").node))
    }

    /// One unit's year: its totals, and each month's gap (reported − counted).
    struct UnitGap {
        var unit: String
        var reported = Money.zero, counted = Money.zero
        var months: [Int: StatisticsQuery.GapRow] = [:]
        var gap: Money { Money(yuan: reported.yuan.subtractingReportingOverflow(counted.yuan).partialValue) }
    }

    /// The long rows (unit, month) as one row per unit with a column per month: a unit's year
    /// reads across, and the page stays a screen or two long.
    static func pivot(_ rows: [StatisticsQuery.GapRow]) -> (units: [UnitGap], months: [Int]) {
        var units: [String: UnitGap] = [:]
        for r in rows {
            var u = units[r.unit] ?? UnitGap(unit: r.unit)
            u.reported = Money(yuan: u.reported.yuan.addingReportingOverflow(r.reported.yuan).partialValue)
            u.counted = Money(yuan: u.counted.yuan.addingReportingOverflow(r.counted.yuan).partialValue)
            u.months[r.month] = r
            units[r.unit] = u
        }
        let months = Array(Set(rows.map(\.month))).sorted()
        return (units.values.sorted { ($1.gap, $0.unit) < ($0.gap, $1.unit) }, months)
    }

    func gap() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let en = lang == .en
        let (units, months) = Self.pivot(figures.gap)
        let gapCell = { (m: Money) -> Node<HTML.BodyContext> in
            m.yuan > 0 ? .span(.class("tag yellow"), .text(m.wanText)) : .text(m.wanText)
        }
        var columns: [DataTable<UnitGap>.Column] = [
            .text(t(StatisticsText.unit)) { $0.unit },
            .text(t(StatisticsText.reported), .number) { $0.reported.wanText },
            .text(t(StatisticsText.counted), .number) { $0.counted.wanText },
            .init(t(StatisticsText.gap), .number) { gapCell($0.gap) },
        ]
        for m in months {
            columns.append(.text(en ? "Gap \(m)" : "\(m)月差额", .number) { u in u.months[m]?.gap.wanText ?? "—" })
        }
        return .div(.class("card"), .id("gap"),
                .h2(.text(t(StatisticsText.gapHeading))),
                .p(.class("muted"), .text(t(StatisticsText.gapExplain))),
                DataTable<UnitGap>(columns, rows: units, empty: t(StatisticsText.noGap)).node)
    }
}
