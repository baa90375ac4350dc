import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns the bytes of a text file into a String the way a Chinese office produces them:
/// UTF-8 (with or without the BOM Excel writes), or GB18030 as Excel saves "CSV" on a
/// Chinese Windows.
public enum TextDecoding {
    public static func decode(_ data: Data) throws(OfficeError) -> String {
        if data.isEmpty { throw .empty }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.contains(0) { throw .binaryNotText }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        guard let text = gb18030(bytes) else { throw .unknownEncoding }
        return text
    }

    /// GB18030 through the C library's iconv: Foundation on Linux has no GB18030 codec.
    static func gb18030(_ data: Data) -> String? {
        let cd = iconv_open("UTF-8", "GB18030")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in
            for (i, b) in raw.enumerated() { input[i] = CChar(bitPattern: b) }
        }
        var output = [CChar](repeating: 0, count: data.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1
            }
        }
        guard ok, inLeft == 0 else { return nil }
        let produced = output.count - outLeft
        return String(validating: output[0..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
