import Foundation

/// 观摩's route: the order the tour visits its projects in. The office names where it starts
/// (the first project given); from there the tour goes each time to the nearest project not yet
/// visited, and then any stretch whose reversal shortens the route is reversed (2-opt): on a
/// district's few dozen sites that is as short as a bus route needs to be, and an order people
/// can follow on the map. Projects without coordinates come last, as given.
public enum InspectionRoute {
    public struct Stop<ID: Hashable & Sendable>: Sendable {
        public var id: ID
        public var point: GeoPoint?
        public init(id: ID, point: GeoPoint?) { self.id = id; self.point = point }
    }

    /// The visiting order, and each leg's distance in kilometres from the stop before (nil for
    /// the first, and for a stop or its predecessor without coordinates).
    public static func order<ID>(_ stops: [Stop<ID>]) -> [(id: ID, legKm: Double?)] {
        var located = stops.filter { $0.point != nil }
        let unlocated = stops.filter { $0.point == nil }
        var out: [(id: ID, legKm: Double?)] = []
        guard !located.isEmpty else { return unlocated.map { ($0.id, nil) } }
        var here = located.removeFirst()
        out.append((here.id, nil))
        while !located.isEmpty {
            var best = 0, bestKm = Double.infinity
            for (i, s) in located.enumerated() {
                let d = km(here.point ?? GeoPoint(lng: 0, lat: 0), s.point ?? GeoPoint(lng: 0, lat: 0))
                if d < bestKm { best = i; bestKm = d }
            }
            here = located.remove(at: best)
            out.append((here.id, (bestKm * 10).rounded() / 10))
        }
        let improved = untangle(out.map(\.id), at: Dictionary(stops.compactMap { s in s.point.map { (s.id, $0) } }, uniquingKeysWith: { a, _ in a }))
        var legs: [(id: ID, legKm: Double?)] = []
        for (i, id) in improved.enumerated() {
            let leg = i == 0 ? nil : km(points(improved[i - 1], id, in: stops))
            legs.append((id, leg.map { ($0 * 10).rounded() / 10 }))
        }
        return legs + unlocated.map { ($0.id, nil) }
    }

    /// Nearest-neighbour leaves crossings (a dash to the far south, then back north): reversing
    /// any stretch of the route that shortens it (2-opt, the start kept) until none does.
    static func untangle<ID>(_ route: [ID], at point: [ID: GeoPoint]) -> [ID] {
        var r = route
        guard r.count > 3 else { return r }
        func d(_ a: ID, _ b: ID) -> Double { km(point[a] ?? GeoPoint(lng: 0, lat: 0), point[b] ?? GeoPoint(lng: 0, lat: 0)) }
        var improved = true, rounds = 0
        while improved && rounds < 50 {
            improved = false; rounds += 1
            for i in 1..<(r.count - 1) {
                for j in (i + 1)..<r.count {
                    // Edges (i-1, i) and (j, j+1) become (i-1, j) and (i, j+1); the route is open at its end.
                    let before = d(r[i - 1], r[i]) + (j + 1 < r.count ? d(r[j], r[j + 1]) : 0)
                    let after = d(r[i - 1], r[j]) + (j + 1 < r.count ? d(r[i], r[j + 1]) : 0)
                    if after + 1e-9 < before { r[i...j].reverse(); improved = true }
                }
            }
        }
        return r
    }

    static func points<ID>(_ a: ID, _ b: ID, in stops: [Stop<ID>]) -> (GeoPoint, GeoPoint)? {
        guard let p = stops.first(where: { $0.id == a })?.point, let q = stops.first(where: { $0.id == b })?.point else { return nil }
        return (p, q)
    }

    static func km(_ pair: (GeoPoint, GeoPoint)?) -> Double? { pair.map { km($0.0, $0.1) } }

    /// Great-circle distance (haversine), kilometres.
    public static func km(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let r = 6371.0, rad = Double.pi / 180
        let dLat = (b.lat - a.lat) * rad, dLng = (b.lng - a.lng) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * rad) * cos(b.lat * rad) * sin(dLng / 2) * sin(dLng / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }
}
