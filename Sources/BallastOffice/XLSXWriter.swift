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
}

/// One sheet of a workbook: a bold header row, then the rows.
public struct XLSXSheet: Sendable, Equatable {
    public var name: String
    public var header: [String]
    public var rows: [[XLSXCell]]
    public var columnWidths: [Int]

    public init(name: String, header: [String], rows: [[XLSXCell]], columnWidths: [Int] = []) {
        self.name = name; self.header = header; self.rows = rows; self.columnWidths = columnWidths
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
            try add(archive, "xl/worksheets/sheet\(i + 1).xml", sheet(header: s.header, rows: s.rows, widths: s.columnWidths))
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

    /// Style 0: default; 1: bold header; 2: date (yyyy-mm-dd); 3: up to 4 decimals; 4: up to 6 decimals.
    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
    <numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.####"/><numFmt numFmtId="166" formatCode="0.######"/></numFmts>
    <fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="2"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="2"/></font></fonts>
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
    <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
    </styleSheet>
    """

    static func sheet(header: [String], rows: [[XLSXCell]], widths: [Int]) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
        """
        out.reserveCapacity(200 + rows.count * header.count * 40)
        if !widths.isEmpty {
            out += "<cols>"
            for (i, w) in widths.enumerated() { out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>" }
            out += "</cols>"
        }
        out += "<sheetData>"
        appendRow(&out, number: 1, cells: header.map(XLSXCell.text), style: 1)
        for (i, row) in rows.enumerated() { appendRow(&out, number: i + 2, cells: row, style: 0) }
        out += "</sheetData></worksheet>"
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
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <sheets>\(sheets)</sheets>
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
