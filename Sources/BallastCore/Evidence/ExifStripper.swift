/// A photo without where it was taken, for people who may not see that: a JPEG without its APP1
/// segments (EXIF and XMP, both of which can carry GPS), a PNG without its eXIf and text chunks.
/// The image data itself is copied unchanged, so the picture is the same; the stored original
/// keeps everything for the record.
public enum ExifStripper {
    public static func stripped(_ b: [UInt8]) -> [UInt8] {
        if b.starts(with: [0xFF, 0xD8]) { return jpeg(b) ?? b }
        if b.starts(with: SitePhoto.pngSignature) { return png(b) ?? b }
        return b
    }

    /// Segments up to the start of scan, APP1 left out; from the scan on, the bytes as they are,
    /// to the end-of-image marker and no further: a second picture appended after it (a phone's
    /// multi-picture file, or a hostile one) carries EXIF of its own. Inside the scan a 0xFF byte
    /// is always followed by 0x00 or a restart marker, so the first FF D9 is the image's end.
    /// Nil (the caller keeps the original) when the segments do not parse: an upload was checked
    /// to be a JPEG, so that is a file no viewer would read either.
    static func jpeg(_ b: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = [0xFF, 0xD8]
        out.reserveCapacity(b.count)
        var i = 2
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xDA {
                var end = i + 2
                while end + 1 < b.count, !(b[end] == 0xFF && b[end + 1] == 0xD9) { end += 1 }
                // No end marker: the scan runs to the file's end, as a viewer would read it.
                out += b[i..<min(b.count, end + 2)]
                return out
            }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { return nil }
            if marker != 0xE1 { out += b[i..<(i + 2 + length)] }
            i += 2 + length
        }
        return nil
    }

    static func png(_ b: [UInt8]) -> [UInt8]? {
        var out = Array(b[0..<8])
        out.reserveCapacity(b.count)
        var i = 8
        let dropped: Set<String> = ["eXIf", "tEXt", "zTXt", "iTXt"]
        while i + 12 <= b.count {
            let length = b[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) }
            guard length <= b.count - i - 12 else { return nil }
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            if !dropped.contains(type) { out += b[i..<(i + 12 + length)] }
            i += 12 + length
            if type == "IEND" { return out }
        }
        return nil
    }
}
