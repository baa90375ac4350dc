import BallastCore
import BallastStore
import Foundation
import Plot

/// The ledger: filters, a sortable table, paging, and the export buttons.
struct ProjectListPage {
    var year: Int?
    var filter: ProjectFilter
    var page: ProjectPage
    var options: [ReferenceKind: [String]]
    var lang: UILanguage

    func render() -> String {
        let t = { (m: Message) in m.text(lang) }
        let pages = max(1, (page.total + page.perPage - 1) / page.perPage)
        return Layout.page(title: t(UIText.ledger), lang: lang, section: .ledger, path: query(page: filter.page),
            .h1(.text(t(UIText.ledger) + (year.map { lang == .en ? " \($0)" : "（\($0)年）" } ?? ""))),
            filterForm(),
            .div(.class("toolbar"),
                .span(.class("muted"), .text(lang == .en ? "\(page.total) projects" : "共 \(page.total) 个项目")),
                .if(filter.portfolioOnly, .span(.class("chip"), .text(lang == .en ? "in the year's plan" : "列入年度计划"))),
                .span(.class("spacer")),
                .if(PageContext.may(.manageProjects),
                    .a(.class("button"), .href(attr(Layout.link(Site.projectNew.link, lang))), .text(t(UIText.newProject)))),
                .unwrap(year) { y in
                    .group(
                        .a(.class("button secondary"), .href(attr(Site.ledgerExport.link + "?year=\(y)&format=xlsx")), .text(t(UIText.exportXLSX))),
                        .a(.class("button secondary"), .href(attr(Site.ledgerExport.link + "?year=\(y)&format=csv")), .text(t(UIText.exportCSV)))
                    )
                }
            ),
            DataTable(columns(), rows: page.items, empty: t(UIText.noResults)).node,
            Pager(page: page.page, pages: pages, link: { query(page: $0) }, lang: lang).node
        )
    }

    func filterForm() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(lang) }
        return .form(.class("filters"), .method(.get), .action(attr(Site.projects.link)),
            .if(lang == .en, .input(.type(.hidden), .name("lang"), .value(attr("en")))),
            .label(.text(t(UIText.year)), .input(.type(.number), .name("year"), .value(attr(year.map(String.init) ?? "")))),
            select("category", lang == .en ? "Category" : "项目类别", options[.category] ?? [], filter.category),
            select("level", lang == .en ? "Level" : "项目级别", options[.level] ?? [], filter.level),
            select("zone", lang == .en ? "Zone" : "空间布局", options[.zone] ?? [], filter.zone),
            select("unit", lang == .en ? "Unit" : "责任单位", options[.unit] ?? [], filter.unit),
            select("stage", lang == .en ? "Stage" : "项目阶段", LifecycleStage.allCases.map(\.rawValue), filter.stage?.rawValue),
            colourSelect(),
            // A dashboard's drill-down keeps its scope: the year's portfolio, and the day the colours are read on.
            .if(filter.portfolioOnly, .input(.type(.hidden), .name("portfolio"), .value("1"))),
            .unwrap(filter.colour.flatMap { $0.day < $0.today ? $0.day.iso : nil }) { .input(.type(.hidden), .name("asOf"), .value(attr($0))) },
            .label(.text(t(UIText.keyword)), .input(.type(.search), .name("q"), .value(attr(filter.text ?? "")),
                                                    .placeholder(attr(lang == .en ? "code, name, investor" : "编号、名称、建设单位")))),
            .button(.type(.submit), .text(t(UIText.search))),
            .a(.class("button secondary"), .href(attr(Layout.link(Site.projects.link, lang))), .text(t(UIText.reset)))
        )
    }

    /// The warning light on the day the list reads (today unless a dashboard's past day).
    func colourSelect() -> Node<HTML.FormContext> {
        let day = filter.colour.map { $0.day < $0.today ? (lang == .en ? " on \($0.day.iso)" : "（\($0.day.iso)）") : "" } ?? ""
        return .label(.text((lang == .en ? "Light" : "预警") + day), .select(.attribute(named: "name", value: "colour"),
            .option(.value(attr("")), .label(attr(UIText.all.text(lang)))),
            .forEach(DashboardCharts.lights) { c in
                .option(.value(attr(c.rawValue)), .label(attr(DashboardCharts.colourName(c, lang == .en))), .isSelected(filter.colour?.colour == c))
            }))
    }

    func select(_ name: String, _ label: String, _ values: [String], _ selected: String?) -> Node<HTML.FormContext> {
        FormField.select(name, label, values.map { ($0, $0) }, selected: selected, all: UIText.all.text(lang))
    }

    /// The ledger's columns; level, zone and plan belong to a year and show only with one.
    func columns() -> [DataTable<ProjectRow>.Column] {
        let en = lang == .en
        var list: [DataTable<ProjectRow>.Column] = [
            .text(en ? "Code" : "项目编号", header: sortHeader("code", "项目编号", "Code")) { p in p.code },
            .init(en ? "Name" : "项目名称", header: sortHeader("name", "项目名称", "Name")) { p in
                .a(.href(attr(Layout.link(Site.project.link(p.id), lang))), .text(p.name))
            },
            .text(en ? "Category" : "项目类别") { p in p.category },
        ]
        if year != nil {
            list += [.text(en ? "Level" : "级别") { p in p.level ?? "" }, .text(en ? "Zone" : "空间布局") { p in p.zone ?? "" }]
        }
        list += [
            .text(en ? "Unit" : "责任单位", header: sortHeader("unit", "责任单位", "Unit")) { p in p.unit },
            .init(en ? "Stage" : "阶段", header: sortHeader("stage", "阶段", "Stage")) { p in
                .span(.class("tag stage-\(p.stage.rawValue)"), .text(en ? p.stage.englishName : p.stage.rawValue))
            },
            .text(en ? "Total (万元)" : "总投资（万元）", .number, header: sortHeader("totalInvestment", "总投资（万元）", "Total (万元)", numeric: true)) { p in
                Layout.wan(p.totalInvestment)
            },
        ]
        if year != nil {
            list.append(.text(en ? "Plan (万元)" : "年度计划（万元）", .number, header: sortHeader("annualPlan", "年度计划（万元）", "Plan (万元)", numeric: true)) { p in
                p.annualPlan.map(Layout.wan) ?? "—"
            })
        }
        return list
    }

    /// A header that sorts by its column: again reverses; numbers sort largest first.
    func sortHeader(_ key: String, _ zh: String, _ en: String, numeric: Bool = false) -> Node<HTML.BodyContext> {
        let active = filter.sort.rawValue == key
        let nextDescending = active ? !filter.descending : numeric
        let arrow = active ? (filter.descending ? " ▼" : " ▲") : ""
        return .a(.href(attr(query(page: 1, sort: (nextDescending ? "-" : "") + key))), .text((lang == .en ? en : zh) + arrow))
    }

    /// This page's URL with one thing changed, keeping every filter.
    func query(page: Int, sort: String? = nil) -> String {
        var items: [URLQueryItem] = []
        func add(_ k: String, _ v: String?) { if let v, !v.isEmpty { items.append(URLQueryItem(name: k, value: v)) } }
        add("year", year.map(String.init))
        add("category", filter.category); add("level", filter.level); add("zone", filter.zone)
        add("unit", filter.unit); add("stage", filter.stage?.rawValue); add("q", filter.text)
        add("colour", filter.colour?.colour.rawValue)
        add("asOf", filter.colour.flatMap { $0.day < $0.today ? $0.day.iso : nil })
        add("portfolio", filter.portfolioOnly ? "1" : nil)
        add("sort", sort ?? ((filter.descending ? "-" : "") + filter.sort.rawValue))
        add("page", String(page))
        if lang == .en { add("lang", "en") }
        var c = URLComponents()
        c.path = Site.projects.link
        c.queryItems = items
        return c.string ?? Site.projects.link
    }
}
