import BallastCore
import BallastStore
import Foundation
import Plot

/// 要素保障: 专项债 planned and arrived by unit, the projects waiting for land, and those whose
/// funds are behind their spending, on a day.
struct ElementsPage {
    var figures: ElementsQuery.Figures
    var lang: UILanguage
    var notice: PageNotice? = nil

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        let f = figures
        return Layout.page(title: t(ElementsText.title), lang: lang, section: .elements, path: Site.elements.link + "?year=\(f.year)&asOf=\(f.asOf.iso)",
            .h1(.text(t(ElementsText.title))),
            Layout.notice(notice),
            .form(.class("filters"), .method(.get), .action(Site.elements.link),
                  .label(.text(t(ElementsText.year)), .input(.type(.number), .name("year"), .value(String(f.year)),
                                                            .attribute(named: "min", value: "2000"), .attribute(named: "max", value: "2100"))),
                  .label(.text(t(ElementsText.asOf)), .input(.type(.date), .name("asOf"), .value(f.asOf.iso))),
                  .if(lang == .en, .input(.type(.hidden), .name("lang"), .value("en"))),
                  .button(.type(.submit), .text(t(UIText.search)))),
            .p(.class("muted"), .text(t(ElementsText.explain(asOf: f.asOf.iso)))),
            bonds(),
            lines(ElementsText.landHeading, id: "land", f.waitingForLand, empty: ElementsText.noLand),
            lines(ElementsText.behindHeading, id: "behind", f.fundsBehind, empty: ElementsText.noBehind),
            .if(!f.arrivedAbovePlanned.isEmpty, lines(ElementsText.aboveHeading, id: "above", f.arrivedAbovePlanned, empty: ElementsText.noBehind)),
            file())
    }

    /// The 资金来源 file: downloaded with every portfolio project to fill in, uploaded for a preview.
    func file() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let year = figures.year
        return .div(.class("card"), .id("file"),
            .h2(.text(t(ElementsText.fileHeading))),
            .p(.class("muted"), .text(t(ElementsText.fileExplain))),
            .div(.class("toolbar"),
                .a(.class("button secondary"), .href(attr(Site.fundsExport.link + "?year=\(year)&format=xlsx")), .text(t(UIText.exportXLSX))),
                .a(.class("button secondary"), .href(attr(Site.fundsExport.link + "?year=\(year)&format=csv")), .text(t(UIText.exportCSV)))),
            .if(PageContext.may(.editProjects),
                .form(.method(.post), .action(attr(Layout.link(Site.fundsImport.link + "?year=\(year)", lang))), .enctype(.multipartData),
                      .class("filters"), .csrf(),
                      .label(.text(t(ElementsText.fileLabel)),
                             .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"), .required(true))),
                      .button(.type(.submit), .text(t(ElementsText.previewImport))))))
    }

    func bonds() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let rows = figures.bondsByUnit
        let planned = rows.reduce(Int64(0)) { $0.addingReportingOverflow($1.planned.yuan).partialValue }
        let arrived = rows.reduce(Int64(0)) { $0.addingReportingOverflow($1.arrived.yuan).partialValue }
        var table = DataTable<ElementsQuery.UnitBonds>([
            .text(t(ElementsText.unit)) { $0.unit },
            .text(t(ElementsText.projects), .number) { String($0.projects) },
            .text(t(ElementsText.planned), .number) { $0.planned.wanText },
            .text(t(ElementsText.arrived), .number) { $0.arrived.wanText },
        ], rows: rows, empty: t(ElementsText.noBonds))
        if !rows.isEmpty {
            table.totals = [t(ElementsText.total), String(rows.reduce(0) { $0 + $1.projects }), Money(yuan: planned).wanText, Money(yuan: arrived).wanText]
        }
        return .div(.class("card"), .id("bonds"), .h2(.text(t(ElementsText.bondsHeading))), table.node)
    }

    func lines(_ heading: Message, id: String, _ rows: [ElementsQuery.ProjectLine], empty: Message) -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let lang = lang
        return .div(.class("card"), .id(id), .h2(.text(t(heading))),
            DataTable<ElementsQuery.ProjectLine>([
                .init(t(ElementsText.project)) { l in
                    .a(.href(attr(Layout.link(Site.project.link(l.projectID), lang) + "#elements")), .text(l.code + " " + l.name))
                },
                .text(t(ElementsText.unit)) { $0.unit },
                .text(t(ElementsText.plannedStart), .date) { $0.plannedStart?.iso ?? "—" },
                .text(t(ElementsText.reason)) { $0.reason.text(lang) },
            ], rows: rows, empty: t(empty)).node)
    }
}
