import BallastCore
import Foundation

/// Reads a worksheet's rows straight from its UTF-8 bytes.
///
/// Worksheets are the bulk of a workbook (10 000 ledger rows are ~10 MB of XML), and
/// Foundation's delegate-based XMLParser spent ~0.65 s on that. A sheet is regular: rows of
/// cells with a reference, a type, a style, and a value in `<v>` or inline text in `<is><t>`;
/// everything else (formulas, rich-text properties, extensions) is skipped.
struct SheetScanner {
    private var xml: XMLTokens
    let shared: [String]
    let dateStyles: Set<Int>

    init(data: Data, shared: [String], dateStyles: Set<Int>) {
        self.init(bytes: [UInt8](data), shared: shared, dateStyles: dateStyles)
    }

    init(bytes: [UInt8], shared: [String], dateStyles: Set<Int>) {
        xml = XMLTokens(bytes)
        self.shared = shared
        self.dateStyles = dateStyles
    }

    /// Excel's last row; a larger `r` is forged and would make row numbers meaningless.
    static let maxRowNumber = 1_048_576

    /// Rows with at least one non-empty cell, with the sheet's own row numbers, within
    /// `TableLimits` (the header and at most `maxRows` data rows).
    mutating func rows() throws(OfficeError) -> [(number: Int, cells: [String])] {
        var out: [(number: Int, cells: [String])] = []
        var rowNumber = 0
        while let tag = xml.nextTag() {
            guard tag.name == "row", !tag.isClosing else { continue }
            let stated = tag.attribute("r").flatMap(Int.init)
            rowNumber = stated.map { min(max($0, 1), Self.maxRowNumber) } ?? min(rowNumber + 1, Self.maxRowNumber)
            var cells: [String] = []
            if !tag.selfClosing { try readCells(into: &cells, row: rowNumber) }
            if cells.contains(where: { !$0.isEmpty }) {
                if out.count > TableLimits.maxRows { throw .tooManyRows(limit: TableLimits.maxRows) }
                try TableLimits.check(cells, rowNumber: rowNumber)
                out.append((rowNumber, cells))
            }
        }
        return out
    }

    private mutating func readCells(into cells: inout [String], row: Int) throws(OfficeError) {
        var next = 0
        while let tag = xml.nextTag() {
            if tag.name == "row" && tag.isClosing { return }
            guard tag.name == "c", !tag.isClosing else { continue }
            let column = tag.attribute("r").flatMap(SheetParser.columnIndex) ?? next
            // Checked before the row grows to the column: a cell at XFD must not allocate 16 384.
            if column >= TableLimits.maxColumns { throw .tooManyColumns(row: row, limit: TableLimits.maxColumns) }
            let type = tag.attribute("t") ?? "n"
            let style = tag.attribute("s").flatMap(Int.init) ?? 0
            var value = ""
            if !tag.selfClosing { value = readCellValue() }
            let text = SheetParser.cellText(value: value, type: type, style: style, shared: shared, dateStyles: dateStyles)
            if column >= cells.count { cells += Array(repeating: "", count: column - cells.count + 1) }
            cells[column] = text
            next = column + 1
        }
    }

    /// The text of `<v>` or of every `<t>` in `<is>`, up to `</c>`; formulas are skipped.
    private mutating func readCellValue() -> String {
        var value = ""
        while let tag = xml.nextTag() {
            if tag.name == "c" && tag.isClosing { return value }
            if (tag.name == "v" || tag.name == "t") && tag.opens {
                value += xml.readText()
            }
        }
        return value
    }
}

/// XML character data: the five named entities and numeric character references.
enum XMLText {
    static func decode(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out = ""
        var i = raw.startIndex
        var runStart = i
        while i < raw.endIndex {
            guard raw[i] == UInt8(ascii: "&"), let semi = raw[i...].firstIndex(of: UInt8(ascii: ";")) else { i += 1; continue }
            out += String(decoding: raw[runStart..<i], as: UTF8.self)
            let entity = String(decoding: raw[(i + 1)..<semi], as: UTF8.self)
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let scalar: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()) }
                else { scalar = nil }
                if let scalar, let u = Unicode.Scalar(scalar) { out.unicodeScalars.append(u) } else { out += "&" + entity + ";" }
            }
            i = semi + 1
            runStart = i
        }
        out += String(decoding: raw[runStart..<raw.endIndex], as: UTF8.self)
        return out
    }
}
