import BallastCore
import Foundation

/// Reads a worksheet's rows straight from its UTF-8 bytes.
///
/// Worksheets are the bulk of a workbook (10 000 ledger rows are ~10 MB of XML), and
/// Foundation's delegate-based XMLParser spent ~0.65 s on that. A sheet is regular: rows of
/// cells with a reference, a type, a style, and a value in `<v>` or inline text in `<is><t>`;
/// everything else (formulas, rich-text properties, extensions) is skipped. The small index
/// parts (workbook, relationships, styles, shared strings) still go through XMLParser.
struct SheetScanner {
    let bytes: [UInt8]
    let shared: [String]
    let dateStyles: Set<Int>
    private var i = 0

    init(data: Data, shared: [String], dateStyles: Set<Int>) {
        bytes = [UInt8](data)
        self.shared = shared
        self.dateStyles = dateStyles
    }

    /// Rows with at least one non-empty cell, with the sheet's own row numbers.
    mutating func rows() -> [(number: Int, cells: [String])] {
        var out: [(number: Int, cells: [String])] = []
        var rowNumber = 0
        while let tag = nextTag() {
            guard tag.name == "row", !tag.isClosing else { continue }
            rowNumber = tag.attribute("r").flatMap(Int.init) ?? rowNumber + 1
            var cells: [String] = []
            if !tag.selfClosing { readCells(into: &cells) }
            if cells.contains(where: { !$0.isEmpty }) { out.append((rowNumber, cells)) }
        }
        return out
    }

    private mutating func readCells(into cells: inout [String]) {
        var next = 0
        while let tag = nextTag() {
            if tag.name == "row" && tag.isClosing { return }
            guard tag.name == "c", !tag.isClosing else { continue }
            let column = tag.attribute("r").flatMap(SheetParser.columnIndex) ?? next
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
        while let tag = nextTag() {
            if tag.name == "c" && tag.isClosing { return value }
            if (tag.name == "v" || tag.name == "t") && !tag.isClosing && !tag.selfClosing {
                value += readText(until: tag.name)
            }
        }
        return value
    }

    /// Character data up to the closing tag, with entities decoded.
    private mutating func readText(until name: String) -> String {
        let start = i
        while i < bytes.count && bytes[i] != UInt8(ascii: "<") { i += 1 }
        let raw = bytes[start..<i]
        _ = nextTag()  // the closing tag
        return XMLText.decode(raw)
    }

    struct Tag {
        var name: String
        var isClosing: Bool
        var selfClosing: Bool
        var attributes: [(String, String)]

        func attribute(_ key: String) -> String? { attributes.first { $0.0 == key }?.1 }
    }

    /// The next element tag, skipping text, comments and processing instructions.
    private mutating func nextTag() -> Tag? {
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            i += 1
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "?") || bytes[i] == UInt8(ascii: "!") {
                skipPast(UInt8(ascii: ">"))
                continue
            }
            var closing = false
            if bytes[i] == UInt8(ascii: "/") { closing = true; i += 1 }
            let name = readName()
            var attributes: [(String, String)] = []
            var selfClosing = false
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: ">") { i += 1; break }
                if b == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
                if b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
                    i += 1; continue
                }
                let key = readName()
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") && bytes[i] != UInt8(ascii: "'") { i += 1 }
                guard i < bytes.count else { break }
                let quote = bytes[i]
                i += 1
                let start = i
                while i < bytes.count && bytes[i] != quote { i += 1 }
                attributes.append((key, XMLText.decode(bytes[start..<min(i, bytes.count)])))
                i += 1
            }
            return Tag(name: name, isClosing: closing, selfClosing: selfClosing, attributes: attributes)
        }
        return nil
    }

    /// An element or attribute name without its namespace prefix (`x:row` is `row`).
    private mutating func readName() -> String {
        var start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ":") { start = i + 1 }
            if b == UInt8(ascii: " ") || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
                || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") { break }
            i += 1
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func skipPast(_ byte: UInt8) {
        while i < bytes.count && bytes[i] != byte { i += 1 }
        i += 1
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
