import BallastCharts
import BallastCore
import BallastOffice
import Foundation
import BallastStore
import Plot

/// An official document laid out once for every format it goes out in: the printable page,
/// the .docx and the .xlsx all read this, so the three can never say different things.
package struct OfficialDoc {
    struct Cell {
        var text: String
        /// Where the figure comes from: the project, or the list behind it (page only).
        var link: String?
        /// Written to the .xlsx as a number rather than text.
        var number: Double?
        /// Kept on one line (a unit's name in a wide table).
        var keep = false

        init(_ text: String, link: String? = nil) { self.text = text; self.link = link; number = nil }
        static func unit(_ name: String, link: String? = nil) -> Cell { var c = Cell(name, link: link); c.keep = true; return c }
        init(number: Double, _ text: String) { self.text = text; link = nil; self.number = number }
        static func int(_ n: Int) -> Cell { Cell(number: Double(n), String(n)) }
        static func points(_ x: Double) -> Cell { Cell(number: x, String(format: "%.2f", x)) }
        static func yi(_ yuan: Int64) -> Cell { Cell(number: Money(yuan: yuan).rounded(in: .yi, places: 2), (Money(yuan: yuan)).yiText) }
        static func percent(_ x: Double) -> Cell { Cell(number: (x * 1000).rounded() / 10, Percent.text(x)) }
    }

    struct Table {
        /// The .xlsx sheet's name.
        var sheet: String
        var header: [String]
        var rows: [[Cell]]
    }

    enum Block {
        case paragraph(String)
        case table(Table)
        case chart(HorizontalBarChart)
    }

    struct Section {
        var heading: String
        var blocks: [Block]
    }

    var title: String
    var numberLine: String
    var issuer: String
    var date: String
    var intro: [String]
    var sections: [Section]
    var closing: String?
    /// Tables of many columns (rankings, assessments): the screen gives them more width.
    var wide = false

    /// The ledger filtered as a figure counts it: `/projects?year=2023&unit=区商务局`.
    static func ledger(year: Int, _ filters: [(String, String)] = []) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return Site.projects.link + "?year=\(year)" + filters.map { "&\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined()
    }

    static func numberLine(_ d: DocumentModel) -> String { d.number.map { "〔\($0)〕" } ?? "（草稿）" }

    /// 一、二、… for numbered headings.
    static func ordinal(_ i: Int) -> String {
        let digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return i < digits.count ? digits[i] : String(i + 1)
    }

    /// Sections numbered in order, skipping none: a section without data is left out before numbering.
    static func numbered(_ sections: [Section]) -> [Section] {
        sections.enumerated().map { i, s in Section(heading: "\(ordinal(i))、\(s.heading)", blocks: s.blocks) }
    }

    package func docx() -> [DocxBlock] {
        var out: [DocxBlock] = [.title(title), .centered(numberLine), .centered("\(issuer)　\(date)")]
        out += intro.map(DocxBlock.paragraph)
        for s in sections {
            out.append(.heading(s.heading))
            for b in s.blocks {
                switch b {
                case .paragraph(let p): out.append(.paragraph(p))
                case .table(let t): out.append(.table(header: t.header, rows: t.rows.map { $0.map(\.text) }))
                // A chart's figures are in the section's table; Word gets the table alone.
                case .chart: continue
                }
            }
        }
        if let closing { out.append(.paragraph(closing)) }
        return out
    }

    func sheets() -> [XLSXSheet] {
        sections.flatMap(\.blocks).compactMap { b -> XLSXSheet? in
            guard case .table(let t) = b else { return nil }
            return XLSXSheet(name: t.sheet, header: t.header, rows: t.rows.map { row in
                row.map { c in c.number.map { .number(ScoringScheme.format($0)) } ?? .text(c.text) }
            }, columnWidths: t.header.map { max(8, min(40, $0.count * 3)) })
        }
    }

    func html(_ lang: UILanguage) -> Node<HTML.BodyContext> {
        // The document as the office issues it, in Chinese whatever the reader's language.
        .div(.class(wide ? "packet-page official wide" : "packet-page official"), .attribute(named: "lang", value: "zh-CN"), .attribute(named: "translate", value: "no"),
            .h1(.class("doc-title"), .text(title)),
            .p(.class("doc-number"), .text("\(numberLine)　\(issuer)　\(date)")),
            .forEach(intro) { .p(.class("indent"), .text($0)) },
            .forEach(sections) { s in
                .group(.h2(.text(s.heading)), .forEach(s.blocks) { b in
                    switch b {
                    case .paragraph(let p): return .p(.class("indent"), .text(p))
                    case .chart(let c):
                        // Drawn again for a phone, as the dashboard's charts are.
                        var phone = c
                        phone.id = DashboardCharts.id(c.id, phone: true)
                        phone.width = DashboardCharts.phoneWidth
                        phone.labelEms = min(c.labelEms, 7)
                        return .div(.class("doc-chart"), .p(.class("chart-title"), .text(c.title)), DashboardCharts.sized(c.svg(), phone.svg()))
                    case .table(let t):
                        return .div(.class("table-wrap"), .table(
                            .thead(.tr(.forEach(t.header) { .th(.text($0)) })),
                            .tbody(.forEach(t.rows) { r in
                                .tr(.forEach(r) { c in
                                    .td(.class(c.number != nil ? "num" : c.keep ? "keep" : ""),
                                        c.link.map { .a(.href(attr(Layout.link($0, lang))), .text(c.text)) } ?? .text(c.text))
                                })
                            })))
                    }
                })
            },
            .unwrap(closing) { .p(.class("indent"), .text($0)) })
    }
}
