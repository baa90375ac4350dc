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
        /// How a workbook formats the number: two places for 亿元 and points, `0.0%` for a rate (the number then a fraction).
        var format: XLSXFormat = .plain
        enum XLSXFormat { case plain, twoPlaces, percent }

        init(_ text: String, link: String? = nil) { self.text = text; self.link = link; number = nil }
        static func unit(_ name: String, link: String? = nil) -> Cell { var c = Cell(name, link: link); c.keep = true; return c }
        init(number: Double, _ text: String) { self.text = text; link = nil; self.number = number }
        static func int(_ n: Int) -> Cell { Cell(number: Double(n), String(n)) }
        static func points(_ x: Double) -> Cell { var c = Cell(number: x, String(format: "%.2f", x)); c.format = .twoPlaces; return c }
        static func yi(_ yuan: Int64) -> Cell {
            var c = Cell(number: Money(yuan: yuan).rounded(in: .yi, places: 2), (Money(yuan: yuan)).yiText); c.format = .twoPlaces; return c
        }
        static func percent(_ x: Double) -> Cell { var c = Cell(number: (x * 1000).rounded() / 1000, Percent.text(x)); c.format = .percent; return c }

        /// The cell in a workbook: a number as a number in its format, a day as a date, else text.
        var xlsx: XLSXCell {
            guard let number else { return CalendarDate(iso: text).map(XLSXCell.date) ?? .text(text) }
            switch format {
            case .plain: return .number(ScoringScheme.format(number))
            case .twoPlaces: return .fixed2(String(format: "%.2f", number))
            case .percent: return .percent(String(format: "%.3f", number))
            }
        }
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
        /// A long list: its first `shown` rows in the body, with a sentence saying how many there
        /// are; the whole list as a 附件 (landscape when wide) after the body (GB/T 9704 7.3.7).
        /// `bodyColumns`: the columns the body shows, when the 附件's full width does not fit a portrait page.
        case list(Table, shown: Int, attachment: String, bodyColumns: [Int]? = nil)
    }

    struct Section {
        var heading: String
        var blocks: [Block]
    }

    /// 附件: a list that left the body.
    struct Attachment {
        var label: String
        var title: String
        var table: Table
        /// Five columns or more do not fit a portrait page's 28 characters.
        var landscape: Bool { table.header.count >= 5 }
    }

    /// 文件 (GB/T 9704 7.2: 发文机关标志 …文件, 发文字号, 主送机关) or 简报 (the bulletin's name in
    /// red, 第N期, the issuing office and the date over the red rule).
    enum Form { case file, brief }

    var form: Form = .brief
    /// The red name at the top: a 简报's own name, or 发文机关 + 文件.
    var letterhead: String
    var title: String
    /// 发文字号 or 期号, or （草稿）.
    var numberLine: String
    var issuer: String
    var date: String
    /// 主送机关 (a 文件): 各责任单位.
    var addressee: String?
    var intro: [String]
    var sections: [Section]
    var closing: String?
    /// 版记: 抄送 and 印发.
    var copyTo: String?
    var printer: String
    /// Tables of many columns (rankings, assessments): the screen gives them more width.
    var wide = false

    /// The parts every kind shares, from the district's style: a 简报 named `brief`, or a 文件 of
    /// the style's office numbered by the style's 代字 for `kind`.
    init(_ d: DocumentModel, style: DocumentStyle, brief: String?, title: String, date: String, addressee: String? = nil,
         intro: [String], sections: [Section], closing: String?, wide: Bool = false) {
        if let brief {
            form = .brief; letterhead = brief; numberLine = Self.numberLine(d)
        } else {
            form = .file; letterhead = style.office + "文件"
            if let year = d.numberYear, let seq = d.numberSeq, d.number != nil {
                numberLine = style.number(kind: d.kind, year: year, sequence: seq)
            } else {
                numberLine = "（草稿）"
            }
        }
        self.title = title; self.date = date; self.addressee = addressee; issuer = style.office
        self.intro = intro; self.sections = sections; self.closing = closing; self.wide = wide
        copyTo = style.copyTo.isEmpty ? nil : style.copyTo; printer = style.printer
    }

    /// The body's sections with each long list cut to its first rows, and the 附件 the whole lists become.
    func resolved() -> (sections: [Section], attachments: [Attachment]) {
        var attachments: [Attachment] = []
        let body = sections.map { s in
            Section(heading: s.heading, blocks: s.blocks.flatMap { b -> [Block] in
                guard case .list(let t, let shown, let title, let columns) = b else { return [b] }
                let picked = columns ?? Array(t.header.indices)
                var first = t
                first.header = picked.map { t.header[$0] }
                first.rows = t.rows.prefix(shown).map { row in picked.compactMap { row.indices.contains($0) ? row[$0] : nil } }
                guard t.rows.count > shown || columns != nil else { return [.table(t)] }
                let label = "附件\(attachments.count + 1)"
                attachments.append(Attachment(label: label, title: title, table: t))
                guard shown > 0 else { return [.paragraph("（\(title)见\(label)。）")] }
                guard t.rows.count > shown else { return [.table(first), .paragraph("（完整表格见\(label)。）")] }
                return [.table(first), .paragraph("（以上为前 \(shown) 项，共 \(t.rows.count) 项，完整清单见\(label)。）")]
            })
        }
        return (body, attachments)
    }

    /// The ledger filtered as a figure counts it: `/projects?year=2023&unit=区商务局`.
    static func ledger(year: Int, _ filters: [(String, String)] = []) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return Site.projects.link + "?year=\(year)" + filters.map { "&\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined()
    }

    /// A 简报's 期号 as issued (2023年第25期), or （草稿）.
    static func numberLine(_ d: DocumentModel) -> String { d.number ?? "（草稿）" }

    /// 一、二、… for numbered headings.
    static func ordinal(_ i: Int) -> String {
        let digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return i < digits.count ? digits[i] : String(i + 1)
    }

    /// Sections numbered in order, skipping none: a section without data is left out before numbering.
    static func numbered(_ sections: [Section]) -> [Section] {
        sections.enumerated().map { i, s in Section(heading: "\(ordinal(i))、\(s.heading)", blocks: s.blocks) }
    }

    /// The document as GB/T 9704 lays it out: 版头, 主体 (title, 主送, body, 附件说明, 署名 and
    /// date), the 附件 on pages of their own, and the 版记 at the foot of the last page.
    package func docx() -> [DocxBlock] {
        let (body, attachments) = resolved()
        var out: [DocxBlock] = [.letterhead(letterhead)]
        switch form {
        case .file: out += [.issueLine(numberLine)]
        case .brief: out += [.centered(numberLine), .issueLine(issuer, right: date)]
        }
        out += [.redRule, .title(title)]
        if let addressee { out.append(.plain(addressee + "：")) }
        out += intro.map(DocxBlock.paragraph)
        for s in body {
            out.append(.heading(s.heading))
            for (i, b) in s.blocks.enumerated() {
                switch b {
                case .paragraph(let p):
                    // A sentence ending in a colon introduces what follows: kept with it.
                    let leads = p.hasSuffix("：") && s.blocks.indices.contains(i + 1)
                    out.append(leads ? .lead(p) : .paragraph(p))
                case .table(let t), .list(let t, _, _, _): out.append(.grid(Self.docxTable(t)))
                // A chart's figures are in the section's table; Word gets the table alone.
                case .chart: continue
                }
            }
        }
        if let closing { out.append(.paragraph(closing)) }
        out.append(.attachmentNote(attachments.map(\.title)))
        if form == .file { out.append(.signature(office: issuer, date: date)) }
        for a in attachments {
            out += [.attachment(label: a.label, title: a.title, landscape: a.landscape), .grid(Self.docxTable(a.table))]
        }
        out.append(.imprint(copyTo: copyTo.map { $0 + "。" }, printer: printer, printed: date + "印发"))
        return out
    }

    /// A table's columns as Word should set them: figures right-aligned and whole; codes, dates
    /// and names of units whole; other text free to wrap.
    static func docxTable(_ t: Table) -> DocxTable {
        let columns = t.header.indices.map { i -> DocxTable.Column in
            let cells = t.rows.compactMap { $0.indices.contains(i) ? $0[i] : nil }.filter { $0.text != "—" && !$0.text.isEmpty }
            if !cells.isEmpty, cells.allSatisfy({ $0.number != nil }) { return .number }
            // Chinese text (a unit's name too) may break between characters; codes and dates may not.
            let whole = cells.allSatisfy { c in TextWidth.ems(c.text) <= 14 && !c.text.unicodeScalars.contains { TextWidth.ems(String($0)) >= 1 } }
            return !cells.isEmpty && whole ? .kept : .text
        }
        return DocxTable(header: t.header, rows: t.rows.map { $0.map(\.text) }, columns: columns)
    }

    func sheets() -> [XLSXSheet] {
        sections.flatMap(\.blocks).compactMap { b -> XLSXSheet? in
            switch b {
            case .table(let t), .list(let t, _, _, _):
                return XLSXSheet(name: t.sheet, header: t.header, rows: t.rows.map { $0.map(\.xlsx) }, title: "\(title.replacingOccurrences(of: "\n", with: ""))（\(t.sheet)）")
            case .paragraph, .chart: return nil
            }
        }
    }

    func html(_ lang: UILanguage) -> Node<HTML.BodyContext> {
        let (body, attachments) = resolved()
        // The document as the office issues it, in Chinese whatever the reader's language: the
        // same 版头, body, 附件 and 版记 as the .docx.
        return .div(.class(wide ? "packet-page official wide" : "packet-page official"), .attribute(named: "lang", value: "zh-CN"), .attribute(named: "translate", value: "no"),
            .div(.class("doc-head"),
                .p(.class("doc-letterhead"), .text(letterhead)),
                form == .brief
                    ? .group(.p(.class("doc-issue"), .text(numberLine)),
                             .p(.class("doc-issue-line"), .span(.text(issuer)), .span(.text(date))))
                    : .p(.class("doc-issue"), .text(numberLine))),
            .h1(.class("doc-title"), .text(title)),
            .unwrap(addressee) { .p(.text($0 + "：")) },
            .forEach(intro) { .p(.class("indent"), .text($0)) },
            .forEach(body) { s in .group(.h2(.text(s.heading)), .forEach(s.blocks) { b in block(b, lang) }) },
            .unwrap(closing) { .p(.class("indent"), .text($0)) },
            .if(!attachments.isEmpty, .div(.class("doc-attachments-note"),
                .forEach(Array(attachments.enumerated())) { i, a in
                    .p(.text((i == 0 ? "附件：" : "") + (attachments.count > 1 ? "\(i + 1). " : "") + a.title))
                })),
            .if(form == .file, .div(.class("doc-signature"), .p(.text(issuer)), .p(.text(date)))),
            .forEach(attachments) { a in
                .div(.class(a.landscape ? "doc-attachment landscape" : "doc-attachment"),
                     .p(.class("doc-attachment-label"), .text(a.label)), .h2(.class("doc-attachment-title"), .text(a.title)),
                     table(a.table, lang))
            },
            .div(.class("doc-imprint"),
                .unwrap(copyTo) { .p(.text("抄送：\($0)。")) },
                .p(.class("doc-imprint-line"), .span(.text(printer)), .span(.text(date + "印发")))))
    }

    func block(_ b: Block, _ lang: UILanguage) -> Node<HTML.BodyContext> {
        switch b {
        case .paragraph(let p): return .p(.class("indent"), .text(p))
        case .chart(let c):
            // Drawn again for a phone, as the dashboard's charts are.
            var phone = c
            phone.id = DashboardCharts.id(c.id, phone: true)
            phone.width = DashboardCharts.phoneWidth
            phone.labelEms = min(c.labelEms, 7)
            return .div(.class("doc-chart"), .p(.class("chart-title"), .text(c.title)), DashboardCharts.sized(c.svg(), phone.svg()))
        case .table(let t), .list(let t, _, _, _): return table(t, lang)
        }
    }

    func table(_ t: Table, _ lang: UILanguage) -> Node<HTML.BodyContext> {
        let kept = Self.docxTable(t).columns
        return .div(.class("table-wrap"), .table(
            .thead(.tr(.forEach(t.header) { .th(.text($0)) })),
            .tbody(.forEach(t.rows) { r in
                .tr(.forEach(Array(r.enumerated())) { i, c in
                    .td(.class(c.number != nil ? "num" : (kept.indices.contains(i) && kept[i].keep) || c.keep ? "keep" : ""),
                        c.link.map { .a(.href(attr(Layout.link($0, lang))), .text(c.text)) } ?? .text(c.text))
                })
            })))
    }
}
