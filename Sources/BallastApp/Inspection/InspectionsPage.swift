import BallastCore
import BallastStore
import Foundation
import Plot

/// 观摩讲评: the year's tours, latest first, with their progress; the office plans a new one and
/// keeps the scoring sheet from here.
struct InspectionsPage {
    var year: Int
    var tours: [InspectionQuery.Summary]
    var lang: UILanguage

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        let lang = lang, en = lang == .en
        var table = DataTable<InspectionQuery.Summary>([
            .init(t(InspectionText.title)) { s in .a(.href(attr(Layout.link(Site.inspection.link(s.id), lang))), .text(s.title)) },
            .text(t(InspectionText.heldOn), .date) { $0.heldOn.iso },
            .init(t(InspectionText.status)) { s in .span(.class("tag"), .text(t(s.closed ? InspectionText.closed : InspectionText.open))) },
            .init(t(InspectionText.stops), .number) { s in .group(.span(.class("phone-label"), .text(t(InspectionText.stops) + " ")), .text(String(s.stops))) },
            .init(t(InspectionText.progress), .number) { s in
                .group(.span(.class("phone-label"), .text(t(InspectionText.progress) + " ")), .text("\(s.scored)/\(s.owed)"))
            },
        ], rows: tours, empty: t(InspectionText.none))
        table.tableClass = "desk"
        return Layout.page(title: t(InspectionText.listTitle), lang: lang, section: .inspections, path: Site.inspections.link + "?year=\(year)",
            .h1(.text(t(InspectionText.listTitle))),
            .form(.class("filters"), .method(.get), .action(Site.inspections.link),
                  .label(.text(t(InspectionText.year)), .input(.type(.number), .name("year"), .value(String(year)),
                                                             .attribute(named: "min", value: "2000"), .attribute(named: "max", value: "2100"))),
                  .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                  .button(.type(.submit), .text(t(UIText.search)))),
            .if(PageContext.may(.manageProjects), .p(
                .a(.class("button"), .href(attr(Layout.link(Site.inspectionNew.link, lang))), .text(t(InspectionText.newTitle))), .text(" "),
                .a(.class("button secondary"), .href(attr(Layout.link(Site.inspectionSheet.link, lang))), .text(t(InspectionText.sheetTitle))))),
            .div(.class("card"), .id("tours"), table.node))
    }
}
