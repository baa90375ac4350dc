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
    /// Each project's light on the list's day, with its reasons and since when (a year's list only).
    var lights: [UUID: ProjectWarning] = [:]
    /// Each project's completion of its plan on the list's day (`CompletionRate`).
    var completion: [UUID: Double] = [:]
    /// The optional columns shown, in catalogue order (`ProjectListColumn`).
    var shown: [ProjectListColumn] = ProjectListColumn.standard
    /// Columns asked for in the address (`?cols=`), kept by the sort and page links.
    var explicitColumns: [ProjectListColumn]?

    func render() -> String {
        let t = { (m: Message) in m.text(lang) }
        let pages = max(1, (page.total + page.perPage - 1) / page.perPage)
        return Layout.page(title: t(UIText.ledger), lang: lang, section: .ledger, path: query(page: filter.page),
            .h1(.text(t(UIText.ledger) + (year.map { LedgerText.ledgerYear($0).text(lang) } ?? ""))),
            filterForm(),
            .div(.class("toolbar"),
                .span(.class("muted"), .text(LedgerText.projectCount(page.total).text(lang))),
                .if(filter.portfolioOnly, .span(.class("chip"), .text(LedgerText.inYearPlan.text(lang)))),
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
            columnChooser(),
            { () -> DataTable<ProjectRow> in
                var table = DataTable(columns(), rows: page.items, empty: t(UIText.noResults))
                table.tableClass = "project-list"
                // Nothing matched: the way out is to clear the filters; nothing at all: to import the ledger.
                let cleared = Layout.link(Site.projects.link + (year.map { "?year=\($0)" } ?? ""), lang)
                if filter.isNarrowed {
                    table.emptyAction = (t(UIText.clearFilters), cleared)
                } else if PageContext.may(.importLedger) {
                    table.emptyAction = (t(UIText.importLedger), Layout.link(Site.ledgerImport.link, lang))
                }
                return table
            }().node,
            Pager(page: page.page, pages: pages, link: { query(page: $0) }, lang: lang).node
        )
    }

    func filterForm() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(lang) }
        return .form(.class("filters"), .method(.get), .action(attr(Site.projects.link)),
            .if(lang == .en, .input(.type(.hidden), .name("lang"), .value(attr("en")))),
            .label(.text(t(UIText.year)), .input(.type(.number), .name("year"), .value(attr(year.map(String.init) ?? "")))),
            select("category", LedgerText.category.text(lang), options[.category] ?? [], filter.category),
            select("level", LedgerText.projectLevel.text(lang), options[.level] ?? [], filter.level),
            select("zone", LedgerText.zone.text(lang), options[.zone] ?? [], filter.zone),
            select("unit", LedgerText.unit.text(lang), options[.unit] ?? [], filter.unit),
            select("leader", LedgerText.contactLeader.text(lang), options[.leader] ?? [], filter.leader),
            select("stage", LedgerText.projectStage.text(lang), LifecycleStage.allCases.map(\.rawValue), filter.stage?.rawValue),
            colourSelect(),
            // A dashboard's drill-down keeps its scope: the year's portfolio, and the day the colours are read on.
            .if(filter.portfolioOnly, .input(.type(.hidden), .name("portfolio"), .value("1"))),
            .unwrap(filter.colour.flatMap { $0.day < $0.today ? $0.day.iso : nil }) { .input(.type(.hidden), .name("asOf"), .value(attr($0))) },
            .label(.text(t(UIText.keyword)), .input(.type(.search), .name("q"), .value(attr(filter.text ?? "")),
                                                    .placeholder(attr(LedgerText.searchHint.text(lang))))),
            .button(.type(.submit), .text(t(UIText.search))),
            .a(.class("button secondary"), .href(attr(Layout.link(Site.projects.link, lang))), .text(t(UIText.reset)))
        )
    }

    /// The warning light on the day the list reads (today unless a dashboard's past day).
    func colourSelect() -> Node<HTML.FormContext> {
        let day = filter.colour.map { $0.day < $0.today ? LedgerText.lightsOn($0.day.iso).text(lang) : "" } ?? ""
        return .label(.text(LedgerText.light.text(lang) + day), .select(.attribute(named: "name", value: "colour"),
            .choice("", UIText.all.text(lang)),
            .forEach(DashboardCharts.lights) { c in
                .choice(c.rawValue, DashboardCharts.colourName(c, lang), selected: filter.colour?.colour == c)
            }))
    }

    func select(_ name: String, _ label: String, _ values: [String], _ selected: String?) -> Node<HTML.FormContext> {
        FormField.select(name, label, values.map { ($0, $0) }, selected: selected, all: UIText.all.text(lang))
    }

    /// The ledger's columns: code and name, then the ones chosen; those of a year (level, zone,
    /// plan, completion, the light and why) show only with one.
    func columns() -> [DataTable<ProjectRow>.Column] {
        let en = lang == .en
        var list: [DataTable<ProjectRow>.Column] = [
            .init(LedgerText.code.text(lang), header: sortHeader("code", LedgerText.code)) { p in .span(.class("nowrap"), .text(p.code)) },
            .init(LedgerText.projectName.text(lang), header: sortHeader("name", LedgerText.projectName)) { p in
                .a(.href(attr(Layout.link(Site.project.link(p.id), lang))), .text(p.name))
            },
        ]
        for c in shown where year != nil || !c.needsYear {
            switch c {
            case .category: list.append(.text(LedgerText.category.text(lang)) { p in p.category })
            case .level: list.append(.text(LedgerText.level.text(lang)) { p in p.level ?? "" })
            case .zone: list.append(.text(LedgerText.zone.text(lang)) { p in p.zone ?? "" })
            case .unit: list.append(.text(LedgerText.unit.text(lang), header: sortHeader("unit", LedgerText.unit)) { p in p.unit })
            case .stage:
                list.append(.init(LedgerText.stage.text(lang), header: sortHeader("stage", LedgerText.stage)) { p in
                    .span(.class("tag stage-\(p.stage.rawValue)"), .text(en ? p.stage.englishName : p.stage.rawValue))
                })
            case .total:
                list.append(.text(LedgerText.totalWan.text(lang), .number, header: sortHeader("totalInvestment", LedgerText.totalWan, numeric: true)) { p in
                    p.totalInvestment.wanText
                })
            case .plan:
                list.append(.text(LedgerText.planWan.text(lang), .number, header: sortHeader("annualPlan", LedgerText.planWan, numeric: true)) { p in
                    p.annualPlan.map(\.wanText) ?? "—"
                })
            case .completion:
                list.append(.text(LedgerText.completionRate.text(lang), .number) { p in completion[p.id].map { Percent.text($0) } ?? "—" })
            // Why: the light, what it was judged for, and since when.
            case .light:
                list.append(.init(LedgerText.light.text(lang)) { p in
                    guard let w = lights[p.id] else { return .text("—") }
                    return .span(.class("nowrap"), .span(.class("light \(w.outcome.colour.rawValue)")),
                                 .text(" " + DashboardCharts.colourName(w.outcome.colour, lang)))
                })
            case .lag:
                list.append(.text(LedgerText.lag.text(lang), .number) { p in lights[p.id]?.outcome.lagPoints.map { String(format: "%.1f", $0) } ?? "—" })
            case .reasons:
                list.append(.text(LedgerText.lightReasons.text(lang)) { p in
                    lights[p.id].map { w in w.outcome.reasons.map { $0.text(lang) }.joined(separator: LedgerText.reasonSeparator.text(lang)) } ?? ""
                })
            case .since:
                list.append(.text(LedgerText.lightSince.text(lang), .number) { p in lights[p.id]?.since.iso ?? "" })
            }
        }
        return list
    }

    /// Which columns to show: ticked boxes, shown at once and kept for this user (a form that
    /// posts to the account, then comes back to this same list).
    func columnChooser() -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [.class("columns-chooser"),
            .element(named: "summary", nodes: [.class("button secondary"), .text(LedgerText.chooseColumns.text(lang))]),
            .form(.method(.post), .action(attr(Layout.link(Site.accountColumns.link, lang))), .csrf(),
                .input(.type(.hidden), .name("next"), .value(attr(query(page: 1)))),
                .div(.class("options"),
                    .forEach(ProjectListColumn.allCases.filter { year != nil || !$0.needsYear }) { c in
                        .label(.class("check"), .input(.type(.checkbox), .name("cols"), .value(c.rawValue), .attribute(named: "checked", value: shown.contains(c) ? "checked" : "")),
                               .text(c.label.text(lang)))
                    }),
                .button(.type(.submit), .text(LedgerText.saveColumns.text(lang))))])
    }

    /// A header that sorts by its column: again reverses; numbers sort largest first.
    func sortHeader(_ key: String, _ label: LedgerText, numeric: Bool = false) -> Node<HTML.BodyContext> {
        let active = filter.sort.rawValue == key
        let nextDescending = active ? !filter.descending : numeric
        let arrow = active ? (filter.descending ? " ▼" : " ▲") : ""
        return .a(.href(attr(query(page: 1, sort: (nextDescending ? "-" : "") + key))), .text(label.text(lang) + arrow))
    }

    /// This page's URL with one thing changed, keeping every filter.
    func query(page: Int, sort: String? = nil) -> String {
        var items: [URLQueryItem] = []
        func add(_ k: String, _ v: String?) { if let v, !v.isEmpty { items.append(URLQueryItem(name: k, value: v)) } }
        add("year", year.map(String.init))
        add("category", filter.category); add("level", filter.level); add("zone", filter.zone)
        add("unit", filter.unit); add("leader", filter.leader); add("stage", filter.stage?.rawValue); add("q", filter.text)
        add("colour", filter.colour?.colour.rawValue)
        add("asOf", filter.colour.flatMap { $0.day < $0.today ? $0.day.iso : nil })
        add("portfolio", filter.portfolioOnly ? "1" : nil)
        add("cols", explicitColumns.map(ProjectListColumn.text))
        add("sort", sort ?? ((filter.descending ? "-" : "") + filter.sort.rawValue))
        add("page", String(page))
        if lang == .en { add("lang", "en") }
        var c = URLComponents()
        c.path = Site.projects.link
        c.queryItems = items
        return c.string ?? Site.projects.link
    }
}
