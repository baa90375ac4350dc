/// 现场照片 attached to a monthly report. The file's own bytes decide what it is, never its name
/// or the browser's content type, so a renamed document is refused.
public enum SitePhoto {
    /// 5 MB: a phone photo fits; a 30 MB upload is refused before it is stored.
    public static let maxBytes = 5 * 1024 * 1024
    /// Photos per report, so one month cannot fill the database.
    public static let maxPerReport = 12
    /// 50 megapixels: a phone's best camera is under this. The header states the size the image
    /// decodes to, and a 30 000 × 30 000 PNG of a few bytes would decode to 2.7 GB in any viewer
    /// or thumbnailer that opens it.
    public static let maxPixels = 50_000_000

    public enum Kind: String, Sendable, Equatable {
        case jpeg, png
        public var contentType: String { self == .jpeg ? "image/jpeg" : "image/png" }
    }

    public enum Problem: Error, Sendable, Equatable {
        case empty
        case tooLarge(bytes: Int)
        case notAnImage
        case tooMany
        case tooManyPixels(width: Int, height: Int)
        /// HEIC/HEIF, which iPhones and many Android phones save by default.
        case heic

        public var message: Message {
            switch self {
            case .empty: Message(zh: "照片文件为空", en: "The photo file is empty")
            case .tooLarge(let b):
                // In bytes as well: 5 MB and one byte, rounded, would read "5 MB, over 5 MB".
                Message(zh: "照片 \(b) 字节（约 \(b / 1024 / 1024) MB），超过 5 MB（\(SitePhoto.maxBytes) 字节）上限",
                        en: "The photo is \(b) bytes (about \(b / 1024 / 1024) MB), over the 5 MB (\(SitePhoto.maxBytes)-byte) limit")
            case .notAnImage: Message(zh: "只接受 JPEG 或 PNG 格式的照片", en: "Only JPEG or PNG photos are accepted")
            case .tooMany: Message(zh: "每份月报最多 \(SitePhoto.maxPerReport) 张照片", en: "At most \(SitePhoto.maxPerReport) photos per report")
            case .heic:
                Message(zh: "照片为 HEIC 格式，请在手机上转为 JPEG 后上传（苹果手机：设置 › 相机 › 格式 › 兼容性最佳；或在相册中分享为 JPEG）",
                        en: "The photo is HEIC: convert it to JPEG on the phone before uploading (iPhone: Settings › Camera › Formats › Most Compatible)")
            case .tooManyPixels(let w, let h):
                Message(zh: "照片 \(w)×\(h) 像素，超过 5000 万像素上限", en: "The photo is \(w)×\(h) pixels, over the 50-megapixel limit")
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
        let found: Checked
        if let size = pngSize(bytes) {
            found = Checked(kind: .png, width: size.0, height: size.1)
        } else if let size = jpegSize(bytes) {
            found = Checked(kind: .jpeg, width: size.0, height: size.1)
        } else if isHEIC(bytes) {
            return .failure(.heic)
        } else {
            return .failure(.notAnImage)
        }
        // Both sides are at most 2³² (PNG) or 2¹⁶ (JPEG): the product fits an Int.
        let (pixels, overflow) = found.width.multipliedReportingOverflow(by: found.height)
        if overflow || pixels > maxPixels { return .failure(.tooManyPixels(width: found.width, height: found.height)) }
        return .success(found)
    }

    /// An ISO media file whose brand is HEIC/HEIF (`ftyp` at offset 4).
    static func isHEIC(_ b: [UInt8]) -> Bool {
        guard b.count >= 12, b[4...7].elementsEqual("ftyp".utf8) else { return false }
        let brand = String(decoding: b[8...11], as: UTF8.self)
        return ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].contains(brand)
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// PNG: the signature, the 13-byte IHDR chunk with width and height as big-endian 32-bit,
    /// then whole chunks with image data (IDAT) up to IEND: a header alone is not a photo.
    static func pngSize(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 33, Array(b[0..<8]) == pngSignature, b[8...11].elementsEqual([0, 0, 0, 13]),
              b[12...15].elementsEqual([0x49, 0x48, 0x44, 0x52]) else { return nil }
        let w = b[16...19].reduce(0) { $0 << 8 | Int($1) }, h = b[20...23].reduce(0) { $0 << 8 | Int($1) }
        // The PNG standard caps each side at 2³¹ − 1.
        guard w > 0 && h > 0 && w <= Int(Int32.max) && h <= Int(Int32.max) else { return nil }
        var i = 33, sawData = false
        while i + 12 <= b.count {
            let length = b[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = Array(b[(i + 4)..<(i + 8)])
            guard length <= b.count - i - 12 else { return nil }
            if type == Array("IDAT".utf8) && length > 0 { sawData = true }
            if type == Array("IEND".utf8) { return sawData ? (w, h) : nil }
            i += 12 + length
        }
        return nil
    }

    /// JPEG: SOI, then segments until a start-of-frame marker (C0–CF except C4, C8, CC) gives
    /// height and width.
    static func jpegSize(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        var size: (Int, Int)?
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let h = Int(b[i + 5]) << 8 | Int(b[i + 6]), w = Int(b[i + 7]) << 8 | Int(b[i + 8])
                guard w > 0 && h > 0 else { return nil }
                // The first frame header is the one decoders use: a later, smaller one must not
                // hide a 20 000 × 20 000 first from the pixel bound.
                if size == nil { size = (w, h) }
            }
            // Start of scan: the image data follows, so a frame header without it is no photo.
            if marker == 0xDA { return size }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }
}
