/// Reads what a camera recorded (EXIF) from a JPEG's APP1 segment or a PNG's eXIf chunk: the
/// time taken with its offset, the GPS position, the make and model. Our own reader of the TIFF
/// structure EXIF uses, over bytes an upload sent, so every count and offset is checked against
/// the block before it is followed: an IFD that claims 60 000 entries, an offset outside the
/// block, a loop between IFDs or a zero denominator gives `unreadable` (or no position), never a
/// crash or a large allocation. Nothing here allocates more than the block's own size.
public enum ExifReader {
    /// Entries an IFD may have: cameras write a few dozen; a claim of more is a broken or hostile file.
    static let maxEntries = 500
    /// IFDs followed (IFD0, Exif, GPS): a chain longer than this is a loop or junk.
    static let maxDirectories = 8

    /// The photo's metadata; `.nothing` where it carries none (most PNGs, a JPEG without EXIF).
    public static func read(_ bytes: [UInt8]) -> PhotoMetadata {
        if bytes.starts(with: [0xFF, 0xD8]) {
            guard let block = jpegExif(bytes) else { return .nothing }
            return parse(block)
        }
        if bytes.starts(with: SitePhoto.pngSignature) {
            guard let block = pngExif(bytes) else { return .nothing }
            return parse(block)
        }
        return .nothing
    }

    /// The TIFF block of the first APP1 segment that starts "Exif\0\0", up to the start of scan.
    static func jpegExif(_ b: [UInt8]) -> ArraySlice<UInt8>? {
        var i = 2
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            if marker == 0xDA || marker == 0xD9 { return nil }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2 else { return nil }
            let end = min(b.count, i + 2 + length)
            if marker == 0xE1, end - (i + 4) >= 6, b[(i + 4)..<(i + 10)].elementsEqual(Array("Exif".utf8) + [0, 0]) {
                return b[(i + 10)..<end]
            }
            i += 2 + length
        }
        return nil
    }

    /// PNG's eXIf chunk holds the TIFF block directly.
    static func pngExif(_ b: [UInt8]) -> ArraySlice<UInt8>? {
        var i = 8
        while i + 12 <= b.count {
            let length = b[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) }
            guard length <= b.count - i - 12 else { return nil }
            let type = b[(i + 4)..<(i + 8)]
            if type.elementsEqual("eXIf".utf8) { return b[(i + 8)..<(i + 8 + length)] }
            if type.elementsEqual("IDAT".utf8) || type.elementsEqual("IEND".utf8) { return nil }
            i += 12 + length
        }
        return nil
    }

    /// A TIFF block's bytes, indexed from its own start, in its byte order.
    struct Block {
        let bytes: [UInt8]
        let little: Bool

        func u16(_ at: Int) -> Int? {
            guard at >= 0, at <= bytes.count - 2 else { return nil }
            return little ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : Int(bytes[at]) << 8 | Int(bytes[at + 1])
        }

        func u32(_ at: Int) -> Int? {
            guard at >= 0, at <= bytes.count - 4 else { return nil }
            let b = bytes[at..<(at + 4)]
            return (little ? b.reversed() : Array(b)).reduce(0) { $0 << 8 | Int($1) }
        }
    }

    /// One IFD entry's value bytes: inline when they fit in four, else at the offset given.
    struct Entry {
        let tag: Int, type: Int, count: Int, valueAt: Int
    }

    static let typeSizes: [Int: Int] = [1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8]

    /// The entries of the IFD at `offset`, or nil when it does not fit in the block.
    static func directory(_ block: Block, at offset: Int) -> [Entry]? {
        guard let n = block.u16(offset), n <= maxEntries, offset + 2 + n * 12 <= block.bytes.count else { return nil }
        var out: [Entry] = []
        for k in 0..<n {
            let at = offset + 2 + k * 12
            guard let tag = block.u16(at), let type = block.u16(at + 2), let count = block.u32(at + 4) else { return nil }
            // An unknown type's size is unknown: the entry is skipped, not followed.
            guard let size = typeSizes[type] else { continue }
            let total = count * size      // count < 2³², size ≤ 8: no overflow in Int
            let valueAt: Int
            if total <= 4 { valueAt = at + 8 } else {
                guard let o = block.u32(at + 8), o <= block.bytes.count - total else { continue }
                valueAt = o
            }
            out.append(Entry(tag: tag, type: type, count: count, valueAt: valueAt))
        }
        return out
    }

    static func ascii(_ block: Block, _ e: Entry?) -> String? {
        guard let e, e.type == 2 || e.type == 7, e.count > 0 else { return nil }
        let raw = block.bytes[e.valueAt..<(e.valueAt + e.count)].prefix { $0 != 0 }
        let s = String(decoding: raw, as: UTF8.self).trimmed
        return s.isEmpty ? nil : String(s.prefix(64))
    }

    /// Three unsigned rationals (degrees, minutes, seconds) as degrees; nil on a zero
    /// denominator or a value out of range.
    static func degrees(_ block: Block, _ e: Entry?) -> Double? {
        guard let e, e.type == 5, e.count >= 3 else { return nil }
        var parts: [Double] = []
        for k in 0..<3 {
            guard let num = block.u32(e.valueAt + k * 8), let den = block.u32(e.valueAt + k * 8 + 4), den != 0 else { return nil }
            parts.append(Double(num) / Double(den))
        }
        let value = parts[0] + parts[1] / 60 + parts[2] / 3600
        return value.isFinite && value <= 180 ? value : nil
    }

    static func parse(_ slice: ArraySlice<UInt8>) -> PhotoMetadata {
        let bytes = Array(slice)
        guard bytes.count >= 8 else { return .unreadableBlock }
        let little: Bool
        switch (bytes[0], bytes[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return .unreadableBlock
        }
        let block = Block(bytes: bytes, little: little)
        guard block.u16(2) == 42, let first = block.u32(4) else { return .unreadableBlock }
        var seen: Set<Int> = []
        func dir(_ offset: Int) -> [Int: Entry]? {
            // A directory visited twice is a loop; more than a handful is junk.
            guard seen.count < maxDirectories, seen.insert(offset).inserted, let entries = directory(block, at: offset) else { return nil }
            return Dictionary(entries.map { ($0.tag, $0) }, uniquingKeysWith: { a, _ in a })
        }
        guard let ifd0 = dir(first) else { return .unreadableBlock }
        var meta = PhotoMetadata(make: ascii(block, ifd0[0x010F]), model: ascii(block, ifd0[0x0110]))
        func pointer(_ e: Entry?) -> Int? {
            guard let e, e.type == 4 || e.type == 13 || e.type == 3, e.count == 1 else { return nil }
            return e.type == 3 ? block.u16(e.valueAt) : block.u32(e.valueAt)
        }
        if let at = pointer(ifd0[0x8769]) {
            guard let exif = dir(at) else { meta.unreadable = true; return meta }
            if let when = ascii(block, exif[0x9003]) {
                meta.takenAt = TakenAt(exif: when, offset: ascii(block, exif[0x9011]))
            }
        }
        if let at = pointer(ifd0[0x8825]) {
            guard let gps = dir(at) else { meta.unreadable = true; return meta }
            if let lat = degrees(block, gps[2]), let lon = degrees(block, gps[4]), lat <= 90 {
                let south = ascii(block, gps[1])?.uppercased() == "S", west = ascii(block, gps[3])?.uppercased() == "W"
                meta.latitude = south ? -lat : lat
                meta.longitude = west ? -lon : lon
            }
        }
        return meta
    }
}
