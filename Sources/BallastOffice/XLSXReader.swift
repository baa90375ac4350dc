import BallastCore
import Foundation
import ZIPFoundation

/// Reads the first worksheet of an .xlsx workbook into a table of cell texts.
///
/// Cells come back as a person would read them: shared and inline strings as text, numbers
/// without binary noise (15 significant digits, as Excel shows them), date-formatted
/// numbers as ISO dates, and formulas as their cached value.
public enum XLSXReader {
    /// Unpacked XML above this is refused: a zip bomb must not take the server down.
    public static let unpackedLimit = TableLimits.maxUnpackedBytes
    /// Shared strings above this are refused as soon as they are counted: `<si/>` is five bytes,
    /// so the unpacked limit alone would let fifty million of them (gigabytes of strings) through.
    /// Ten distinct texts a row at the row limit.
    static let sharedStringsLimit = TableLimits.maxRows * 10

    public static func read(_ data: Data, unpackedLimit: Int = unpackedLimit) throws(OfficeError) -> SheetTable {
        if data.isEmpty { throw .empty }
        guard data.starts(with: [0x50, 0x4B]) else { throw .notAnXLSX("不是ZIP压缩包 / not a zip package") }
        // Read from a file of its own, not from memory: ZIPFoundation's in-memory reader traps
        // when a forged offset seeks past the end (found by ParserFuzzTests), while reading a
        // file past its end merely comes up short and is reported as a damaged package.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-upload-\(UUID().uuidString).xlsx")
        do { try data.write(to: file, options: [.atomic]) } catch {
            throw .notAnXLSX("无法暂存文件 / cannot stage the file")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let archive: Archive
        do { archive = try Archive(url: file, accessMode: .read) } catch {
            throw .notAnXLSX("压缩包已损坏 / damaged zip package")
        }
        // The declared sizes refuse an honest oversized file early; the budget below counts
        // what is actually inflated, which is what a forged header cannot hide.
        let total = archive.reduce(UInt64(0)) { $0 &+ $1.uncompressedSize }
        if total > UInt64(unpackedLimit) { throw .tooLarge(limit: unpackedLimit) }
        var budget = InflateBudget(remaining: unpackedLimit, limit: unpackedLimit)

        let sheetPath = try firstSheetPath(archive, budget: &budget)
        let shared = try entry(archive, "xl/sharedStrings.xml", budget: &budget).map { bytes throws(OfficeError) in
            try SharedStringsParser.parse(bytes, limit: sharedStringsLimit)
        } ?? []
        let dateStyles = try entry(archive, "xl/styles.xml", budget: &budget).map(StylesParser.dateStyleIndexes) ?? []
        guard let sheetXML = try entry(archive, sheetPath, budget: &budget) else {
            throw .notAnXLSX("缺少工作表 \(sheetPath) / missing worksheet")
        }
        var scanner = SheetScanner(bytes: sheetXML, shared: shared, dateStyles: dateStyles)
        let rows = try scanner.rows()
        guard let first = rows.first else { throw .empty }
        // The header is whatever the first non-empty row is; it is row 1 in a normal sheet.
        return SheetTable(header: first.cells, rows: Array(rows.dropFirst()))
    }

    /// What is left of the unpacked limit, spent by every part inflated.
    struct InflateBudget { var remaining: Int; let limit: Int }
    private struct BudgetSpent: Error {}

    /// A part's bytes, inflated straight into the array the tokenizer reads (no second copy).
    static func entry(_ archive: Archive, _ path: String, budget: inout InflateBudget) throws(OfficeError) -> [UInt8]? {
        guard let e = archive[path] else { return nil }
        var out: [UInt8] = []
        var remaining = budget.remaining
        do {
            _ = try archive.extract(e, skipCRC32: true) { chunk in
                remaining -= chunk.count
                if remaining < 0 { throw BudgetSpent() }
                out.append(contentsOf: chunk)
            }
        } catch is BudgetSpent {
            throw .tooLarge(limit: budget.limit)
        } catch {
            throw .notAnXLSX("无法解压 \(path) / cannot unpack")
        }
        budget.remaining = remaining
        return out
    }

    /// The workbook names its sheets in order; the first one's file comes from the relationships.
    static func firstSheetPath(_ archive: Archive, budget: inout InflateBudget) throws(OfficeError) -> String {
        guard let workbook = try entry(archive, "xl/workbook.xml", budget: &budget) else {
            throw .notAnXLSX("缺少 xl/workbook.xml / missing workbook")
        }
        let fallback = "xl/worksheets/sheet1.xml"
        guard let rid = XMLAttributeScan.first(in: workbook, element: "sheet", attribute: "id"),
              let rels = try entry(archive, "xl/_rels/workbook.xml.rels", budget: &budget),
              let target = XMLAttributeScan.target(in: rels, id: rid)
        else { return fallback }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }
}

/// Small one-purpose scans of the package's index files.
enum XMLAttributeScan {
    /// An attribute of the first `element`; names are matched without their namespace prefix
    /// (`r:id` is `id`).
    static func first(in data: [UInt8], element: String, attribute: String) -> String? {
        firstTag(in: data, element: element)?.attribute(attribute)
    }

    static func firstTag(in data: [UInt8], element: String) -> XMLTokens.Tag? {
        var xml = XMLTokens(data)
        while let tag = xml.nextTag() {
            if tag.name == element && !tag.isClosing { return tag }
        }
        return nil
    }

    static func target(in rels: [UInt8], id: String) -> String? {
        var xml = XMLTokens(rels)
        while let tag = xml.nextTag() {
            if tag.name == "Relationship" && !tag.isClosing && tag.attribute("Id") == id { return tag.attribute("Target") }
        }
        return nil
    }
}

/// xl/sharedStrings.xml: each <si> is one string, possibly split in rich-text runs <r><t>.
/// Phonetic guides (<rPh>) are not part of the text.
enum SharedStringsParser {
    static func parse(_ data: Data) -> [String] { (try? parse([UInt8](data), limit: .max)) ?? [] }

    /// Refused with `tooManySharedStrings` the moment the count passes `limit`.
    static func parse(_ bytes: [UInt8], limit: Int) throws(OfficeError) -> [String] {
        var xml = XMLTokens(bytes)
        var strings: [String] = []
        var current = ""
        var inPhonetic = false
        while let tag = xml.nextTag() {
            switch (tag.name, tag.isClosing) {
            case ("si", false):
                current = ""
                if tag.selfClosing { strings.append("") }
                if strings.count > limit { throw .tooManySharedStrings(limit: limit) }
            case ("si", true):
                strings.append(current)
                if strings.count > limit { throw .tooManySharedStrings(limit: limit) }
            case ("rPh", false): inPhonetic = !tag.selfClosing
            case ("rPh", true): inPhonetic = false
            case ("t", false) where tag.opens:
                let text = xml.readText()
                if !inPhonetic { current += text }
            default: break
            }
        }
        return strings
    }
}

/// xl/styles.xml: which cell style indexes format numbers as dates.
enum StylesParser {
    static func dateStyleIndexes(_ data: [UInt8]) -> Set<Int> {
        var xml = XMLTokens(data)
        var customFormats: [Int: String] = [:]
        var xfFormatIds: [Int] = []
        var inCellXfs = false
        while let tag = xml.nextTag() {
            switch tag.name {
            case "numFmt" where !tag.isClosing:
                if let id = tag.attribute("numFmtId").flatMap(Int.init) { customFormats[id] = tag.attribute("formatCode") }
            case "cellXfs":
                inCellXfs = !tag.isClosing && !tag.selfClosing
            case "xf" where inCellXfs && !tag.isClosing:
                xfFormatIds.append(tag.attribute("numFmtId").flatMap(Int.init) ?? 0)
            default: break
            }
        }
        var result = Set<Int>()
        for (index, fmt) in xfFormatIds.enumerated() where isDateFormat(id: fmt, code: customFormats[fmt]) {
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
            // Only a number of a plausible day: Int(_:) of 1e300 would trap.
            if dateStyles.contains(style), number >= 0, number < 3_000_000, let date = CalendarDate.fromExcelSerial(Int(number.rounded(.down))) {
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
    /// The column of a reference such as `AB12`; nil past three letters (Excel's last column
    /// is XFD), so a forged reference cannot overflow the arithmetic.
    static func columnIndex(_ ref: String) -> Int? {
        var n = 0
        var letters = 0
        for scalar in ref.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            letters += 1
            if letters > 3 { return nil }
            n = n * 26 + Int(scalar.value - 64)
        }
        return letters > 0 ? n - 1 : nil
    }
}
