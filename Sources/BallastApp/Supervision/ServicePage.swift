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
        let rate = { (v: Double?) in v.map { Percent.text(points: $0) } ?? "—" }
        let unitColumns: [DataTable<ServiceFigures.Line>.Column] = [
            .text(en ? "Unit" : "单位") { l in l.unit },
            .text(en ? "Enterprises" : "走访企业", .number) { l in String(l.enterprises) },
            .text(en ? "Visits" : "走访次数", .number) { l in String(l.visits) },
            .text(en ? "Problems" : "收集问题", .number) { l in String(l.raised) },
            .text(en ? "Solved" : "解决", .number) { l in String(l.solved) },
            .text(en ? "Rate" : "解决率", .number) { l in rate(l.resolutionRate) },
        ]
        let visitColumns: [DataTable<ServiceFigures.Visit>.Column] = [
            .text(en ? "Date" : "日期", .date) { v in v.visitedOn.iso },
            .init(en ? "Enterprise" : "企业") { v in .a(.href(attr(Layout.link(Site.enterprise.link(v.enterpriseID), lang))), .text(v.enterprise)) },
            .text(en ? "Unit" : "单位") { v in v.unit },
            .text(en ? "Visitors" : "走访人员") { v in v.visitors },
            .text(en ? "Discussed" : "走访内容") { v in v.discussed },
            .text(en ? "Problems" : "问题", .number) { v in String(v.problems) },
        ]
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
                DataTable(unitColumns, rows: Array(lines.dropLast()), empty: en ? "No visits in the period." : "期内无走访记录。").node),
            .div(.class("card"), .h2(.text(en ? "Latest visits" : "最近走访")),
                DataTable(visitColumns, rows: visits, empty: en ? "None." : "暂无。").listed(ListText.visits, lang).node)
        )
    }
}
