import BallastCore
import BallastOffice
import Foundation
import Plot

/// What turns a `DataTable` into a list an office works through, the same on every list page:
/// a toolbar over it (how many, which columns, 导出 Excel/CSV), 50 rows a page with the pager
/// under it, and a header that stays in view while the rows scroll. Everything is kept in the
/// address (`page`, `show`), so a bookmark or a link sent to a colleague opens the same view,
/// and works without script.
struct ListOptions {
    /// Names the downloaded file (`问题清单`); the day of the download is added.
    var name: String
    var lang: UILanguage
    /// nil: the page brings one page of rows from the store and draws its own pager.
    var perPage: Int? = 50

    /// The query names the list reads; every other name in the address is the page's own and kept.
    static let pageParameter = "page"
    static let showParameter = "show"
    /// Marks a submitted column choice: ticking no box at all still means "only the first column".
    static let chosenParameter = "chosen"
    static let exportParameter = "export"
    /// A long list scrolls inside its frame with the header held, rather than the header
    /// scrolling away with the page.
    static let stickyFrom = 12
}

/// The list's view as the address asks for it, read once per page.
struct ListView {
    var page: Int
    /// Column indexes shown, or nil for all. The first column (what a row is known by) is always shown.
    var shown: Set<Int>?
    var address: PageAddress

    init(_ address: PageAddress) {
        self.address = address
        let requested = address.value(ListOptions.pageParameter).flatMap { Int($0) } ?? 1
        page = max(1, requested)
        let chosen = address.values(ListOptions.showParameter).compactMap { Int($0) }
        shown = address.value(ListOptions.chosenParameter) != nil || !chosen.isEmpty ? Set(chosen).union([0]) : nil
    }

    func isShown(_ index: Int) -> Bool { index == 0 || shown?.contains(index) ?? true }
}

/// The address of the page being drawn: its path and query, to link to the same view with one
/// thing changed (the next page, other columns, an export).
struct PageAddress: Sendable {
    var path: String
    var query: [URLQueryItem]

    func value(_ name: String) -> String? { query.first { $0.name == name }?.value }
    func values(_ name: String) -> [String] { query.filter { $0.name == name }.compactMap(\.value) }

    /// This address with the named items replaced (nil removes them).
    func with(_ changes: [(String, String?)], dropping: Set<String> = []) -> String {
        let names = Set(changes.map(\.0)).union(dropping)
        var items = query.filter { !names.contains($0.name) }
        for (name, value) in changes { if let value { items.append(URLQueryItem(name: name, value: value)) } }
        var c = URLComponents()
        c.path = path
        c.queryItems = items.isEmpty ? nil : items
        return c.string ?? path
    }

    /// The items to carry through a GET form that sets `replaced` itself.
    func hiddenItems(except replaced: Set<String>) -> [URLQueryItem] { query.filter { !replaced.contains($0.name) && $0.value != nil } }
}

extension DataTable {
    /// This table as a list named `name` (the export's file name), in the page's language.
    func listed(_ name: Message, _ lang: UILanguage, perPage: Int? = 50) -> DataTable {
        var table = self
        table.list = ListOptions(name: name.text(lang), lang: lang, perPage: perPage)
        return table
    }

    /// The list form of the table (see `ListOptions`). Without an address (a page drawn outside a
    /// request, as in view tests) it is the plain table.
    func listNode(_ options: ListOptions, address: PageAddress) -> Node<HTML.BodyContext> {
        let lang = options.lang
        let view = ListView(address)
        let visible = columns.indices.filter(view.isShown)
        let shownColumns = visible.map { columns[$0] }
        // An export is this list as seen: its scope, filters and columns, every page of it (a
        // column without a title holds the row's buttons, nothing to write down).
        if let export = PageContext.current?.export {
            let written = shownColumns.filter { !$0.title.isEmpty }
            export.offer(name: options.name, header: written.map(\.title),
                         rows: rows.map { row in written.map { $0.exportCell(row) } })
        }
        guard !rows.isEmpty else { return emptyNode }
        let perPage = max(1, options.perPage ?? rows.count)
        let pages = (rows.count + perPage - 1) / perPage
        let page = min(view.page, pages)
        let slice = Array(rows[((page - 1) * perPage)..<min(rows.count, page * perPage)])
        var table = self
        table.columns = shownColumns
        table.rows = slice
        table.totals = totals.map { all in visible.compactMap { all.indices.contains($0) ? all[$0] : nil } }
        let sticky = slice.count > ListOptions.stickyFrom
        return .div(.class("list"),
            .div(.class("toolbar list-tools"),
                .span(.class("muted"), .text(ListText.count(rows.count).text(lang))),
                .span(.class("spacer")),
                columnChooser(view, lang: lang),
                .a(.class("button secondary"), .href(attr(address.with([(ListOptions.exportParameter, "xlsx")], dropping: [ListOptions.pageParameter]))),
                   .attribute(named: "download", value: ""), .text(UIText.exportXLSX.text(lang))),
                .a(.class("button secondary"), .href(attr(address.with([(ListOptions.exportParameter, "csv")], dropping: [ListOptions.pageParameter]))),
                   .attribute(named: "download", value: ""), .text(UIText.exportCSV.text(lang)))),
            table.tableNode(frameClass: sticky ? "table-wrap sticky" : "table-wrap"),
            options.perPage == nil ? .empty : Pager(page: page, pages: pages, link: { address.with([(ListOptions.pageParameter, String($0))]) }, lang: lang).node)
    }

    /// Boxes for the columns after the first, ticked as shown; the page's own query rides along.
    private func columnChooser(_ view: ListView, lang: UILanguage) -> Node<HTML.BodyContext> {
        guard columns.count > 2 else { return .empty }
        let replaced: Set<String> = [ListOptions.showParameter, ListOptions.chosenParameter, ListOptions.pageParameter, ListOptions.exportParameter]
        return .element(named: "details", nodes: [.class("columns-chooser"),
            .element(named: "summary", nodes: [.class("button secondary"), .text(ListText.columns.text(lang))]),
            .form(.method(.get), .action(attr(view.address.path)),
                .forEach(view.address.hiddenItems(except: replaced)) { item in
                    .input(.type(.hidden), .name(attr(item.name)), .value(attr(item.value ?? "")))
                },
                .input(.type(.hidden), .name(ListOptions.chosenParameter), .value("1")),
                .div(.class("options"),
                    .forEach(columns.indices.dropFirst().filter { !columns[$0].title.isEmpty }) { i in
                        .label(.class("check"),
                               .input(.type(.checkbox), .name(ListOptions.showParameter), .value(String(i)),
                                      .attribute(named: "checked", value: view.isShown(i) ? "checked" : "")),
                               .text(columns[i].title))
                    }),
                .button(.type(.submit), .text(ListText.showColumns.text(lang))))])
    }
}

/// The list toolbar's words.
enum ListText {
    static func count(_ n: Int) -> Message { Message(zh: "共 \(n) 条", en: n == 1 ? "1 row" : "\(n) rows") }
    static let columns = Message(zh: "选择列", en: "Columns")
    static let showColumns = Message(zh: "显示所选列", en: "Show these columns")
    // What each list's export is called.
    static let problems = Message(zh: "问题清单", en: "Problems")
    static let leads = Message(zh: "招商线索", en: "Leads")
    static let enterprises = Message(zh: "企业名录", en: "Enterprises")
    static let notices = Message(zh: "催办单", en: "Reminder notices")
    static let meetings = Message(zh: "调度会议", en: "Meetings")
    static let bulletins = Message(zh: "督查通报", en: "Bulletins")
    static let documents = Message(zh: "文件", en: "Documents")
    static let messages = Message(zh: "消息", en: "Messages")
    static let imports = Message(zh: "导入记录", en: "Imports")
    static let visits = Message(zh: "走访记录", en: "Visits")
    static let warnings = Message(zh: "预警项目", en: "Warnings")
    static let reports = Message(zh: "月报", en: "Monthly reports")
}
