import BallastCore
import BallastStore
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
            .h1(.text(en ? "Warning lights, \(year) (as of \(asOf.iso))" : "\(year)年四色预警（截至\(asOf.iso)）")),
            .div(.class("figures"), .forEach(WarningColour.allCases.reversed()) { c in
                .a(.class("figure light-\(c.rawValue)"), .href(attr(Layout.link(Site.warnings.link + "?year=\(year)&colour=\(c.rawValue)", lang))),
                   .div(.class("label"), .span(.class("light \(c.rawValue)")), .text(en ? c.rawValue : c.chineseName + "灯")),
                   .div(.class("value"), .text(String(counts[c] ?? 0))))
            }),
            .if(colour != nil, .p(.a(.href(attr(Layout.link(Site.warnings.link + "?year=\(year)", lang))), .text(en ? "Show all colours" : "显示全部")))),
            .p(.class("muted"), .text(en
                ? "Rule v\(rule.version): blue up to \(rule.blueLagPoints) points behind or \(rule.blueLateDays) days late; yellow up to \(rule.yellowLagPoints) points or \(rule.yellowLateDays) days; red beyond, or a planned start missed."
                : "预警规则第\(rule.version)版：滞后 ≤\(rule.blueLagPoints) 个百分点或节点逾期 ≤\(rule.blueLateDays) 天为蓝；≤\(rule.yellowLagPoints) 个百分点或 ≤\(rule.yellowLateDays) 天为黄；超过或计划开工已过仍未开工为红。")),
            .p(.text(en ? "亮灯督办: \(openItem.count) items open for the responsible units; \(closed) closed this year as projects turned blue or green."
                        : "亮灯督办：\(openItem.count) 项督办中（已交责任单位），本年已有 \(closed) 项因转为蓝灯或绿灯自动销号。")),
            .if(PageContext.may(.reviewReports),
                .element(named: "details", nodes: [
                    .element(named: "summary", text: en ? "Change the thresholds" : "调整预警阈值"),
                    .form(.class("filters"), .method(.post), .action(attr(Layout.link(Site.warningRule.link + "?year=\(year)", lang))), .csrf(),
                        .input(.type(.hidden), .name("year"), .value(attr(String(year)))),
                        .label(.text(en ? "Blue: lag ≤ points" : "蓝：滞后 ≤（百分点）"), .input(.type(.number), .name("blueLagPoints"), .value(attr(String(rule.blueLagPoints))))),
                        .label(.text(en ? "Yellow: lag ≤ points" : "黄：滞后 ≤（百分点）"), .input(.type(.number), .name("yellowLagPoints"), .value(attr(String(rule.yellowLagPoints))))),
                        .label(.text(en ? "Blue: late ≤ days" : "蓝：逾期 ≤（天）"), .input(.type(.number), .name("blueLateDays"), .value(attr(String(rule.blueLateDays))))),
                        .label(.text(en ? "Yellow: late ≤ days" : "黄：逾期 ≤（天）"), .input(.type(.number), .name("yellowLateDays"), .value(attr(String(rule.yellowLateDays))))),
                        .button(.type(.submit), .text(en ? "Save as a new version" : "保存为新版本")))
                ])),
            DataTable<ProjectWarning>([
                .init(en ? "Light" : "灯") { w in
                    .group(.span(.class("light \(w.outcome.colour.rawValue)")), .text(en ? w.outcome.colour.rawValue : w.outcome.colour.chineseName))
                },
                .text(en ? "Code" : "项目编号") { w in w.code },
                .init(t(UIText.name)) { w in .a(.href(attr(Layout.link(Site.project.link(w.projectID), lang))), .text(w.name)) },
                .text(en ? "Unit" : "责任单位") { w in units[w.unitID] ?? "" },
                .text(en ? "Lag (points)" : "滞后（百分点）", .number) { w in w.outcome.lagPoints.map { String(format: "%.1f", $0) } ?? "—" },
                .text(en ? "Since" : "起始") { w in w.since },
                .init(en ? "Reasons" : "原因") { w in .forEach(w.outcome.reasons) { .div(.text($0.text(lang))) } },
                .text(en ? "Supervision" : "督办") { w in
                    openItem[w.projectID].map { en ? "open since \($0.openedOn)" : "督办中（\($0.openedOn) 起）" } ?? "—"
                },
            ], rows: shown, empty: en ? "No project with this light." : "没有该颜色的项目。").node
        )
    }
}
