import BallastCore
import BallastStore
import Foundation
import Plot

/// The project page's 资金与要素 card: what the funds and land say (shortfalls first), the year's
/// funding sources planned and arrived, and the land and other quotas; forms for whoever edits
/// the project.
enum ProjectElementsSection {
    static func node(_ v: ElementsQuery.ProjectView, projectID: UUID, lang: UILanguage) -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(lang) }
        let edit = PageContext.may(.editProjects)
        return .div(.class("card"), .id("elements"),
            .h2(.text(t(ElementsText.heading))),
            .forEach(v.findings) { f in
                .div(.class(f.kind.isShortfall ? "alert error" : "alert pending"), .attribute(named: "data-finding", value: f.kind.rawValue),
                     .text(f.message.text(lang)))
            },
            .h3(.text(t(ElementsText.fundsIntro(v.year)))),
            edit ? fundsForm(v, projectID: projectID, lang: lang) : fundsTable(v, lang: lang),
            .h3(.text(t(ElementsText.area) + "、" + t(ElementsText.supply) + "、" + t(ElementsText.handedOver))),
            edit ? landForm(v, projectID: projectID, lang: lang) : landFacts(v.land, lang: lang))
    }

    static func fundsTable(_ v: ElementsQuery.ProjectView, lang: UILanguage) -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(lang) }
        return DataTable<FundLine>([
            .text(t(ElementsText.source)) { lang == .en ? $0.source.englishName : $0.source.rawValue },
            .text(t(ElementsText.planned), .number) { $0.planned.wanText },
            .text(t(ElementsText.arrived), .number) { $0.arrived.wanText },
        ], rows: v.funds, empty: lang == .en ? "No funding entered" : "尚未填报资金来源").node
    }

    /// A box of the funding table, named for a screen reader by its row and column (计划/到位).
    static func amountInput(_ name: String, _ value: Money?, label: String) -> Node<HTML.BodyContext> {
        ProjectItemsSection.input([.type(.text), .name(name), .attribute(named: "aria-label", value: attr(label)), .value(attr(value.map { $0.yuan == 0 ? "" : $0.wanInput } ?? "")),
                                   .attribute(named: "inputmode", value: "decimal"), .attribute(named: "size", value: "10"), .class("amount")])
    }

    static func fundsForm(_ v: ElementsQuery.ProjectView, projectID: UUID, lang: UILanguage) -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(lang) }
        let lines = Dictionary(v.funds.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        return .form(.method(.post), .action(attr(Site.projectFunds.link(projectID))), .csrf(),
            .input(.type(.hidden), .name("year"), .value(String(v.year))),
            .input(.type(.hidden), .name("version"), .value(String(v.fundsVersion))),
            .div(.class("table-wrap"), .table(.class("narrow"),
                .thead(.tr(.th(.text(t(ElementsText.source))), .th(.class("num"), .text(t(ElementsText.planned))), .th(.class("num"), .text(t(ElementsText.arrived))))),
                .tbody(.forEach(FundingSource.allCases) { s in
                    .tr(.td(.text(lang == .en ? s.englishName : s.rawValue)),
                        .td(.class("num"), amountInput("planned-\(s.key)", lines[s]?.planned,
                                                       label: (lang == .en ? s.englishName : s.rawValue) + " " + t(ElementsText.planned))),
                        .td(.class("num"), amountInput("arrived-\(s.key)", lines[s]?.arrived,
                                                       label: (lang == .en ? s.englishName : s.rawValue) + " " + t(ElementsText.arrived))))
                }))),
            .div(.class("toolbar"), .button(.type(.submit), .text(t(ElementsText.saveFunds)))))
    }

    static func landFacts(_ land: LandRecord?, lang: UILanguage) -> Node<HTML.BodyContext> {
        let rows: [(Message, String)] = [(ElementsText.area, land?.areaMu.map { $0.measureText(grouped: true) } ?? "—"),
                                         (ElementsText.supply, land?.supplyMethod ?? "—"), (ElementsText.handedOver, land?.handedOverOn?.iso ?? "—"),
                                         (ElementsText.quotas, land?.quotas ?? "—")]
        return .dl(.class("fields"), .forEach(rows) { f in .group(.dt(.text(f.0.text(lang))), .dd(.text(f.1))) })
    }

    static func landForm(_ v: ElementsQuery.ProjectView, projectID: UUID, lang: UILanguage) -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(lang) }
        let land = v.land
        return .form(.method(.post), .action(attr(Site.projectLand.link(projectID))), .class("filters"), .csrf(),
            .input(.type(.hidden), .name("version"), .value(String(v.landVersion))),
            .datalist(.id("supply-methods"), .forEach(LandRecord.supplyMethods) { .choice($0) }),
            .label(.text(t(ElementsText.area)), ProjectItemsSection.input([.type(.text), .name("areaMu"), .attribute(named: "inputmode", value: "decimal"),
                                                                           .attribute(named: "size", value: "8"),
                                                                           .value(attr(land?.areaMu.map { $0.measureText(grouped: false) } ?? ""))])),
            .label(.text(t(ElementsText.supply)), ProjectItemsSection.textInput("supplyMethod", land?.supplyMethod, list: "supply-methods", size: 10)),
            .label(.text(t(ElementsText.handedOver)), ProjectItemsSection.dateInput("handedOverOn", land?.handedOverOn)),
            .label(.text(t(ElementsText.quotas)), ProjectItemsSection.textInput("quotas", land?.quotas, size: 30)),
            .button(.type(.submit), .text(t(ElementsText.saveLand))))
    }
}
