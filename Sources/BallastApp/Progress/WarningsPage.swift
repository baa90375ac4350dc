import BallastCore
import BallastStore
import Fluent
import Foundation
import Plot

/// 四色预警 board for the weekly meeting: the counts, then the lit projects first, each with
/// its reasons and since when.
struct WarningsPage {
    var year: Int
    var asOf: CalendarDate
    var warnings: [ProjectWarning]
    var units: [UUID: String]
    var colour: WarningColour?
    var rule: WarningThresholds
    /// 亮灯督办 items of the year, open first.
    var supervision: [SupervisionRow]
    var lang: UILanguage

    /// The page's query: with the colours as of the day in the caller's scope (`Request.lights`,
    /// `ColourAsOf` as the dashboard counts them), the rule in force, the unit names and the
    /// year's 亮灯督办 items.
    static func load(districtID: UUID, year: Int, asOf: CalendarDate, warnings: [ProjectWarning], supervision: [SupervisionRow],
                     colour: WarningColour?, lang: UILanguage, on db: any Database) async throws -> WarningsPage {
        WarningsPage(year: year, asOf: asOf, warnings: warnings,
                     units: try await ReferenceLists.namesByID(.unit, districtID: districtID, on: db), colour: colour,
                     rule: try await WarningEngine.thresholds(districtID: districtID, year: year, on: db),
                     supervision: supervision,
                     lang: lang)
    }

    func render() -> String {
        let en = lang == .en
        let t = { (m: Message) in m.text(self.lang) }
        var counts: [WarningColour: Int] = [:]
        for w in warnings { counts[w.outcome.colour, default: 0] += 1 }
        let shown = WarningDTO.sorted(colour.map { c in warnings.filter { $0.outcome.colour == c } } ?? warnings)
        var openItem: [UUID: SupervisionRow] = [:]
        for s in supervision where s.closedOn == nil { openItem[s.projectID] = s }
        let closed = supervision.filter { $0.closedOn != nil }.count
        return Layout.page(title: t(UIText.warnings), lang: lang, section: .warnings, path: Site.warnings.link + "?year=\(year)",
            .h1(.text(ProgressText.warningsHeading(year: year, asOf: asOf.iso).text(lang))),
            // The counts, marked as the dashboard marks its own, for the agreement test.
            .div(.class("figures"), .data(named: "figure", value: "colours"),
                 .forEach(WarningColour.allCases) { c in .data(named: c.rawValue, value: String(counts[c] ?? 0)) },
                 .forEach(WarningColour.allCases.reversed()) { c in
                .a(.class("figure light-\(c.rawValue)"), .href(attr(Layout.link(Site.warnings.link + "?year=\(year)&colour=\(c.rawValue)", lang))),
                   .div(.class("label"), .span(.class("light \(c.rawValue)")), .text(en ? c.rawValue : c.chineseName + "灯")),
                   .div(.class("value"), .text(String(counts[c] ?? 0))))
            }),
            .if(colour != nil, .p(.a(.href(attr(Layout.link(Site.warnings.link + "?year=\(year)", lang))), .text(ProgressText.showAllColours.text(lang))))),
            .p(.class("muted"), .text(ProgressText.rule(rule).text(lang))),
            .p(.text(ProgressText.supervisionSummary(open: openItem.count, closed: closed).text(lang))),
            .if(PageContext.may(.reviewReports),
                .element(named: "details", nodes: [
                    .element(named: "summary", text: ProgressText.changeThresholds.text(lang)),
                    .form(.class("filters"), .method(.post), .action(attr(Layout.link(Site.warningRule.link + "?year=\(year)", lang))), .csrf(),
                        .input(.type(.hidden), .name("year"), .value(attr(String(year)))),
                        .label(.text(ProgressText.blueLag.text(lang)), .input(.type(.number), .name("blueLagPoints"), .value(attr(String(rule.blueLagPoints))))),
                        .label(.text(ProgressText.yellowLag.text(lang)), .input(.type(.number), .name("yellowLagPoints"), .value(attr(String(rule.yellowLagPoints))))),
                        .label(.text(ProgressText.blueLate.text(lang)), .input(.type(.number), .name("blueLateDays"), .value(attr(String(rule.blueLateDays))))),
                        .label(.text(ProgressText.yellowLate.text(lang)), .input(.type(.number), .name("yellowLateDays"), .value(attr(String(rule.yellowLateDays))))),
                        .label(.text(ProgressText.statsYellow.text(lang)), .input(.type(.number), .name("statsYellowMonths"), .value(attr(String(rule.statsYellowMonths))))),
                        .label(.text(ProgressText.statsRed.text(lang)), .input(.type(.number), .name("statsRedMonths"), .value(attr(String(rule.statsRedMonths))))),
                        .button(.type(.submit), .text(ProgressText.saveNewVersion.text(lang))))
                ])),
            DataTable<ProjectWarning>([
                .init(ProgressText.light.text(lang)) { w in
                    .span(.class("nowrap"), .span(.class("light \(w.outcome.colour.rawValue)")), .text(en ? w.outcome.colour.rawValue : w.outcome.colour.chineseName))
                },
                .init(ProgressText.code.text(lang)) { w in .span(.class("nowrap"), .text(w.code)) },
                .init(t(UIText.name)) { w in .a(.href(attr(Layout.link(Site.project.link(w.projectID), lang))), .text(w.name)) },
                .text(ProgressText.unit.text(lang)) { w in units[w.unitID] ?? "" },
                .text(ProgressText.lag.text(lang), .number) { w in w.outcome.lagPoints.map { String(format: "%.1f", $0) } ?? "—" },
                .text(ProgressText.since.text(lang), .date) { w in w.since.iso },
                .init(ProgressText.reasons.text(lang)) { w in .forEach(w.outcome.reasons) { .div(.text($0.text(lang))) } },
                .text(ProgressText.supervision.text(lang)) { w in
                    openItem[w.projectID].map { ProgressText.openSince($0.openedOn.iso).text(lang) } ?? "—"
                },
            ], rows: shown, empty: ProgressText.noLitProjects.text(lang)).listed(ListText.warnings, lang).node
        )
    }
}
