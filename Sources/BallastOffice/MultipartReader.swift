import Foundation

/// One part of a `multipart/form-data` body: a form field or a file.
public struct FormPart: Sendable, Equatable {
    public var name: String
    public var filename: String?
    public var contentType: String?
    public var body: Data

    public init(name: String, filename: String? = nil, contentType: String? = nil, body: Data) {
        self.name = name; self.filename = filename; self.contentType = contentType; self.body = body
    }
}

/// Why a multipart body was refused.
public enum MultipartError: Error, Equatable, Sendable {
    case badBoundary
    case malformed(String)
    case tooManyParts(limit: Int)
}

/// Reads `multipart/form-data` (RFC 7578) strictly, with bounds, and never traps.
///
/// Every upload goes through this reader instead of the framework's: the dependency's parser
/// crashed the whole process on a part header whose name was not ASCII (issue 19), before any
/// route could refuse the request. Here a header name is an RFC 7230 token, a header line is
/// at most `maxHeaderBytes`, values are UTF-8 without control characters, and anything else
/// is a `MultipartError` that the caller turns into a 400.
public enum MultipartReader {
    /// Parts in one body: the largest form (a ledger upload) has four fields.
    public static let maxParts = 32
    /// The header block of one part: a Content-Disposition with a long Chinese file name fits.
    public static let maxHeaderBytes = 8 * 1024

    /// The boundary from a Content-Type's parameter: 1–70 characters (RFC 2046).
    public static func boundary(contentType: String) -> String? {
        for param in contentType.split(separator: ";").dropFirst() {
            let pair = param.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F || $0 == 0x20 }) else { return nil }
            return value
        }
        return nil
    }

    public static func parse(_ data: Data, boundary: String) throws(MultipartError) -> [FormPart] {
        guard (1...70).contains(boundary.utf8.count) else { throw .badBoundary }
        let bytes = [UInt8](data)
        let delimiter = Array("--".utf8) + Array(boundary.utf8)
        // The first delimiter may follow a preamble; later ones follow a CRLF.
        guard var at = find(delimiter, in: bytes, from: 0) else { throw .malformed("no boundary") }
        at += delimiter.count
        let closing = [UInt8(ascii: "\r"), UInt8(ascii: "\n")] + delimiter
        var parts: [FormPart] = []
        while true {
            if starts(bytes, at: at, with: Array("--".utf8)) { return parts }
            // Transport padding may follow a delimiter before its CRLF.
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 { at += 1 }
            guard starts(bytes, at: at, with: [0x0D, 0x0A]) else { throw .malformed("boundary not followed by a line break") }
            at += 2
            guard parts.count < maxParts else { throw .tooManyParts(limit: maxParts) }
            let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes, from: at, limit: maxHeaderBytes + 4)
            let headers: [(String, String)]
            let bodyStart: Int
            if starts(bytes, at: at, with: [0x0D, 0x0A]) {
                headers = []; bodyStart = at + 2
            } else {
                guard let headerEnd else { throw .malformed("part headers too long or unterminated") }
                headers = try parseHeaders(bytes[at..<headerEnd])
                bodyStart = headerEnd + 4
            }
            guard let bodyEnd = find(closing, in: bytes, from: bodyStart) else { throw .malformed("part not terminated") }
            parts.append(try part(headers: headers, body: Data(bytes[bodyStart..<bodyEnd])))
            at = bodyEnd + closing.count
        }
    }

    static func parseHeaders(_ block: ArraySlice<UInt8>) throws(MultipartError) -> [(String, String)] {
        var out: [(String, String)] = []
        for line in block.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = line
            guard line.last == 0x0D || line.endIndex == block.endIndex else { throw .malformed("bare line feed in part header") }
            if line.last == 0x0D { line = line.dropLast() }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
                throw .malformed("part header without a name")
            }
            let name = line[line.startIndex..<colon]
            guard name.allSatisfy(isTokenByte) else { throw .malformed("part header name is not a token") }
            let valueBytes = line[(colon + 1)...]
            guard !valueBytes.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }),
                  let value = String(validating: valueBytes, as: UTF8.self) else {
                throw .malformed("part header value is not text")
            }
            out.append((String(decoding: name, as: UTF8.self).lowercased(), value.trimmingCharacters(in: .whitespaces)))
        }
        return out
    }

    static func part(headers: [(String, String)], body: Data) throws(MultipartError) -> FormPart {
        guard let disposition = headers.first(where: { $0.0 == "content-disposition" })?.1 else {
            throw .malformed("part without Content-Disposition")
        }
        let params = dispositionParameters(disposition)
        guard params.kind == "form-data", let name = params.values["name"], !name.isEmpty else {
            throw .malformed("part is not a named form-data field")
        }
        return FormPart(name: name, filename: params.values["filename"],
                             contentType: headers.first(where: { $0.0 == "content-type" })?.1, body: body)
    }

    /// `form-data; name="file"; filename="台账.xlsx"`: the kind and its parameters, with quoted
    /// strings unescaped (browsers send file names as raw UTF-8 inside the quotes).
    static func dispositionParameters(_ value: String) -> (kind: String, values: [String: String]) {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for ch in value {
            if escaped { current.append(ch); escaped = false; continue }
            if quoted && ch == "\\" { escaped = true; current.append(ch); continue }
            if ch == "\"" { quoted.toggle() }
            if ch == ";" && !quoted { fields.append(current); current = ""; continue }
            current.append(ch)
        }
        fields.append(current)
        let kind = fields.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        var values: [String: String] = [:]
        for field in fields.dropFirst() {
            let pair = field.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let key = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
            var raw = pair[1].trimmingCharacters(in: .whitespaces)
            if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") {
                raw = String(raw.dropFirst().dropLast())
                var unescaped = ""
                var escape = false
                for ch in raw {
                    if escape { unescaped.append(ch); escape = false } else if ch == "\\" { escape = true } else { unescaped.append(ch) }
                }
                raw = unescaped
            }
            if values[key] == nil { values[key] = raw }
        }
        return (kind, values)
    }

    static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(b)
        }
    }

    static func starts(_ bytes: [UInt8], at i: Int, with prefix: [UInt8]) -> Bool {
        guard i >= 0, bytes.count - i >= prefix.count else { return false }
        for k in 0..<prefix.count where bytes[i + k] != prefix[k] { return false }
        return true
    }

    /// The first index of `needle` at or after `from`, looking no further than `limit` bytes on.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, limit: Int = Int.max) -> Int? {
        guard let first = needle.first, from >= 0 else { return nil }
        let lastStart = bytes.count - needle.count
        let stop = limit == Int.max ? lastStart : min(lastStart, from + limit - needle.count)
        guard from <= stop else { return nil }
        var i = from
        while i <= stop {
            if bytes[i] == first && starts(bytes, at: i, with: needle) { return i }
            i += 1
        }
        return nil
    }
}
