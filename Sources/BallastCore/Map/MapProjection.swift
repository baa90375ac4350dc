import Foundation

/// Places longitude–latitude on a drawing: Web Mercator (the projection of web map tiles, so a
/// configured tile service lines up with our layers), scaled to fit `bounds` in a width ×
/// height box with a margin, centred, north up.
public struct MapProjection: Sendable, Equatable {
    public var width: Double
    public var height: Double
    /// Drawing units per Mercator unit.
    public let scale: Double
    let originX: Double, originY: Double

    public init(bounds: GeoBounds, width: Double, height: Double, margin: Double = 16) {
        self.width = width; self.height = height
        let x0 = Self.mercatorX(bounds.west), x1 = Self.mercatorX(bounds.east)
        let y0 = Self.mercatorY(bounds.north), y1 = Self.mercatorY(bounds.south)
        let spanX = max(x1 - x0, 1e-9), spanY = max(y1 - y0, 1e-9)
        scale = min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
        originX = x0 - ((width / scale) - spanX) / 2
        originY = y0 - ((height / scale) - spanY) / 2
    }

    /// Mercator x in [0, 1] from the antimeridian eastwards.
    static func mercatorX(_ lng: Double) -> Double { (lng + 180) / 360 }
    /// Mercator y in [0, 1] from the north.
    static func mercatorY(_ lat: Double) -> Double {
        let s = sin(max(-85.05, min(85.05, lat)) * .pi / 180)
        return 0.5 - log((1 + s) / (1 - s)) / (4 * .pi)
    }

    public func point(_ p: GeoPoint) -> (x: Double, y: Double) {
        ((Self.mercatorX(p.lng) - originX) * scale, (Self.mercatorY(p.lat) - originY) * scale)
    }

    /// The tiles at `zoom` covering the drawing, each with where it is drawn: x, y and size.
    public func tiles(zoom: Int) -> [(x: Int, y: Int, left: Double, top: Double, size: Double)] {
        let n = Double(1 << zoom)
        let size = scale / n
        let firstX = Int(floor(originX * n)), lastX = Int(floor((originX + width / scale) * n))
        let firstY = Int(floor(originY * n)), lastY = Int(floor((originY + height / scale) * n))
        var out: [(Int, Int, Double, Double, Double)] = []
        for ty in max(0, firstY)...max(0, lastY) {
            for tx in max(0, firstX)...max(0, lastX) {
                out.append((tx, ty, (Double(tx) / n - originX) * scale, (Double(ty) / n - originY) * scale, size))
            }
        }
        return out
    }

    /// The tile zoom whose tiles are about 256 drawing units wide.
    public var tileZoom: Int { max(0, min(18, Int((log2(scale / 256)).rounded()))) }
}
