import Foundation

/// The tags and text of an XML part, read straight from its bytes: the one XML reader of the
/// workbook importer. Foundation's XMLParser is not used on uploads: on Linux it trapped on a
/// mutated part (found by ParserFuzzTests, issue 19), and it is slow on large sheets. The parts
/// of a workbook are regular enough for this: elements, attributes, character data with the
/// five entities and numeric references; comments, processing instructions and DOCTYPE are
/// skipped, and no entity is ever expanded beyond those.
struct XMLTokens {
    let bytes: [UInt8]
    private(set) var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }
    init(_ data: Data) { bytes = [UInt8](data) }

    struct Tag {
        var name: String
        var isClosing: Bool
        var selfClosing: Bool
        var attributes: [(String, String)]

        /// An attribute by its name without namespace prefix (`r:id` is `id`).
        func attribute(_ key: String) -> String? { attributes.first { $0.0 == key }?.1 }
        var opens: Bool { !isClosing && !selfClosing }
    }

    /// The next element tag, skipping text, comments and processing instructions.
    mutating func nextTag() -> Tag? {
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
                let before = i
                let key = readName()
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") && bytes[i] != UInt8(ascii: "'") && bytes[i] != UInt8(ascii: ">") { i += 1 }
                guard i < bytes.count, bytes[i] != UInt8(ascii: ">") else {
                    // An attribute without a value: step on, so a stray byte cannot stall the scan.
                    if i == before { i = min(i + 1, bytes.count) }
                    continue
                }
                let quote = bytes[i]
                i += 1
                let start = i
                while i < bytes.count && bytes[i] != quote { i += 1 }
                attributes.append((key, XMLText.decode(bytes[start..<min(i, bytes.count)])))
                i = min(i + 1, bytes.count)
            }
            return Tag(name: name, isClosing: closing, selfClosing: selfClosing, attributes: attributes)
        }
        return nil
    }

    /// Character data up to the next tag, with entities decoded; the tag after it (the
    /// element's closing tag in a well-formed part) is consumed.
    mutating func readText() -> String {
        let start = min(i, bytes.count)
        while i < bytes.count && bytes[i] != UInt8(ascii: "<") { i += 1 }
        let raw = bytes[start..<max(start, min(i, bytes.count))]
        _ = nextTag()
        return XMLText.decode(raw)
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
        return String(decoding: bytes[min(start, i)..<i], as: UTF8.self)
    }

    /// Moves past the next `byte`, or to the end; `i` never passes `bytes.count`, so every
    /// slice taken from it is in range (an unterminated tag once trapped here: ParserFuzzTests).
    private mutating func skipPast(_ byte: UInt8) {
        while i < bytes.count && bytes[i] != byte { i += 1 }
        i = min(i + 1, bytes.count)
    }
}
