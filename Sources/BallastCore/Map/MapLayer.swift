import Foundation

/// A point on the map: longitude and latitude in degrees.
public struct GeoPoint: Sendable, Equatable, Codable {
    public var lng: Double
    public var lat: Double
    public init(lng: Double, lat: Double) { self.lng = lng; self.lat = lat }
}

/// A district's map for a year: its boundary, its zones (片区) and axis lines (发展轴), read
/// from GeoJSON. Only the shapes the map draws are kept: polygons (with holes), multipolygons
/// and lines.
public struct MapLayer: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The district's outline: a project outside it is flagged.
        case boundary
        /// A zone (片区) projects are planned in.
        case zone
        /// An axis (发展轴), drawn as a line.
        case axis
    }

    public enum Geometry: Sendable, Equatable {
        /// Rings: the outer one first, then holes.
        case polygon([[GeoPoint]])
        case multiPolygon([[[GeoPoint]]])
        case line([GeoPoint])
    }

    public struct Feature: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        public var geometry: Geometry
        public init(name: String, kind: Kind, geometry: Geometry) { self.name = name; self.kind = kind; self.geometry = geometry }
    }

    public var features: [Feature]
    public init(features: [Feature]) { self.features = features }

    /// Every point of every feature.
    public var points: [GeoPoint] {
        features.flatMap { f -> [GeoPoint] in
            switch f.geometry {
            case .polygon(let rings): rings.flatMap { $0 }
            case .multiPolygon(let polys): polys.flatMap { $0.flatMap { $0 } }
            case .line(let l): l
            }
        }
    }

    /// The smallest box holding every feature.
    public var bounds: GeoBounds? { GeoBounds(points) }

    /// Whether `p` lies within the district: inside the boundary when there is one, else inside
    /// any zone. A layer with neither says yes (nothing to judge against).
    public func contains(_ p: GeoPoint) -> Bool {
        let boundary = features.filter { $0.kind == .boundary }
        let areas = boundary.isEmpty ? features.filter { $0.kind == .zone } : boundary
        if areas.isEmpty { return true }
        return areas.contains { $0.geometry.contains(p) }
    }
}

extension MapLayer.Geometry {
    /// Point in polygon by ray casting: inside the outer ring and outside every hole. A line
    /// contains nothing.
    public func contains(_ p: GeoPoint) -> Bool {
        switch self {
        case .polygon(let rings): return Self.inside(p, rings)
        case .multiPolygon(let polys): return polys.contains { Self.inside(p, $0) }
        case .line: return false
        }
    }

    static func inside(_ p: GeoPoint, _ rings: [[GeoPoint]]) -> Bool {
        guard let outer = rings.first, crosses(p, outer) else { return false }
        return !rings.dropFirst().contains { crosses(p, $0) }
    }

    /// An odd number of ring edges crossed by the ray from `p` eastwards.
    static func crosses(_ p: GeoPoint, _ ring: [GeoPoint]) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            if (a.lat > p.lat) != (b.lat > p.lat) {
                let x = (b.lng - a.lng) * (p.lat - a.lat) / (b.lat - a.lat) + a.lng
                if p.lng < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}

/// A longitude–latitude box.
public struct GeoBounds: Sendable, Equatable {
    public var west: Double, south: Double, east: Double, north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west; self.south = south; self.east = east; self.north = north
    }

    public init?(_ points: [GeoPoint]) {
        guard let first = points.first else { return nil }
        var b = GeoBounds(west: first.lng, south: first.lat, east: first.lng, north: first.lat)
        for p in points.dropFirst() {
            b.west = min(b.west, p.lng); b.east = max(b.east, p.lng)
            b.south = min(b.south, p.lat); b.north = max(b.north, p.lat)
        }
        self = b
    }
}
