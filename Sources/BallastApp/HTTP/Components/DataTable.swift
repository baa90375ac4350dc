import BallastCore
import Plot

/// A table as every page draws it: the scrolling wrapper (a wide table scrolls inside its card,
/// never the page), the header, one row per item, and what to say when there are none. Columns
/// say how they align, so numbers line up right and dates do not wrap the same way everywhere.
struct DataTable<Row> {
    enum Align { case text, number, date }

    struct Column {
        var title: String
        var align: Align = .text
        var cell: (Row) -> Node<HTML.BodyContext>
        /// What the header shows instead of the title: a sort link.
        var header: Node<HTML.BodyContext>?

        init(_ title: String, _ align: Align = .text, header: Node<HTML.BodyContext>? = nil,
             _ cell: @escaping (Row) -> Node<HTML.BodyContext>) {
            self.title = title; self.align = align; self.header = header; self.cell = cell
        }

        /// A column of plain text.
        static func text(_ title: String, _ align: Align = .text, header: Node<HTML.BodyContext>? = nil,
                         _ value: @escaping (Row) -> String) -> Column {
            Column(title, align, header: header) { .text(value($0)) }
        }

        var cssClass: String? {
            switch align { case .text: nil; case .number: "num"; case .date: "date" }
        }
    }

    var columns: [Column]
    var rows: [Row]
    /// Said instead of an empty table: 暂无…
    var empty: String
    /// A class for a row (`unread`, `late`), or nil.
    var rowClass: ((Row) -> String?)?
    /// A totals row under the rows (合计), one text per column, aligned as its column.
    var totals: [String]?
    /// An id for a row, to link to it (`#r-…`): the review queue brings the next report up in place.
    var rowID: ((Row) -> String?)?
    /// A class for the table itself (`compact` on the dashboard's small tables).
    var tableClass: String?
    /// What to do when there is nothing yet: a link naming the next action (清除筛选, 导入台账…),
    /// shown under the empty text.
    var emptyAction: (label: String, href: String)?

    init(_ columns: [Column], rows: [Row], empty: String, rowClass: ((Row) -> String?)? = nil, totals: [String]? = nil) {
        self.columns = columns; self.rows = rows; self.empty = empty; self.rowClass = rowClass; self.totals = totals
    }

    var node: Node<HTML.BodyContext> {
        guard !rows.isEmpty else {
            guard let action = emptyAction else { return .p(.class("muted empty"), .text(empty)) }
            return .div(.class("empty-state"), .p(.text(empty)),
                        .p(.a(.class("button secondary"), .href(attr(action.href)), .text(action.label))))
        }
        return .div(.class("table-wrap"), .table(.unwrap(tableClass) { .class($0) },
            .thead(.tr(.forEach(columns) { c in .th(.unwrap(c.cssClass) { .class($0) }, c.header ?? .text(c.title)) })),
            .tbody(.forEach(rows) { row in
                .tr(.unwrap(rowClass?(row)) { .class($0) }, .unwrap(rowID?(row)) { .id($0) },
                    .forEach(columns) { c in .td(.unwrap(c.cssClass) { .class($0) }, c.cell(row)) })
            }),
            .unwrap(totals) { totals in
                .tfoot(.tr(.forEach(Array(zip(columns, totals))) { c, text in .th(.unwrap(c.cssClass) { .class($0) }, .text(text)) }))
            }))
    }
}

/// Previous / next under a paged list, with where the reader is.
struct Pager {
    var page: Int
    var pages: Int
    /// The link to another page of the same list (the filters kept).
    var link: (Int) -> String
    var lang: UILanguage

    var node: Node<HTML.BodyContext> {
        guard pages > 1 else { return .empty }
        return .div(.class("pager"),
            .if(page > 1, .a(.href(attr(link(page - 1))), .attribute(named: "rel", value: "prev"), .text(UIText.prev.text(lang)))),
            .span(.text(lang == .en ? "Page \(page) of \(pages)" : "第 \(page) / \(pages) 页")),
            .if(page < pages, .a(.href(attr(link(page + 1))), .attribute(named: "rel", value: "next"), .text(UIText.next.text(lang)))))
    }
}

/// A row of tabs over related pages; the current one marked for the eye and for screen readers.
struct Tabs {
    struct Tab { var label: String; var href: String; var active: Bool }
    var tabs: [Tab]

    var node: Node<HTML.BodyContext> {
        .nav(.class("tabs"), .forEach(tabs) { t in
            .a(.class(t.active ? "active" : ""), .href(attr(t.href)), .if(t.active, .attribute(named: "aria-current", value: "page")), .text(t.label))
        })
    }
}
