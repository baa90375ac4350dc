import BallastCharts
import BallastCore
import BallastStore
import Foundation

/// The district map as SVG, by our own code and with no network: the zone layer (boundary,
/// zones, axis lines) and the projects as dots coloured by their light and sized by their
/// investment, each a link to its card. With a tile service configured, its tiles are drawn
/// underneath in the same Web Mercator projection, so the layers sit on the streets.
package struct DistrictMap {
    var id: String
    var layer: MapLayer?
    var points: [MapPointsQuery.Point]
    var width: Double
    var height: Double
    /// The link a dot opens: the project's card.
    var href: (MapPointsQuery.Point) -> String
    var title: String
    /// A URL template with {z}, {x} and {y}, e.g. a 天地图 WMTS tile URL with its key.
    var tiles: String?
    var selected: UUID?
    /// A dot's tip names the amount's unit in English on an English page.
    var english = false
    /// A 观摩's visiting order: a line through these projects' dots, each numbered.
    var route: [UUID] = []

    /// Points placed, and those that could not be: no coordinates, or outside the district.
    struct Placement: Sendable {
        var placed: [MapPointsQuery.Point]
        var unlocated: [MapPointsQuery.Point]
        var outside: [MapPointsQuery.Point]
    }

    /// The map drawn once, with where its points fell: what a map page keeps between changes.
    struct Drawn: Sendable {
        var svg: String
        var placement: Placement
        var selected: UUID?
    }

    func drawn() -> Drawn { Drawn(svg: svg(), placement: placement(), selected: selected) }

    func placement() -> Placement {
        var p = Placement(placed: [], unlocated: [], outside: [])
        for point in points {
            guard let lng = point.lng, let lat = point.lat else { p.unlocated.append(point); continue }
            p.placed.append(point)
            if let layer, !layer.contains(GeoPoint(lng: lng, lat: lat)) { p.outside.append(point) }
        }
        return p
    }

    package func svg() -> String {
        let place = placement()
        let dots = place.placed.map { GeoPoint(lng: $0.lng ?? 0, lat: $0.lat ?? 0) }   // placed points have both
        // The district's extent when its map is known (a dot far outside is then drawn at the
        // edge, flagged, not allowed to shrink the district to a speck); else the dots' extent.
        let bounds = layer?.bounds ?? GeoBounds(dots)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart district-map\" id=\"\(id)\" viewBox=\"0 0 \(SVG.num(width)) \(SVG.num(height))\" role=\"img\" aria-labelledby=\"\(id)-title\">"
            + "<title id=\"\(id)-title\">\(SVG.escape(title))</title>"
        guard let bounds else {
            return out + "<text class=\"empty\" x=\"\(SVG.num(width / 2))\" y=\"\(SVG.num(height / 2))\" text-anchor=\"middle\">暂无可上图的项目 / Nothing to map</text></svg>"
        }
        let projection = MapProjection(bounds: bounds, width: width, height: height)
        if let tiles {
            let z = projection.tileZoom
            out += "<g class=\"tiles\">"
            for t in projection.tiles(zoom: z) {
                let url = tiles.replacingOccurrences(of: "{z}", with: String(z)).replacingOccurrences(of: "{x}", with: String(t.x))
                    .replacingOccurrences(of: "{y}", with: String(t.y))
                out += "<image href=\"\(SVG.escape(url))\" x=\"\(SVG.num(t.left))\" y=\"\(SVG.num(t.top))\" width=\"\(SVG.num(t.size + 0.5))\" height=\"\(SVG.num(t.size + 0.5))\"/>"
            }
            out += "</g>"
        }
        if let layer { out += shapes(layer, projection) }
        let maxInvestment = Double(place.placed.map(\.totalInvestment).max() ?? 1)
        let outside = Set(place.outside.map(\.id))
        out += "<g class=\"dots\">"
        for p in place.placed {
            var (x, y) = projection.point(GeoPoint(lng: p.lng ?? 0, lat: p.lat ?? 0))
            x = min(max(x, 2), width - 2); y = min(max(y, 2), height - 2)
            let r = 2.5 + 9 * (Double(max(p.totalInvestment, 0)) / max(maxInvestment, 1)).squareRoot()
            let cls = "dot c-\(p.colour ?? "none")\(outside.contains(p.id) ? " outside" : "")\(p.id == selected ? " selected" : "")"
            out += "<a href=\"\(SVG.escape(href(p)))\"><circle class=\"\(cls)\" cx=\"\(SVG.num(x))\" cy=\"\(SVG.num(y))\" r=\"\(SVG.num(r))\">"
                + "<title>\(SVG.escape(tip(p)))</title></circle></a>"
        }
        out += "</g>"
        if !route.isEmpty { out += routeLine(place.placed, projection) }
        // The names last, above the dots (which used to hide them), and not in the way of a click.
        if let layer { out += names(layer, projection) }
        return SVG.finish(out)
    }

    /// The route: a line from stop to stop in visiting order, and each stop's number beside its dot.
    func routeLine(_ placed: [MapPointsQuery.Point], _ projection: MapProjection) -> String {
        let at = Dictionary(placed.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let stops: [(n: Int, x: Double, y: Double)] = route.enumerated().compactMap { i, id in
            guard let p = at[id], let lng = p.lng, let lat = p.lat else { return nil }
            let (x, y) = projection.point(GeoPoint(lng: lng, lat: lat))
            return (i + 1, min(max(x, 2), width - 2), min(max(y, 2), height - 2))
        }
        guard !stops.isEmpty else { return "" }
        var out = "<g class=\"route\" pointer-events=\"none\"><path class=\"route-line\" d=\""
            + stops.enumerated().map { i, s in "\(i == 0 ? "M" : "L")\(SVG.num(s.x)) \(SVG.num(s.y))" }.joined(separator: " ") + "\"/>"
        for s in stops {
            out += "<circle class=\"route-stop\" cx=\"\(SVG.num(s.x))\" cy=\"\(SVG.num(s.y))\" r=\"9\"/>"
                + "<text class=\"route-number\" x=\"\(SVG.num(s.x))\" y=\"\(SVG.num(s.y + 3.5))\" text-anchor=\"middle\">\(s.n)</text>"
        }
        return out + "</g>"
    }

    /// A dot's tip: the project and its total, in the page's language.
    func tip(_ p: MapPointsQuery.Point) -> String {
        let amount = MoneyScale.yi.label(Double(p.totalInvestment), english: english)
        return english ? "\(p.code) \(p.name) (\(amount))" : "\(p.code) \(p.name)（\(amount)）"
    }

    func shapes(_ layer: MapLayer, _ projection: MapProjection) -> String {
        func path(_ ring: [GeoPoint], close: Bool) -> String {
            ring.enumerated().map { i, p in
                let (x, y) = projection.point(p)
                return "\(i == 0 ? "M" : "L")\(SVG.num(x)) \(SVG.num(y))"
            }.joined(separator: " ") + (close ? " Z" : "")
        }
        var out = "<g class=\"layer\">"
        // Boundary under zones under axes, so every outline stays visible.
        for kind in [MapLayer.Kind.boundary, .zone, .axis] {
            for (i, f) in layer.features.enumerated() where f.kind == kind {
                let d: String
                switch f.geometry {
                case .polygon(let rings): d = rings.map { path($0, close: true) }.joined(separator: " ")
                case .multiPolygon(let polys): d = polys.flatMap { $0.map { path($0, close: true) } }.joined(separator: " ")
                case .line(let line): d = path(line, close: false)
                }
                let cls = kind == .zone ? "zone z\(i % 6)" : kind.rawValue
                out += "<path class=\"\(cls)\" d=\"\(d)\"\(kind == .zone ? " fill-rule=\"evenodd\"" : "")><title>\(SVG.escape(f.name))</title></path>"
            }
        }
        return out + "</g>"
    }

    /// The layer's names: a zone's at its middle; an axis's along its line, turned to run down it
    /// (axes run close together: level names would collide).
    func names(_ layer: MapLayer, _ projection: MapProjection) -> String {
        var out = "<g class=\"names\" pointer-events=\"none\">"
        for f in layer.features where f.kind != .boundary {
            let pts = MapLayer(features: [f]).points
            guard let b = GeoBounds(pts) else { continue }
            let (x, y) = projection.point(GeoPoint(lng: (b.west + b.east) / 2, lat: (b.south + b.north) / 2))
            if f.kind == .axis {
                let name = TextWidth.wrap(f.name, maxEms: 16, maxLines: 1).first ?? f.name
                out += "<text class=\"axis-name\" x=\"\(SVG.num(x + 6))\" y=\"\(SVG.num(y))\" text-anchor=\"middle\" transform=\"rotate(90 \(SVG.num(x + 6)) \(SVG.num(y)))\">\(SVG.escape(name))</text>"
                continue
            }
            let label = TextWidth.wrap(f.name, maxEms: 8, maxLines: 2)
            out += "<text class=\"zone-name\" x=\"\(SVG.num(x))\" y=\"\(SVG.num(y))\" text-anchor=\"middle\">"
            for (i, l) in label.enumerated() {
                out += "<tspan x=\"\(SVG.num(x))\"\(i == 0 ? "" : " dy=\"1.2em\"")>\(SVG.escape(l))</tspan>"
            }
            out += "</text>"
        }
        return out + "</g>"
    }
}
