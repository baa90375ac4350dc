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
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let t = { (m: Message) in m.text(self.lang) }
        var counts: [WarningColour: Int] = [:]
        for w in warnings { counts[w.outcome.colour, default: 0] += 1 }
        let shown = WarningDTO.sorted(colour.map { c in warnings.filter { $0.outcome.colour == c } } ?? warnings)
        return Layout.page(title: t(UIText.warnings), lang: lang, section: .warnings, path: "/warnings?year=\(year)",
            .h1(.text(en ? "Warning lights, \(year) (as of \(asOf.iso))" : "\(year)年四色预警（截至\(asOf.iso)）")),
            .div(.class("figures"), .forEach(WarningColour.allCases.reversed()) { c in
                .a(.class("figure light-\(c.rawValue)"), .href(attr(Layout.link("/warnings?year=\(year)&colour=\(c.rawValue)", lang))),
                   .div(.class("label"), .span(.class("light \(c.rawValue)")), .text(en ? c.rawValue : c.chineseName + "灯")),
                   .div(.class("value"), .text(String(counts[c] ?? 0))))
            }),
            .if(colour != nil, .p(.a(.href(attr(Layout.link("/warnings?year=\(year)", lang))), .text(en ? "Show all colours" : "显示全部")))),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(en ? "Light" : "灯")), .th(.text(en ? "Code" : "项目编号")), .th(.text(t(UIText.name))),
                           .th(.text(en ? "Unit" : "责任单位")), .th(.class("num"), .text(en ? "Lag (points)" : "滞后（百分点）")),
                           .th(.text(en ? "Since" : "起始")), .th(.text(en ? "Reasons" : "原因")))),
                .tbody(.forEach(shown) { w in
                    .tr(.td(.span(.class("light \(w.outcome.colour.rawValue)")), .text(en ? w.outcome.colour.rawValue : w.outcome.colour.chineseName)),
                        .td(.text(w.code)),
                        .td(.a(.href(attr(Layout.link("/projects/\(w.projectID)", lang))), .text(w.name))),
                        .td(.text(units[w.unitID] ?? "")),
                        .td(.class("num"), .text(w.outcome.lagPoints.map { String(format: "%.1f", $0) } ?? "—")),
                        .td(.text(w.since)),
                        .td(.forEach(w.outcome.reasons) { .div(.text($0.text(lang))) }))
                })
            ))
        )
    }
}
