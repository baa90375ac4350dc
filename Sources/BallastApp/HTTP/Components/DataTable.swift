import BallastCore
import BallastOffice
import Foundation
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
        /// The cell as an export writes it; nil writes the cell's shown text.
        var export: ((Row) -> String)?
        /// What the header shows instead of the title: a sort link.
        var header: Node<HTML.BodyContext>?

        init(_ title: String, _ align: Align = .text, header: Node<HTML.BodyContext>? = nil,
             _ cell: @escaping (Row) -> Node<HTML.BodyContext>) {
            self.title = title; self.align = align; self.header = header; self.cell = cell
        }

        /// A column of plain text.
        static func text(_ title: String, _ align: Align = .text, header: Node<HTML.BodyContext>? = nil,
                         _ value: @escaping (Row) -> String) -> Column {
            var c = Column(title, align, header: header) { .text(value($0)) }
            c.export = value
            return c
        }

        /// What an export writes: the text as shown; a number column's figure as a number
        /// (thousands separators dropped) so a spreadsheet can add it up.
        func exportCell(_ row: Row) -> XLSXCell {
            let text = export?(row) ?? Self.shownText(cell(row))
            guard !text.isEmpty else { return .empty }
            if align == .number {
                let plain = text.replacingOccurrences(of: ",", with: "")
                if Decimal(string: plain) != nil, plain.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) { return .number(plain) }
            }
            return .text(text)
        }

        /// A cell drawn as markup, read back as the words it shows (tags dropped, entities
        /// decoded, runs of space closed up).
        static func shownText(_ node: Node<HTML.BodyContext>) -> String {
            let html = node.render()
            var out = ""
            var inTag = false
            for ch in html {
                if ch == "<" { inTag = true; out.append(" "); continue }
                if ch == ">" { inTag = false; continue }
                if !inTag { out.append(ch) }
            }
            for (entity, ch) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
                out = out.replacingOccurrences(of: entity, with: ch)
            }
            return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
    /// Makes the table a list: toolbar, paging, export, held header (`ListOptions`).
    var list: ListOptions?

    init(_ columns: [Column], rows: [Row], empty: String, rowClass: ((Row) -> String?)? = nil, totals: [String]? = nil) {
        self.columns = columns; self.rows = rows; self.empty = empty; self.rowClass = rowClass; self.totals = totals
    }

    var node: Node<HTML.BodyContext> {
        if let list, let address = PageContext.current?.address { return listNode(list, address: address) }
        guard !rows.isEmpty else { return emptyNode }
        return tableNode(frameClass: "table-wrap")
    }

    var emptyNode: Node<HTML.BodyContext> {
        guard let action = emptyAction else { return .p(.class("muted empty"), .text(empty)) }
        return .div(.class("empty-state"), .p(.text(empty)),
                    .p(.a(.class("button secondary"), .href(attr(action.href)), .text(action.label))))
    }

    /// A table of a few columns fits a phone's width: it is not held to the wide tables' measure.
    var effectiveClass: String? { tableClass ?? (columns.count <= 4 ? "narrow" : nil) }

    func tableNode(frameClass: String) -> Node<HTML.BodyContext> {
        .div(.class(frameClass), .table(.unwrap(effectiveClass) { .class($0) },
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
