/// 现场照片 attached to a monthly report. The file's own bytes decide what it is, never its name
/// or the browser's content type, so a renamed document is refused.
public enum SitePhoto {
    /// 5 MB: a phone photo fits; a 30 MB upload is refused before it is stored.
    public static let maxBytes = 5 * 1024 * 1024
    /// Photos per report, so one month cannot fill the database.
    public static let maxPerReport = 12

    public enum Kind: String, Sendable, Equatable {
        case jpeg, png
        public var contentType: String { self == .jpeg ? "image/jpeg" : "image/png" }
    }

    public enum Problem: Error, Sendable, Equatable {
        case empty
        case tooLarge(bytes: Int)
        case notAnImage
        case tooMany

        public var message: Message {
            switch self {
            case .empty: Message(zh: "照片文件为空", en: "The photo file is empty")
            case .tooLarge(let b):
                Message(zh: "照片 \(b / 1024 / 1024) MB，超过 5 MB 上限", en: "The photo is \(b / 1024 / 1024) MB, over the 5 MB limit")
            case .notAnImage: Message(zh: "只接受 JPEG 或 PNG 格式的照片", en: "Only JPEG or PNG photos are accepted")
            case .tooMany: Message(zh: "每份月报最多 \(SitePhoto.maxPerReport) 张照片", en: "At most \(SitePhoto.maxPerReport) photos per report")
            }
        }
    }

    public struct Checked: Sendable, Equatable {
        public var kind: Kind
        public var width: Int
        public var height: Int

        public init(kind: Kind, width: Int, height: Int) { self.kind = kind; self.width = width; self.height = height }
    }

    /// The kind and pixel size of a JPEG or PNG, read from its header; anything else is refused.
    public static func check(_ bytes: [UInt8]) -> Result<Checked, Problem> {
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.count > maxBytes { return .failure(.tooLarge(bytes: bytes.count)) }
        if let size = pngSize(bytes) { return .success(Checked(kind: .png, width: size.0, height: size.1)) }
        if let size = jpegSize(bytes) { return .success(Checked(kind: .jpeg, width: size.0, height: size.1)) }
        return .failure(.notAnImage)
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// PNG: the signature, then the IHDR chunk with width and height as big-endian 32-bit.
    static func pngSize(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 24, Array(b[0..<8]) == pngSignature, b[12...15].elementsEqual([0x49, 0x48, 0x44, 0x52]) else { return nil }
        let w = b[16...19].reduce(0) { $0 << 8 | Int($1) }, h = b[20...23].reduce(0) { $0 << 8 | Int($1) }
        return w > 0 && h > 0 ? (w, h) : nil
    }

    /// JPEG: SOI, then segments until a start-of-frame marker (C0–CF except C4, C8, CC) gives
    /// height and width.
    static func jpegSize(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let h = Int(b[i + 5]) << 8 | Int(b[i + 6]), w = Int(b[i + 7]) << 8 | Int(b[i + 8])
                return w > 0 && h > 0 ? (w, h) : nil
            }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }
}
