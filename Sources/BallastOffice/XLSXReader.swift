import BallastCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the first worksheet of an .xlsx workbook into a table of cell texts.
///
/// Cells come back as a person would read them: shared and inline strings as text, numbers
/// without binary noise (15 significant digits, as Excel shows them), date-formatted
/// numbers as ISO dates, and formulas as their cached value.
public enum XLSXReader {
    /// Unpacked XML above this is refused: a zip bomb must not take the server down.
    public static let unpackedLimit = 256 * 1_048_576

    public static func read(_ data: Data) throws(OfficeError) -> SheetTable {
        if data.isEmpty { throw .empty }
        guard data.starts(with: [0x50, 0x4B]) else { throw .notAnXLSX("不是ZIP压缩包 / not a zip package") }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw .notAnXLSX("压缩包已损坏 / damaged zip package")
        }
        let total = archive.reduce(UInt64(0)) { $0 + $1.uncompressedSize }
        if total > UInt64(unpackedLimit) { throw .tooLarge(limit: unpackedLimit) }

        let sheetPath = try firstSheetPath(archive)
        let shared = try entry(archive, "xl/sharedStrings.xml").map(SharedStringsParser.parse) ?? []
        let dateStyles = try entry(archive, "xl/styles.xml").map(StylesParser.dateStyleIndexes) ?? []
        guard let sheetXML = try entry(archive, sheetPath) else {
            throw .notAnXLSX("缺少工作表 \(sheetPath) / missing worksheet")
        }
        var scanner = SheetScanner(data: sheetXML, shared: shared, dateStyles: dateStyles)
        let rows = scanner.rows()
        guard let first = rows.first else { throw .empty }
        // The header is whatever the first non-empty row is; it is row 1 in a normal sheet.
        return SheetTable(header: first.cells, rows: Array(rows.dropFirst()))
    }

    static func entry(_ archive: Archive, _ path: String) throws(OfficeError) -> Data? {
        guard let e = archive[path] else { return nil }
        var out = Data()
        do { _ = try archive.extract(e, skipCRC32: true) { out.append($0) } } catch {
            throw .notAnXLSX("无法解压 \(path) / cannot unpack")
        }
        return out
    }

    /// The workbook names its sheets in order; the first one's file comes from the relationships.
    static func firstSheetPath(_ archive: Archive) throws(OfficeError) -> String {
        guard let workbook = try entry(archive, "xl/workbook.xml") else {
            throw .notAnXLSX("缺少 xl/workbook.xml / missing workbook")
        }
        let fallback = "xl/worksheets/sheet1.xml"
        guard let rid = XMLAttributeScan.first(in: workbook, element: "sheet", attribute: "r:id"),
              let rels = try entry(archive, "xl/_rels/workbook.xml.rels"),
              let target = XMLAttributeScan.target(in: rels, id: rid)
        else { return fallback }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }
}

/// Small one-purpose scans of the package's index files.
enum XMLAttributeScan {
    static func first(in data: Data, element: String, attribute: String) -> String? {
        let d = AttributeCollector(element: element)
        let p = XMLParser(data: data)
        p.delegate = d
        p.parse()
        return d.found.first?[attribute]
    }

    static func target(in rels: Data, id: String) -> String? {
        let d = AttributeCollector(element: "Relationship")
        let p = XMLParser(data: rels)
        p.delegate = d
        p.parse()
        return d.found.first { $0["Id"] == id }?["Target"]
    }

    final class AttributeCollector: NSObject, XMLParserDelegate {
        let element: String
        var found: [[String: String]] = []
        init(element: String) { self.element = element }
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == element || name.hasSuffix(":" + element) { found.append(attributes) }
        }
    }
}

/// xl/sharedStrings.xml: each <si> is one string, possibly split in rich-text runs <r><t>.
/// Phonetic guides (<rPh>) are not part of the text.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    static func parse(_ data: Data) -> [String] {
        let d = SharedStringsParser()
        let p = XMLParser(data: data)
        p.delegate = d
        p.parse()
        return d.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// xl/styles.xml: which cell style indexes format numbers as dates.
final class StylesParser: NSObject, XMLParserDelegate {
    private var customFormats: [Int: String] = [:]
    private var xfFormatIds: [Int] = []
    private var inCellXfs = false

    static func dateStyleIndexes(_ data: Data) -> Set<Int> {
        let d = StylesParser()
        let p = XMLParser(data: data)
        p.delegate = d
        p.parse()
        var result = Set<Int>()
        for (index, fmt) in d.xfFormatIds.enumerated() where isDateFormat(id: fmt, code: d.customFormats[fmt]) {
            result.insert(index)
        }
        return result
    }

    /// Built-in date formats (14–22, 45–47) and the East Asian ones (27–36, 50–58), or a
    /// custom code with a day, month or year in it outside quotes and brackets.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) {
            return true
        }
        guard let code else { return false }
        var plain = ""
        var inQuote = false, inBracket = false
        for c in code {
            switch c {
            case "\"": inQuote.toggle()
            case "[": inBracket = true
            case "]": inBracket = false
            default: if !inQuote && !inBracket { plain.append(c) }
            }
        }
        let lower = plain.lowercased()
        return lower.contains("y") || lower.contains("d") || (lower.contains("m") && !lower.contains("h"))
            || plain.contains("年") || plain.contains("月") || plain.contains("日")
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            xfFormatIds.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

/// Cell text and references, as a person reads them in Excel.
enum SheetParser {
    static func cellText(value: String, type: String, style: Int, shared: [String], dateStyles: Set<Int>) -> String {
        switch type {
        case "s":
            guard let i = Int(value), i >= 0, i < shared.count else { return "" }
            return shared[i]
        case "str", "inlineStr":
            return value
        case "b":
            return value == "1" ? "TRUE" : "FALSE"
        case "e":
            return value  // #N/A and friends: shown as Excel shows them, the validator rejects them
        default:
            guard !value.isEmpty, let number = Double(value) else { return value }
            if dateStyles.contains(style), let date = CalendarDate.fromExcelSerial(Int(number.rounded(.down))) {
                return date.iso
            }
            return plain(raw: value, number)
        }
    }

    /// The cell's own text when it is already a plain decimal of at most 15 significant digits
    /// (what our exports and most sheets hold); otherwise the number as Excel shows it.
    static func plain(raw: String, _ number: Double) -> String {
        var digits = 0
        var plainDecimal = true
        for byte in raw.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits += 1 }
            else if byte != UInt8(ascii: ".") && byte != UInt8(ascii: "-") { plainDecimal = false; break }
        }
        if plainDecimal && digits <= 15 && !raw.hasSuffix(".") && !(raw.contains(".") && raw.hasSuffix("0")) {
            return raw.hasPrefix(".") ? "0" + raw : raw
        }
        return plain(number)
    }

    /// 15 significant digits, as Excel shows a number, so 0.1+0.2 reads 0.3 again.
    static func plain(_ number: Double) -> String {
        var s = String(format: "%.15g", number)
        if s.contains("e") { return s }
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// "AB12" → 27 (zero-based column index).
    static func columnIndex(_ ref: String) -> Int? {
        var n = 0
        var any = false
        for scalar in ref.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            n = n * 26 + Int(scalar.value - 64)
            any = true
        }
        return any ? n - 1 : nil
    }
}
