import BallastCharts
import BallastCore
import Foundation
import ZIPFoundation

/// One cell of a sheet to be written.
public enum XLSXCell: Sendable, Equatable {
    case empty
    case text(String)
    /// A decimal written exactly as given (e.g. "12345.67"), stored as an Excel number and
    /// displayed with up to 4 decimals (万元 to the yuan).
    case number(String)
    /// A decimal displayed with up to 6 decimals: programs that save what is shown (LibreOffice's
    /// CSV export) must not round a site's coordinates.
    case preciseNumber(String)
    case date(CalendarDate)
    /// A figure with thousands separated and two decimals (`#,##0.00`): 亿元 and points in a document's tables.
    case fixed2(String)
    /// A fraction shown as a percentage with one decimal (`0.0%`): 0.294 → 29.4%.
    case percent(String)
}

/// One sheet of a workbook: a bold header row, then the rows.
public struct XLSXSheet: Sendable, Equatable {
    public var name: String
    public var header: [String]
    public var rows: [[XLSXCell]]
    public var columnWidths: [Int]
    /// Printed at the top of every page (the document's or the export's title); the sheet's name when nil.
    public var title: String?

    public init(name: String, header: [String], rows: [[XLSXCell]], columnWidths: [Int] = [], title: String? = nil) {
        self.name = name; self.header = header; self.rows = rows; self.columnWidths = columnWidths; self.title = title
    }

    /// Widths in Excel's units (a digit of the default font; a Chinese character takes two),
    /// fitted to the header and the first thousand rows, between 6 and 60.
    public var fittedWidths: [Int] {
        header.indices.map { i in
            let cells = [header[i]] + rows.prefix(1000).map { $0.indices.contains(i) ? $0[i].plainText : "" }
            let widest = cells.map { c in c.unicodeScalars.reduce(0.0) { $0 + (TextWidth.ems(String($1)) >= 1 ? 2.1 : 1.15) } }.max() ?? 0
            return max(6, min(60, Int(widest.rounded(.up)) + 2))
        }
    }
}

extension XLSXCell {
    /// The cell as text: what a CSV writes, and what a column's width is fitted to.
    public var plainText: String {
        switch self {
        case .empty: ""
        case .text(let s), .number(let s), .preciseNumber(let s): s
        case .fixed2(let s): s.contains(".") ? s : s + ".00"
        case .percent(let s): (Double(s).map { String(format: "%.1f%%", $0 * 100) }) ?? s
        case .date(let d): d.iso
        }
    }
}

/// Writes an .xlsx workbook: the parts Excel, WPS and LibreOffice need and nothing else. Text
/// goes in inline strings so a row is written once, in order, without building a
/// shared-string table in memory first.
public enum XLSXWriter {
    public static func write(sheetName: String, header: [String], rows: [[XLSXCell]],
                             columnWidths: [Int] = []) throws -> Data {
        try write([XLSXSheet(name: sheetName, header: header, rows: rows, columnWidths: columnWidths)])
    }

    /// A workbook of several sheets, in order (names cut to Excel's 31 characters).
    public static func write(_ sheets: [XLSXSheet]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try add(archive, "[Content_Types].xml", contentTypes(sheets.count))
        try add(archive, "_rels/.rels", rootRels)
        try add(archive, "xl/workbook.xml", workbook(sheets.map(\.name)))
        try add(archive, "xl/_rels/workbook.xml.rels", workbookRels(sheets.count))
        try add(archive, "xl/styles.xml", styles)
        for (i, s) in sheets.enumerated() {
            try add(archive, "xl/worksheets/sheet\(i + 1).xml", sheet(s))
        }
        guard let data = archive.data else { throw OfficeError.notAnXLSX("write failed") }
        return data
    }

    static func add(_ archive: Archive, _ path: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             modificationDate: Date(timeIntervalSince1970: 1_700_000_000),
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// Style 0: default; 1: bold header; 2: date (yyyy-mm-dd); 3: up to 4 decimals; 4: up to 6
    /// decimals; 5: `#,##0.00`; 6: `0.0%`.
    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
    <numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.####"/><numFmt numFmtId="166" formatCode="0.######"/><numFmt numFmtId="167" formatCode="0.0%"/></numFmts>
    <fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="2"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="2"/></font></fonts>
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
    <cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
    </styleSheet>
    """

    /// A sheet that prints: the header frozen on screen and repeated on paper (the workbook's
    /// `Print_Titles`), columns fitted to their content, one page wide (landscape when wide),
    /// the title at the top of each page and the page number at the foot.
    static func sheet(_ s: XLSXSheet) -> String {
        let widths = s.columnWidths.isEmpty ? s.fittedWidths : s.columnWidths
        // About 95 digits fit across a portrait A4 page at the default size.
        let landscape = widths.reduce(0, +) > 95
        var out = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>
        <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
        """
        out.reserveCapacity(200 + s.rows.count * s.header.count * 40)
        if !widths.isEmpty {
            out += "<cols>"
            for (i, w) in widths.enumerated() { out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>" }
            out += "</cols>"
        }
        out += "<sheetData>"
        appendRow(&out, number: 1, cells: s.header.map(XLSXCell.text), style: 1)
        for (i, row) in s.rows.enumerated() { appendRow(&out, number: i + 2, cells: row, style: 0) }
        out += "</sheetData>"
        out += #"<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        out += #"<pageSetup paperSize="9" orientation="\#(landscape ? "landscape" : "portrait")" fitToWidth="1" fitToHeight="0"/>"#
        // `&` starts a header code: a title's own ampersands are doubled.
        let title = escape((s.title ?? s.name).replacingOccurrences(of: "&", with: "&&"))
        out += "<headerFooter><oddHeader>&amp;C&amp;\"-,Bold\"\(title)</oddHeader><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"
        out += "</worksheet>"
        return out
    }

    static func appendRow(_ out: inout String, number: Int, cells: [XLSXCell], style: Int) {
        out += "<row r=\"\(number)\">"
        for (i, cell) in cells.enumerated() {
            let ref = columnName(i) + String(number)
            switch cell {
            case .empty:
                continue
            case .text(let s):
                out += "<c r=\"\(ref)\" t=\"inlineStr\"\(style == 0 ? "" : " s=\"\(style)\"")><is><t xml:space=\"preserve\">\(escape(s))</t></is></c>"
            case .number(let n):
                out += "<c r=\"\(ref)\" s=\"3\"><v>\(n)</v></c>"
            case .preciseNumber(let n):
                out += "<c r=\"\(ref)\" s=\"4\"><v>\(n)</v></c>"
            case .date(let d):
                out += "<c r=\"\(ref)\" s=\"2\"><v>\(d.excelSerial)</v></c>"
            case .fixed2(let n):
                out += "<c r=\"\(ref)\" s=\"5\"><v>\(n)</v></c>"
            case .percent(let n):
                out += "<c r=\"\(ref)\" s=\"6\"><v>\(n)</v></c>"
            }
        }
        out += "</row>"
    }

    /// 0 → "A", 25 → "Z", 26 → "AA".
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// XML escaping, and removal of the control characters XML 1.0 cannot hold at all.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func workbook(_ names: [String]) -> String {
        // Sheets are r:id rId1…rIdN; the styles part takes the next id.
        let sheets = names.enumerated().map { i, n in
            "<sheet name=\"\(escape(String(n.replacingOccurrences(of: "/", with: "-").prefix(31))))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }.joined()
        // Each sheet's header row printed on every page.
        let titles = names.enumerated().map { i, n in
            let quoted = "'" + String(n.replacingOccurrences(of: "/", with: "-").prefix(31)).replacingOccurrences(of: "'", with: "''") + "'"
            return "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(escape(quoted))!$1:$1</definedName>"
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <sheets>\(sheets)</sheets>
        <definedNames>\(titles)</definedNames>
        </workbook>
        """
    }

    static func contentTypes(_ count: Int) -> String {
        let sheets = (1...max(1, count)).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
        \(sheets)
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
        </Types>
        """
    }

    static let rootRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
    </Relationships>
    """

    static func workbookRels(_ count: Int) -> String {
        let n = max(1, count)
        let sheets = (1...n).map {
            "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        \(sheets)
        <Relationship Id="rId\(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        </Relationships>
        """
    }
}
