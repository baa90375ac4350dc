import Foundation

/// Erqi's 三区三轴 as approximate shapes drawn for the demo (not survey data): the district's
/// outline around its extent, three east–west bands for the areas (north: the old city's
/// renewal; middle: industry and city; south: the hills), and the three north–south axes as
/// lines along their roads. Written as the GeoJSON an office would upload.
enum DemoMap {
    static func geojson() -> Data {
        let w = DemoDistrict.west, e = DemoDistrict.east, s = DemoDistrict.south, n = DemoDistrict.north
        // The outline bulges outwards in places so it reads as a district, not a box; its cut
        // corners still hold every demo project (they lie at least 0.005° inside the extent).
        let outline: [[Double]] = [
            [w + 0.012, n + 0.003], [w + 0.055, n + 0.008], [e - 0.030, n + 0.004], [e + 0.003, n - 0.010],
            [e + 0.007, n - 0.080], [e + 0.002, s + 0.050], [e - 0.010, s - 0.003], [e - 0.060, s - 0.008],
            [w + 0.012, s - 0.004], [w - 0.004, s + 0.012], [w - 0.008, s + 0.090], [w - 0.003, n - 0.012],
            [w + 0.012, n + 0.003],
        ]
        let band = (n - s) / 3
        // Each area is the outline's part between two latitudes.
        func rect(_ top: Double, _ bottom: Double) -> [[Double]] {
            let ring = clip(clip(outline, keepBelow: top), keepAbove: bottom)
            return ring + [ring[0]]
        }
        var features: [[String: Any]] = [feature("二七区", "boundary", "Polygon", [outline])]
        for (i, name) in DemoFigures.areas.enumerated() {
            let top = n - band * Double(i), bottom = n - band * Double(i + 1)
            features.append(feature(name, "zone", "Polygon", [rect(i == 0 ? n + 0.02 : top, i == 2 ? s - 0.02 : bottom)]))
        }
        for (i, name) in DemoFigures.axes.enumerated() {
            let lng = DemoDistrict.axisLongitudes[i]
            features.append(feature(name, "axis", "LineString", [[lng, s + 0.004], [lng + 0.002, (s + n) / 2], [lng, n - 0.002]]))
        }
        let root: [String: Any] = ["type": "FeatureCollection", "features": features]
        return try! JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
    }

    /// Sutherland–Hodgman against one horizontal line: the part of the ring at or below
    /// (`keepBelow`) or at or above (`keepAbove`) a latitude, as an open ring.
    static func clip(_ ring: [[Double]], keepBelow: Double? = nil, keepAbove: Double? = nil) -> [[Double]] {
        let limit = keepBelow ?? keepAbove!
        func inside(_ p: [Double]) -> Bool { keepBelow != nil ? p[1] <= limit : p[1] >= limit }
        let open = ring.first == ring.last ? Array(ring.dropLast()) : ring
        var out: [[Double]] = []
        for (i, cur) in open.enumerated() {
            let prev = open[(i + open.count - 1) % open.count]
            if inside(cur) != inside(prev) {
                let t = (limit - prev[1]) / (cur[1] - prev[1])
                out.append([prev[0] + t * (cur[0] - prev[0]), limit])
            }
            if inside(cur) { out.append(cur) }
        }
        return out.map { $0.map { ($0 * 1_000_000).rounded() / 1_000_000 } }
    }

    static func feature(_ name: String, _ kind: String, _ type: String, _ coordinates: Any) -> [String: Any] {
        ["type": "Feature", "properties": ["name": name, "kind": kind], "geometry": ["type": type, "coordinates": coordinates]]
    }
}
