/// Writes the camera's record into a JPEG: an APP1 EXIF segment after SOI with the make and
/// model, the time taken and its offset, and the GPS position, in the TIFF form `ExifReader`
/// reads and phones write. The demo stamps its site photos with it; nothing a user sends is
/// rewritten.
public enum ExifWriter {
    struct Field {
        var tag: Int, type: Int, count: Int, data: [UInt8]
    }

    static func u16(_ v: Int) -> [UInt8] { [UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
    static func u32(_ v: Int) -> [UInt8] { u16((v >> 16) & 0xFFFF) + u16(v & 0xFFFF) }

    static func ascii(_ tag: Int, _ s: String) -> Field {
        let bytes = Array(s.utf8) + [0]
        return Field(tag: tag, type: 2, count: bytes.count, data: bytes)
    }

    static func long(_ tag: Int, _ v: Int) -> Field { Field(tag: tag, type: 4, count: 1, data: u32(v)) }

    /// Degrees as three rationals: whole degrees, whole minutes, seconds in hundredths.
    static func dms(_ tag: Int, _ degrees: Double) -> Field {
        let v = abs(degrees)
        let d = Int(v), m = Int((v - Double(d)) * 60)
        let s = Int((((v - Double(d)) * 60 - Double(m)) * 60 * 100).rounded())
        return Field(tag: tag, type: 5, count: 3, data: u32(d) + u32(1) + u32(m) + u32(1) + u32(s) + u32(100))
    }

    /// An IFD placed at `start` within the TIFF block, its longer values after it.
    static func directory(_ fields: [Field], at start: Int) -> [UInt8] {
        let sorted = fields.sorted { $0.tag < $1.tag }
        var head = u16(sorted.count), tail: [UInt8] = []
        let dataStart = start + 2 + sorted.count * 12 + 4
        for f in sorted {
            head += u16(f.tag) + u16(f.type) + u32(f.count)
            if f.data.count <= 4 {
                head += f.data + [UInt8](repeating: 0, count: 4 - f.data.count)
            } else {
                head += u32(dataStart + tail.count)
                tail += f.data
                if tail.count % 2 == 1 { tail.append(0) }   // values start on a word boundary
            }
        }
        return head + u32(0) + tail
    }

    /// The TIFF block (big-endian) for what is given.
    public static func tiff(takenAt: TakenAt?, latitude: Double?, longitude: Double?, make: String?, model: String?) -> [UInt8] {
        var exif: [Field] = []
        if let t = takenAt {
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            exif.append(ascii(0x9003, "\(t.year):\(two(t.month)):\(two(t.day)) \(two(t.hour)):\(two(t.minute)):\(two(t.second))"))
            if let o = t.offsetMinutes { exif.append(ascii(0x9011, (o < 0 ? "-" : "+") + two(abs(o) / 60) + ":" + two(abs(o) % 60))) }
        }
        var gps: [Field] = []
        if let latitude, let longitude {
            gps = [ascii(1, latitude < 0 ? "S" : "N"), dms(2, latitude), ascii(3, longitude < 0 ? "W" : "E"), dms(4, longitude)]
        }
        func zeroth(exifAt: Int, gpsAt: Int) -> [Field] {
            var f: [Field] = []
            if let make { f.append(ascii(0x010F, make)) }
            if let model { f.append(ascii(0x0110, model)) }
            if !exif.isEmpty { f.append(long(0x8769, exifAt)) }
            if !gps.isEmpty { f.append(long(0x8825, gpsAt)) }
            return f
        }
        // IFD0's size does not depend on the pointers' values: lay it out once to find them.
        let size0 = directory(zeroth(exifAt: 0, gpsAt: 0), at: 8).count
        let exifBlock = exif.isEmpty ? [] : directory(exif, at: 8 + size0)
        let gpsAt = 8 + size0 + exifBlock.count
        let gpsBlock = gps.isEmpty ? [] : directory(gps, at: gpsAt)
        return [0x4D, 0x4D] + u16(42) + u32(8) + directory(zeroth(exifAt: 8 + size0, gpsAt: gpsAt), at: 8) + exifBlock + gpsBlock
    }

    /// The JPEG with an EXIF segment right after SOI (any it had before are kept after it, and
    /// `ExifReader` reads the first). Nil for bytes that are not a JPEG.
    public static func stamped(_ jpeg: [UInt8], takenAt: TakenAt?, latitude: Double?, longitude: Double?, make: String?, model: String?) -> [UInt8]? {
        guard jpeg.starts(with: [0xFF, 0xD8]) else { return nil }
        let payload = Array("Exif".utf8) + [0, 0] + tiff(takenAt: takenAt, latitude: latitude, longitude: longitude, make: make, model: model)
        guard payload.count + 2 <= 0xFFFF else { return nil }
        return [0xFF, 0xD8, 0xFF, 0xE1] + u16(payload.count + 2) + payload + jpeg[2...]
    }
}
