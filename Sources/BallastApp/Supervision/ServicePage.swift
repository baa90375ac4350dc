import BallastCore
import BallastStore
import Foundation
import Plot

/// 万人助万企: the period's figures by unit and the latest visits.
struct ServicePage {
    var from: CalendarDate
    var to: CalendarDate
    var lines: [ServiceFigures.Line]
    var visits: [ServiceFigures.Visit]
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let total = lines.last ?? .empty
        let rate = { (v: Double?) in v.map { String(format: "%.1f%%", $0) } ?? "—" }
        return Layout.page(title: en ? "Enterprise service" : "万人助万企", lang: lang, section: .problems, path: Site.service.link,
            SupervisionNav.node(.service, lang: lang),
            .h1(.text(en ? "Enterprise service, \(from.iso) to \(to.iso)" : "万人助万企（\(from.iso) 至 \(to.iso)）")),
            .div(.class("figures"),
                Layout.figure(en ? "Enterprises visited" : "走访企业", String(total.enterprises)),
                Layout.figure(en ? "Visits" : "走访次数", String(total.visits)),
                Layout.figure(en ? "Problems raised" : "收集问题", String(total.raised)),
                Layout.figure(en ? "Solved" : "解决问题", String(total.solved), (en ? "resolution rate " : "解决率 ") + rate(total.resolutionRate))),
            .form(.class("filters"), .method(.get), .action(Site.service.link),
                .label(.text(en ? "From" : "自"), .input(.type(.date), .name("from"), .value(from.iso))),
                .label(.text(en ? "To" : "至"), .input(.type(.date), .name("to"), .value(to.iso))),
                .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                .button(.type(.submit), .text(UIText.search.text(lang)))),
            .div(.class("card"), .h2(.text(en ? "By unit" : "按单位")),
                .if(lines.count <= 1, .p(.class("muted"), .text(en ? "No visits in the period." : "期内无走访记录。"))),
                .if(lines.count > 1, .div(.class("table-wrap"), .table(
                    .thead(.tr(.th(.text(en ? "Unit" : "单位")), .th(.class("num"), .text(en ? "Enterprises" : "走访企业")), .th(.class("num"), .text(en ? "Visits" : "走访次数")),
                               .th(.class("num"), .text(en ? "Problems" : "收集问题")), .th(.class("num"), .text(en ? "Solved" : "解决")), .th(.class("num"), .text(en ? "Rate" : "解决率")))),
                    .tbody(.forEach(Array(lines.dropLast())) { l in row(l) }))))),
            .div(.class("card"), .h2(.text(en ? "Latest visits" : "最近走访")),
                .if(visits.isEmpty, .p(.class("muted"), .text(en ? "None." : "暂无。"))),
                .if(!visits.isEmpty, .div(.class("table-wrap"), .table(
                    .thead(.tr(.th(.text(en ? "Date" : "日期")), .th(.text(en ? "Enterprise" : "企业")), .th(.text(en ? "Unit" : "单位")),
                               .th(.text(en ? "Visitors" : "走访人员")), .th(.text(en ? "Discussed" : "走访内容")), .th(.class("num"), .text(en ? "Problems" : "问题")))),
                    .tbody(.forEach(visits) { v in
                        .tr(.td(.class("date"), .text(v.visitedOn)), .td(.a(.href(attr(Layout.link(Site.enterprise.link(v.enterpriseID), lang))), .text(v.enterprise))),
                            .td(.text(v.unit)), .td(.text(v.visitors)), .td(.text(v.discussed)), .td(.class("num"), .text(String(v.problems))))
                    })))))
        )
    }
}

extension ServicePage {
    func row(_ l: ServiceFigures.Line) -> Node<HTML.TableContext> {
        let rate = l.resolutionRate.map { String(format: "%.1f%%", $0) } ?? "—"
        let n = { (v: Int) -> Node<HTML.TableRowContext> in .td(.class("num"), .text(String(v))) }
        return .tr(.td(.text(l.unit)), n(l.enterprises), n(l.visits), n(l.raised), n(l.solved), .td(.class("num"), .text(rate)))
    }
}
