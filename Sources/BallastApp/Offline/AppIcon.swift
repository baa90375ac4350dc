import Foundation

/// The site's icon for a phone's home screen (the manifest asks for 192 and 512 pixels): a
/// white weight — a ballast — on the brand's red, drawn from its shape at any size and written
/// as a two-colour PNG (bit depth 1, stored deflate), so no image file or library is needed and
/// the 512-pixel icon is 33 KB.
enum AppIcon {
    static let red: (UInt8, UInt8, UInt8) = (0xB7, 0x1C, 0x1C)

    /// Whether the point (x, y in 0…1, y down) is white: a ring on top of a trapezoid.
    static func white(_ x: Double, _ y: Double) -> Bool {
        // The weight: 0.42…0.80 high, 0.56 wide at its foot, 0.36 at its top.
        if y >= 0.42 && y <= 0.80 {
            let t = (y - 0.42) / 0.38
            let half = 0.18 + 0.10 * t
            return abs(x - 0.5) <= half
        }
        // The ring: a circle of radius 0.11 around (0.5, 0.31), 0.045 thick.
        let d = ((x - 0.5) * (x - 0.5) + (y - 0.31) * (y - 0.31)).squareRoot()
        return d <= 0.11 && d >= 0.065
    }

    static func png(size: Int) -> [UInt8] {
        let rowBytes = (size + 7) / 8
        var raw: [UInt8] = []
        raw.reserveCapacity(size * (rowBytes + 1))
        for py in 0..<size {
            raw.append(0)   // filter: none
            var row = [UInt8](repeating: 0, count: rowBytes)
            for px in 0..<size where white((Double(px) + 0.5) / Double(size), (Double(py) + 0.5) / Double(size)) {
                row[px / 8] |= UInt8(0x80 >> (px % 8))
            }
            raw += row
        }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return be32(data.count) + body + be32(Int(crc32(body)))
        }
        let header = be32(size) + be32(size) + [1, 3, 0, 0, 0]          // 1 bit, palette
        let palette: [UInt8] = [red.0, red.1, red.2, 0xFF, 0xFF, 0xFF]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("PLTE", palette)
            + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
    }

    static func be32(_ v: Int) -> [UInt8] { [UInt8((v >> 24) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    /// A zlib stream of stored (uncompressed) deflate blocks, with its Adler-32.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65_535, data.count - i)
            let last: UInt8 = i + n >= data.count ? 1 : 0
            out += [last, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        return out + be32(Int(b << 16 | a))
    }

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static let icon192 = png(size: 192)
    static let icon512 = png(size: 512)
}
