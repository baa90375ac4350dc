import BallastCharts
import Foundation
import ZIPFoundation

/// One block of an official document, in the order it reads. The names are those of GB/T
/// 9704-2012 (党政机关公文格式); `docs/DOCUMENTS.md` gives the clause each follows.
public enum DocxBlock: Sendable, Equatable {
    /// 发文机关标志 (7.2.3) or a 简报's name: red, centred, as large as fits one line.
    case letterhead(String)
    /// The line under the letterhead and above the red rule: 发文字号 centred (7.2.4), or a
    /// 简报's issuing office flush left and its date flush right (`right`).
    case issueLine(String, right: String? = nil)
    /// 版头中的分隔线 (7.2.6): red, the width of the text block.
    case redRule
    /// The document's title (7.3.1): 二号小标宋, centred.
    case title(String)
    /// Centred under the title: a 期号, a date line.
    case centered(String)
    /// 一、… : 黑体 (7.3.3, first level).
    case heading(String)
    /// （一）… : 楷体 (second level).
    case subheading(String)
    /// Body text, first line indented two characters.
    case paragraph(String)
    /// Body text that introduces the table after it, kept on the same page as the table.
    case lead(String)
    /// Flush left, no indent: 主送机关 (区住建局：).
    case plain(String)
    /// Flush right: a line under the text.
    case right(String)
    /// 附件说明 (7.3.4): 附件：1. … under the body, numbered when more than one.
    case attachmentNote([String])
    /// 发文机关署名 and 成文日期 (7.3.5.2): the date four characters in from the right edge, the
    /// office centred over it.
    case signature(office: String, date: String)
    /// A table across the text width, columns sized by their content.
    case grid(DocxTable)
    /// 附件 (7.3.7, 8): a new page — landscape for a wide list — headed 附件N and its title.
    case attachment(label: String, title: String, landscape: Bool)
    /// 版记 (7.4): 抄送, then 印发机关 and 印发日期, between rules, at the foot of the last page.
    case imprint(copyTo: String?, printer: String, printed: String)
    case pageBreak

    /// A plain table: left-aligned columns, nothing kept whole.
    public static func table(header: [String], rows: [[String]]) -> DocxBlock {
        .grid(DocxTable(header: header, rows: rows))
    }
}

/// A table of a document: its columns say how they align and whether a cell may break.
public struct DocxTable: Sendable, Equatable {
    public enum Align: String, Sendable { case left, center, right }

    public struct Column: Sendable, Equatable {
        public var align: Align
        /// Never broken across lines: codes, dates, numbers, a unit's name.
        public var keep: Bool
        public init(align: Align = .left, keep: Bool = false) { self.align = align; self.keep = keep }
        public static let text = Column()
        public static let kept = Column(keep: true)
        public static let number = Column(align: .right, keep: true)
    }

    public var header: [String]
    public var rows: [[String]]
    public var columns: [Column]

    public init(header: [String], rows: [[String]], columns: [Column]? = nil) {
        self.header = header; self.rows = rows
        self.columns = columns ?? header.map { _ in Column.text }
    }
}

/// Writes a .docx (WordprocessingML) laid out to GB/T 9704-2012: A4, the 156 × 225 mm text
/// block, 仿宋 三号 on a grid of 22 lines of 28 characters, red letterhead and rule, page
/// numbers `— 1 —` at the outer edges, landscape 附件 sections. Our own XML over ZIPFoundation,
/// so the output is the same bytes for the same blocks.
public enum DocxWriter {
    /// What will lay the file out. LibreOffice (our PDFs) keeps a floating table in the text
    /// flow when it is as wide as the text block, so the 版记 would follow the last line instead
    /// of standing at the foot of the page; for it the 版记 is drawn `imprintInset` narrower
    /// (centred, 2.5 mm short at each side), which it does float. Word and WPS get the full width.
    public enum Reader: Sendable { case word, libreOffice }

    /// Twips the 版记 is narrowed by for LibreOffice (measured with 7.4: at 8 560 of 8 844 it
    /// floats, at 8 600 it does not).
    static let imprintInset = 290

    public static func write(_ blocks: [DocxBlock], for reader: Reader = .word) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try XLSXWriter.add(archive, "[Content_Types].xml", contentTypes)
        try XLSXWriter.add(archive, "_rels/.rels", rootRels)
        try XLSXWriter.add(archive, "word/document.xml", document(blocks, for: reader))
        try XLSXWriter.add(archive, "word/_rels/document.xml.rels", documentRels)
        try XLSXWriter.add(archive, "word/styles.xml", styles)
        try XLSXWriter.add(archive, "word/settings.xml", settings)
        try XLSXWriter.add(archive, "word/fontTable.xml", fontTable)
        try XLSXWriter.add(archive, "word/footer1.xml", footer(odd: true))
        try XLSXWriter.add(archive, "word/footer2.xml", footer(odd: false))
        guard let data = archive.data else { throw OfficeError.notAnXLSX("write failed") }
        return data
    }

    // MARK: The page (GB/T 9704 5.2.1, 5.2.2, 7.1)

    /// Twentieths of a point per millimetre.
    static func twips(mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }

    /// A4 portrait: 210 × 297 mm; 天头 37 mm, 订口 28 mm; the text block 156 × 225 mm.
    static let pageWidth = 11906, pageHeight = 16838
    static let top = twips(mm: 37), left = twips(mm: 28), right = twips(mm: 26), bottom = twips(mm: 35)
    static let textWidth = twips(mm: 156)
    /// The landscape 附件: the same margins turned, so the text block is 225 × 156 mm.
    static let landscapeTextWidth = twips(mm: 225)
    /// 22 lines in 225 mm.
    static let linePitch = Int((Double(twips(mm: 225)) / 22).rounded(.down))
    /// 28 characters of 三号 (16 pt) in 156 mm: each character set 0.2 pt closer (twentieths of
    /// a point). A character grid (`docGrid linesAndChars`) would say the same to Word, but
    /// LibreOffice gives every digit and Latin letter a whole grid cell, spreading figures apart.
    static let bodyTracking = Int(((156 / 25.4 * 72 / 28) - 16) * 20)

    // MARK: Fonts (GB/T 9704 5.2.3, 7)

    /// The fonts the standard names, with what a machine without them shows instead: Linux has
    /// Noto CJK (`fonts-noto-cjk`), serif for the 宋/仿宋/楷 faces and sans for 黑体.
    public enum Face: String, Sendable, CaseIterable {
        case fangsong = "仿宋_GB2312"
        case heiti = "黑体"
        case kaiti = "楷体_GB2312"
        case xiaobiaosong = "方正小标宋简体"
        case songti = "宋体"

        var fallback: String { self == .heiti ? "Noto Sans CJK SC" : "Noto Serif CJK SC" }
        /// Other names the same face goes by on Windows and newer systems.
        var alternatives: [String] {
            switch self {
            case .fangsong: ["FangSong_GB2312", "仿宋", "FangSong"]
            case .heiti: ["SimHei"]
            case .kaiti: ["KaiTi_GB2312", "楷体", "KaiTi"]
            case .xiaobiaosong: ["FZXiaoBiaoSong-B05S"]
            case .songti: ["SimSun"]
            }
        }
        var serif: Bool { self != .heiti }
    }

    /// Sizes in half points: 初号 42, 二号 22, 三号 16, 四号 14, 小四 12.
    static let size2 = 44, size3 = 32, size4 = 28
    public static let tableSize = 24

    static let ns = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    static func run(_ text: String, bold: Bool = false, size: Int? = nil, face: Face? = nil, color: String? = nil) -> String {
        var props = ""
        if let face { props += #"<w:rFonts w:ascii="\#(face.rawValue)" w:hAnsi="\#(face.rawValue)" w:eastAsia="\#(face.rawValue)"/>"# }
        if bold { props += "<w:b/>" }
        if let color { props += #"<w:color w:val="\#(color)"/>"# }
        if size == size3 { props += #"<w:spacing w:val="\#(bodyTracking)"/>"# }
        if let size { props += #"<w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/>"# }
        return "<w:r>" + (props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>") + #"<w:t xml:space="preserve">\#(XLSXWriter.escape(text))</w:t></w:r>"#
    }

    /// Where a line may break in a table's text: between Chinese characters and at spaces, never
    /// inside a run of Latin letters, digits and the signs figures are written with (a code
    /// `EQ2023-0128`, `8.0%`, `1,234.5`), and never before a closing mark (，。；、）…), which
    /// stays with what it closes.
    public static func wrapped(_ text: String, ems room: Double) -> [String] {
        guard room > 1, TextWidth.ems(text) > room else { return [text] }
        let closing = Set("，。；：、）》」』”’！？%,.;:)")
        var tokens: [String] = []
        var word = ""
        for ch in text {
            if ch.isASCII && !ch.isWhitespace { word.append(ch); continue }
            if !word.isEmpty { tokens.append(word); word = "" }
            if closing.contains(ch), !tokens.isEmpty { tokens[tokens.count - 1].append(ch) } else { tokens.append(String(ch)) }
        }
        if !word.isEmpty { tokens.append(word) }
        var lines: [String] = []
        var current = "", width = 0.0
        for token in tokens {
            let w = TextWidth.ems(token)
            if width + w > room && !current.trimmingCharacters(in: .whitespaces).isEmpty {
                lines.append(current.trimmingCharacters(in: .whitespaces))
                current = ""; width = 0
            }
            if current.isEmpty && token == " " { continue }
            current += token; width += w
        }
        if !current.isEmpty { lines.append(current.trimmingCharacters(in: .whitespaces)) }
        return lines
    }

    struct Para {
        var align: String?
        var firstLineChars = 0
        var leftTwips = 0, rightTwips = 0
        /// Exact line height in twips; nil keeps the grid's line.
        var line: Int?
        var before = 0, after = 0
        var border: String?
        var keepNext = false
        var tabs: [(kind: String, pos: Int)] = []
        /// Off the page's line grid: a table's smaller lines and the letterhead keep their own height.
        var grid = true

        var xml: String {
            var p = ""
            // In the order WordprocessingML's schema gives them: Word refuses a file that is not.
            if keepNext { p += "<w:keepNext/>" }
            if let border { p += "<w:pBdr>\(border)</w:pBdr>" }
            if !tabs.isEmpty { p += "<w:tabs>" + tabs.map { #"<w:tab w:val="\#($0.kind)" w:pos="\#($0.pos)"/>"# }.joined() + "</w:tabs>" }
            // Closing marks stay inside the text block (no 标点悬挂 into the margin).
            p += #"<w:overflowPunct w:val="0"/>"#
            if !grid { p += #"<w:snapToGrid w:val="0"/>"# }
            p += #"<w:spacing w:before="\#(before)" w:after="\#(after)""# + (line.map { #" w:line="\#($0)" w:lineRule="exact""# } ?? "") + "/>"
            if firstLineChars > 0 || leftTwips > 0 || rightTwips > 0 {
                p += "<w:ind" + (leftTwips > 0 ? #" w:left="\#(leftTwips)""# : "") + (rightTwips > 0 ? #" w:right="\#(rightTwips)""# : "")
                    + (firstLineChars > 0 ? #" w:firstLineChars="\#(firstLineChars * 100)" w:firstLine="\#(firstLineChars * 320)""# : "") + "/>"
            }
            if let align { p += #"<w:jc w:val="\#(align)"/>"# }
            return "<w:pPr>\(p)</w:pPr>"
        }
    }

    static func paragraph(_ runs: String, _ p: Para = Para()) -> String { "<w:p>\(p.xml)\(runs)</w:p>" }

    static func text(_ s: String, _ p: Para = Para(), size: Int = size3, face: Face = .fangsong, bold: Bool = false, color: String? = nil) -> String {
        paragraph(run(s, bold: bold, size: size, face: face, color: color), p)
    }

    static let empty = paragraph("")

    // MARK: Blocks

    /// The letterhead's size: as large as 初号 (42 pt) where the name fits one line of the text
    /// block, smaller for a long name.
    static func letterheadSize(_ s: String) -> Int {
        let ems = max(1, TextWidth.ems(s))
        let fits = Double(textWidth) / 20 / ems * 0.96
        return max(28, min(84, Int(fits * 2)))
    }

    static func block(_ block: DocxBlock, width: Int) -> String {
        switch block {
        case .letterhead(let name):
            return text(name, Para(align: "center", after: 240, grid: false), size: letterheadSize(name), face: .xiaobiaosong, color: "FF0000")
        case .issueLine(let left, let right):
            guard let right else { return text(left, Para(align: "center", after: 0)) }
            return paragraph(run(left, size: size3, face: .fangsong) + "<w:r><w:tab/></w:r>" + run(right, size: size3, face: .fangsong),
                             Para(leftTwips: 320, rightTwips: 320, tabs: [("right", width - 640)]))
        case .redRule:
            // A paragraph of no height whose bottom border is the rule (0.35 mm ≈ 1 pt: sz 8 eighths).
            return paragraph("", Para(line: 120, after: 0, border: #"<w:bottom w:val="single" w:sz="12" w:space="1" w:color="FF0000"/>"#))
        case .title(let t):
            // Lines as the title gives them ("\n"): a title is broken where its sense breaks.
            let runs = t.split(separator: "\n").map { run(String($0), size: size2, face: .xiaobiaosong) }.joined(separator: "<w:r><w:br/></w:r>")
            return empty + paragraph(runs, Para(align: "center", line: 700, after: 0)) + empty
        case .centered(let t): return text(t, Para(align: "center"))
        case .heading(let t): return text(t, Para(firstLineChars: 2, keepNext: true), face: .heiti)
        case .subheading(let t): return text(t, Para(firstLineChars: 2, keepNext: true), face: .kaiti)
        case .paragraph(let t): return text(t, Para(align: "both", firstLineChars: 2))
        case .lead(let t): return text(t, Para(align: "both", firstLineChars: 2, keepNext: true))
        case .plain(let t): return text(t)
        case .right(let t): return text(t, Para(align: "right", rightTwips: 4 * 320))
        case .attachmentNote(let names):
            guard !names.isEmpty else { return "" }
            // 附件：1. 名称 — later lines under the first name (the colon's width on).
            let label = "附件："
            let indent = 2 * 320 + 3 * 320
            var out = empty
            for (i, name) in names.enumerated() {
                let item = names.count > 1 ? "\(i + 1). \(name)" : name
                out += paragraph(run(i == 0 ? label + item : item, size: size3, face: .fangsong),
                                 Para(firstLineChars: 0, leftTwips: i == 0 ? 2 * 320 : indent))
            }
            return out
        case .signature(let office, let date):
            // The date four characters in from the right; the office centred over the date.
            let dateEms = TextWidth.ems(date), officeEms = TextWidth.ems(office)
            let officeRight = max(0, 4 * 320 + Int((dateEms - officeEms) / 2 * 320))
            return empty + text(office, Para(align: "right", rightTwips: officeRight)) + text(date, Para(align: "right", rightTwips: 4 * 320))
        case .grid(let t): return table(t, width: width)
        case .attachment(let label, let title, _):
            // The section break comes before (see `document`); here the 附件N label and title.
            return text(label, Para(), face: .heiti) + text(title, Para(align: "center", after: 0), size: size2, face: .xiaobiaosong) + empty
        case .imprint(let copyTo, let printer, let printed):
            return imprint(copyTo: copyTo, printer: printer, printed: printed, width: width)
        case .pageBreak: return #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
        }
    }

    // MARK: Tables

    /// Column widths in twips that fill `width`: each column first gets what its longest
    /// unbreakable piece needs (a whole cell where it is kept), then the rest goes to the
    /// columns whose text would otherwise wrap, in proportion to how much they want.
    public static func columnWidths(_ t: DocxTable, width: Int, size: Int = tableSize) -> [Int] {
        let em = Double(size) * 10          // half points → twips: 12 pt = 240 twips
        let padding = cellPadding
        let n = t.header.count
        guard n > 0 else { return [] }
        var minimum = [Double](repeating: 0, count: n), wanted = [Double](repeating: 0, count: n), loose = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let column = t.columns.indices.contains(i) ? t.columns[i] : .text
            let cells = [t.header[i]] + t.rows.map { $0.indices.contains(i) ? $0[i] : "" }
            var least = 2.0, most = 2.0, loosest = 2.0
            for (k, c) in cells.enumerated() where k > 0 {
                let whole = TextWidth.ems(c)
                most = max(most, whole)
                // A kept cell may not break; text breaks between characters but never inside a
                // run of Latin letters and digits (a code, a figure).
                let piece = longestUnbreakable(c)
                least = max(least, column.keep ? whole : piece)
                loosest = max(loosest, piece)
            }
            // Chinese text breaks anywhere, but not into columns of two or three characters.
            if !column.keep { least = max(least, min(most, 5)) }
            // A header wraps onto two lines before it widens its column past the figures under it.
            let header = TextWidth.ems(t.header[i])
            least = max(least, min(longestUnbreakable(t.header[i]), 4))
            most = max(most, min(header, max(most, (header / 2).rounded(.up))))
            minimum[i] = least * em + padding
            wanted[i] = max(most * em + padding, minimum[i])
            loose[i] = max(loosest, min(header, 4)) * em + padding
        }
        let total = Double(width)
        // Too many whole cells for the width: Chinese text in kept columns (a unit's long name)
        // may break between characters after all, before anything else is squeezed.
        if minimum.reduce(0, +) > total {
            for i in 0..<n where minimum[i] > loose[i] && t.rows.contains(where: { $0.indices.contains(i) && TextWidth.ems($0[i]) > longestUnbreakable($0[i]) }) {
                minimum[i] = max(loose[i], 5 * em + padding)
            }
        }
        let sumMin = minimum.reduce(0, +)
        var out: [Double]
        if sumMin >= total {
            out = minimum.map { $0 * total / sumMin }
        } else {
            let spare = total - sumMin
            let want = zip(wanted, minimum).map { $0 - $1 }
            let sumWant = want.reduce(0, +)
            if sumWant <= spare {
                // Everything fits on one line: the rest spread in proportion to the widths.
                let extra = spare - sumWant
                let sumWanted = wanted.reduce(0, +)
                out = wanted.map { $0 + extra * $0 / max(sumWanted, 1) }
            } else {
                out = zip(minimum, want).map { $0 + spare * $1 / max(sumWant, 1) }
            }
        }
        var widths = out.map { Int($0.rounded(.up)) }
        // Rounding up takes a few twips too many: the widest column gives them back (it is never
        // one sized to a whole code), so the table is the text width exactly.
        if let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) { widths[widest] += width - widths.reduce(0, +) }
        return widths
    }

    /// The longest run a line may not break inside, in ems: Latin letters, digits and the
    /// punctuation inside figures and codes (`EQ2023-0001`, `1,234.56`, `2023-06-25`, `82.49%`).
    static func longestUnbreakable(_ s: String) -> Double {
        var longest = 0.0, current = 0.0
        for u in s.unicodeScalars {
            if u.properties.isWhitespace { longest = max(longest, current); current = 0; continue }
            let wide = TextWidth.ems(String(u)) >= 1
            if wide {
                longest = max(longest, current, 1)
                current = 0
            } else {
                current += TextWidth.ems(String(u))
            }
        }
        return max(longest, current)
    }

    /// A cell's margins (108 twips a side) and a hair for the borders.
    static let cellPadding = 2.0 * 108 + 30

    /// A table this short stays on one page (each row kept with the next) rather than leave a
    /// row or two at the foot of a page.
    static let keptTogether = 12

    static func table(_ t: DocxTable, width: Int) -> String {
        let widths = columnWidths(t, width: width)
        let together = t.rows.count <= keptTogether
        func cell(_ text: String, _ i: Int, header: Bool) -> String {
            let column = t.columns.indices.contains(i) ? t.columns[i] : .text
            let align = header ? "center" : column.align.rawValue
            // Text longer than its column is broken here, between characters or at spaces but
            // never inside a figure or a code: left to itself, LibreOffice breaks `8.0%` as `8.` / `0%`.
            let room = (Double(widths[i]) - cellPadding) / (Double(tableSize) * 10) * 0.96
            let lines = header || column.keep ? [text] : wrapped(text, ems: room)
            let runs = lines.map { run($0, bold: header, size: tableSize, face: header ? .heiti : .fangsong) }.joined(separator: "<w:r><w:br/></w:r>")
            return #"<w:tc><w:tcPr><w:tcW w:w="\#(widths[i])" w:type="dxa"/>"# + (column.keep && !header ? "<w:noWrap/>" : "") + #"<w:vAlign w:val="center"/></w:tcPr>"#
                + paragraph(runs,
                            Para(align: align, line: 340, before: 20, after: 20, keepNext: together, grid: false))
                + "</w:tc>"
        }
        let border = #"w:val="single" w:sz="4" w:space="0" w:color="000000""#
        var out = #"<w:tbl><w:tblPr><w:tblW w:w="\#(width)" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>"#
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
            + #"</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#
            + widths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        // The header row repeats on every page a long table runs onto; no row splits across pages.
        out += #"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"# + t.header.indices.map { cell(t.header[$0], $0, header: true) }.joined() + "</w:tr>"
        for row in t.rows {
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + t.header.indices.map { cell(row.indices.contains($0) ? row[$0] : "", $0, header: false) }.joined() + "</w:tr>"
        }
        return out + "</w:tbl>" + paragraph("", Para(line: 280))
    }

    /// 版记: a table anchored to the foot of the page, its top and bottom rules thicker than the
    /// one between 抄送 and 印发 (7.4.1).
    static func imprint(copyTo: String?, printer: String, printed: String, width full: Int, inset: Int = 0) -> String {
        let width = full - inset
        let thick = #"w:val="single" w:sz="8" w:space="0" w:color="000000""#
        let thin = #"w:val="single" w:sz="4" w:space="0" w:color="000000""#
        let nothing = #"w:val="nil""#
        func row(_ content: String, bottom: String) -> String {
            #"<w:tr><w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/><w:tcBorders><w:bottom \#(bottom)/></w:tcBorders></w:tcPr>"#
                + content + "</w:tc></w:tr>"
        }
        var rows = ""
        if let copyTo, !copyTo.isEmpty {
            rows += row(paragraph(run("抄送：\(copyTo)", size: size4, face: .fangsong), Para(leftTwips: 280, rightTwips: 280, line: 500, grid: false)), bottom: thin)
        }
        rows += row(paragraph(run(printer, size: size4, face: .fangsong) + "<w:r><w:tab/></w:r>" + run(printed, size: size4, face: .fangsong),
                              Para(leftTwips: 280, rightTwips: 280, line: 500, tabs: [("right", width - 2 * 108 - 280)], grid: false)), bottom: thick)
        return #"<w:tbl><w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" w:vertAnchor="margin" w:horzAnchor="margin" w:tblpXSpec="center" w:tblpYSpec="bottom"/>"#
            + #"<w:tblW w:w="\#(width)" w:type="dxa"/><w:tblBorders><w:top \#(thick)/><w:left \#(nothing)/><w:bottom \#(thick)/><w:right \#(nothing)/>"#
            + #"<w:insideH \#(thin)/><w:insideV \#(nothing)/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>"#
            + #"<w:tblGrid><w:gridCol w:w="\#(width)"/></w:tblGrid>"# + rows + "</w:tbl>" + empty
    }

    // MARK: The document

    static func section(landscape: Bool) -> String {
        let size = landscape ? #"<w:pgSz w:w="\#(pageHeight)" w:h="\#(pageWidth)" w:orient="landscape"/>"# : #"<w:pgSz w:w="\#(pageWidth)" w:h="\#(pageHeight)"/>"#
        // Turned, the binding edge (订口) is at the top: 28 mm there, 37 mm at the left.
        let margins = landscape
            ? #"<w:pgMar w:top="\#(left)" w:right="\#(bottom)" w:bottom="\#(right)" w:left="\#(top)" w:header="851" w:footer="\#(twips(mm: 12))" w:gutter="0"/>"#
            : #"<w:pgMar w:top="\#(top)" w:right="\#(right)" w:bottom="\#(bottom)" w:left="\#(left)" w:header="851" w:footer="\#(twips(mm: 23))" w:gutter="0"/>"#
        return #"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>"#
            + size + margins + #"<w:docGrid w:type="lines" w:linePitch="\#(linePitch)"/></w:sectPr>"#
    }

    static func document(_ blocks: [DocxBlock], for reader: Reader = .word) -> String {
        var body = ""
        var landscape = false
        for block in blocks {
            if case .attachment(_, _, let turn) = block {
                // The section so far ends here; the 附件 begins on a page of its own.
                body += "<w:p><w:pPr>\(section(landscape: landscape))</w:pPr></w:p>"
                landscape = turn
            }
            if case .imprint(let copyTo, let printer, let printed) = block {
                if landscape {
                    // The 版记 is on the document's last page, upright (7.4.1): after a landscape
                    // 附件 it begins an upright page of its own. That page holds a line of text
                    // too, or LibreOffice folds a section holding only a floating table into the
                    // one before. (Not an even-page break: LibreOffice ignores those, so the
                    // PDF and the .docx would differ by a page.)
                    body += "<w:p><w:pPr>\(section(landscape: true))</w:pPr></w:p>" + #"<w:p><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>"#
                    landscape = false
                }
                body += imprint(copyTo: copyTo, printer: printer, printed: printed, width: textWidth, inset: reader == .libreOffice ? imprintInset : 0)
                continue
            }
            body += self.block(block, width: landscape ? landscapeTextWidth : textWidth)
        }
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:document \(ns)><w:body>\(body)\(section(landscape: landscape))</w:body></w:document>"
    }

    /// "— 1 —" in 四号宋体, one character in from the outer edge: right on odd pages, left on even (7.5).
    static func footer(odd: Bool) -> String {
        let field = #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#
            + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        let props = #"<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>"#
        let runs = "<w:r>\(props)<w:t xml:space=\"preserve\">— </w:t></w:r>" + field.replacingOccurrences(of: "<w:r>", with: "<w:r>\(props)")
            + "<w:r>\(props)<w:t xml:space=\"preserve\"> —</w:t></w:r>"
        let indent = odd ? #"<w:ind w:right="280"/>"# : #"<w:ind w:left="280"/>"#
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:ftr \(ns)>"
            + #"<w:p><w:pPr>\#(indent)<w:jc w:val="\#(odd ? "right" : "left")"/></w:pPr>\#(runs)</w:p></w:ftr>"#
    }

    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:styles \(ns)>"
        + #"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="\#(Face.fangsong.rawValue)" w:hAnsi="\#(Face.fangsong.rawValue)" w:eastAsia="\#(Face.fangsong.rawValue)"/><w:sz w:val="32"/><w:szCs w:val="32"/>"#
        + #"<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:overflowPunct w:val="0"/><w:snapToGrid w:val="1"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#

    /// Odd and even pages have their own footers; the grid is the one the sections name.
    static let settings = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:settings \(ns)>"
        + #"<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/></w:settings>"#

    /// Each face with the Noto face shown where it is not installed (`w:altName`), and its family
    /// and pitch, so a program choosing a substitute picks a serif for 仿宋 and a sans for 黑体.
    static let fontTable = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:fonts \(ns)>"
        + Face.allCases.map { f in
            #"<w:font w:name="\#(f.rawValue)"><w:altName w:val="\#(f.fallback)"/><w:charset w:val="86"/><w:family w:val="\#(f.serif ? "roman" : "modern")"/><w:pitch w:val="fixed"/></w:font>"#
        }.joined()
        + Set(Face.allCases.map(\.fallback)).sorted().map { #"<w:font w:name="\#($0)"><w:charset w:val="86"/><w:family w:val="\#($0.contains("Serif") ? "roman" : "swiss")"/></w:font>"# }.joined()
        + "</w:fonts>"

    static let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + #"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#
        + #"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#
        + #"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#
        + #"<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#

    static let rootRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#

    static let documentRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        + #"<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#
        + #"<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>"#
        + #"<Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#
        + #"<Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>"#

    public static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
}
