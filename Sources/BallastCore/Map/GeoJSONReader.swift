import Foundation

/// Reads a district's zone map from GeoJSON (RFC 7946): a FeatureCollection whose features
/// each have a `name` property, a `kind` of boundary, zone or axis (zone when absent), and a
/// Polygon, MultiPolygon or LineString geometry in longitude–latitude degrees. Anything else is
/// refused with the feature and field named, so an upload is never half-understood.
public enum GeoJSONReader {
    public static let maxFeatures = 500
    public static let maxPoints = 200_000

    public static func read(_ data: Data) -> Result<MapLayer, FieldProblem> {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data) } catch {
            return .failure(problem("geojson", zh: "不是有效的 JSON：\(error.localizedDescription)", en: "Not valid JSON: \(error.localizedDescription)"))
        }
        guard let root = json as? [String: Any], root["type"] as? String == "FeatureCollection" else {
            return .failure(problem("type", zh: "应为 GeoJSON 的 FeatureCollection", en: "Expected a GeoJSON FeatureCollection"))
        }
        guard let features = root["features"] as? [Any] else {
            return .failure(problem("features", zh: "缺少 features 数组", en: "The features array is missing"))
        }
        if features.isEmpty { return .failure(problem("features", zh: "没有任何要素", en: "There are no features")) }
        if features.count > maxFeatures {
            return .failure(problem("features", zh: "要素过多（\(features.count) 个，最多 \(maxFeatures) 个）", en: "Too many features (\(features.count); at most \(maxFeatures))"))
        }
        var out: [MapLayer.Feature] = []
        var points = 0
        for (i, raw) in features.enumerated() {
            let n = i + 1
            switch feature(raw, number: n) {
            case .failure(let p): return .failure(p)
            case .success(let f):
                points += MapLayer(features: [f]).points.count
                if points > maxPoints {
                    return .failure(problem("features", zh: "坐标点过多（超过 \(maxPoints) 个），请简化图形", en: "Too many points (over \(maxPoints)); simplify the shapes"))
                }
                out.append(f)
            }
        }
        return .success(MapLayer(features: out))
    }

    static func problem(_ field: String, zh: String, en: String) -> FieldProblem {
        FieldProblem(field, Message(zh: zh, en: en))
    }

    static func feature(_ raw: Any, number n: Int) -> Result<MapLayer.Feature, FieldProblem> {
        let field = "features[\(n)]"
        guard let f = raw as? [String: Any], f["type"] as? String == "Feature" else {
            return .failure(problem(field, zh: "第 \(n) 个要素不是 Feature", en: "Feature \(n) is not a Feature"))
        }
        let props = f["properties"] as? [String: Any] ?? [:]
        guard let name = (props["name"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
            return .failure(problem("\(field).properties.name", zh: "第 \(n) 个要素缺少名称（properties.name）", en: "Feature \(n) has no name (properties.name)"))
        }
        let kindText = props["kind"] as? String ?? "zone"
        guard let kind = MapLayer.Kind(rawValue: kindText) else {
            return .failure(problem("\(field).properties.kind", zh: "第 \(n) 个要素“\(name)”的类型“\(kindText)”无效，应为 boundary、zone 或 axis",
                                    en: "Feature \(n) “\(name)”: kind “\(kindText)” is not boundary, zone or axis"))
        }
        guard let g = f["geometry"] as? [String: Any], let type = g["type"] as? String else {
            return .failure(problem("\(field).geometry", zh: "第 \(n) 个要素“\(name)”缺少几何图形", en: "Feature \(n) “\(name)” has no geometry"))
        }
        let where_ = Message(zh: "第 \(n) 个要素“\(name)”", en: "Feature \(n) “\(name)”")
        let coordinates = g["coordinates"]
        let geometry: Result<MapLayer.Geometry, FieldProblem>
        switch type {
        case "Polygon":
            geometry = polygon(coordinates, at: "\(field).geometry.coordinates", where_).map { .polygon($0) }
        case "MultiPolygon":
            guard let polys = coordinates as? [Any], !polys.isEmpty else {
                return .failure(problem("\(field).geometry.coordinates", zh: "\(where_.zh)的坐标应为多边形数组", en: "\(where_.en): coordinates must be an array of polygons"))
            }
            var out: [[[GeoPoint]]] = []
            for (j, p) in polys.enumerated() {
                switch polygon(p, at: "\(field).geometry.coordinates[\(j + 1)]", where_) {
                case .failure(let e): return .failure(e)
                case .success(let rings): out.append(rings)
                }
            }
            geometry = .success(.multiPolygon(out))
        case "LineString":
            geometry = positions(coordinates, at: "\(field).geometry.coordinates", where_).flatMap { line in
                line.count >= 2 ? .success(.line(line))
                    : .failure(problem("\(field).geometry.coordinates", zh: "\(where_.zh)的线至少要有 2 个点", en: "\(where_.en): a line needs at least 2 points"))
            }
        default:
            return .failure(problem("\(field).geometry.type", zh: "\(where_.zh)的图形类型“\(type)”不支持（可用 Polygon、MultiPolygon、LineString）",
                                    en: "\(where_.en): geometry type “\(type)” is not supported (Polygon, MultiPolygon, LineString)"))
        }
        return geometry.flatMap { geo in
            if kind == .axis, case .line = geo { return .success(MapLayer.Feature(name: name, kind: kind, geometry: geo)) }
            if kind != .axis, case .line = geo {
                return .failure(problem("\(field).geometry.type", zh: "\(where_.zh)是\(kind == .boundary ? "边界" : "片区")，应为多边形", en: "\(where_.en): a \(kind.rawValue) must be a polygon"))
            }
            if kind == .axis {
                return .failure(problem("\(field).geometry.type", zh: "\(where_.zh)是发展轴，应为线（LineString）", en: "\(where_.en): an axis must be a LineString"))
            }
            return .success(MapLayer.Feature(name: name, kind: kind, geometry: geo))
        }
    }

    static func polygon(_ raw: Any?, at field: String, _ where_: Message) -> Result<[[GeoPoint]], FieldProblem> {
        guard let rings = raw as? [Any], !rings.isEmpty else {
            return .failure(problem(field, zh: "\(where_.zh)的多边形没有环", en: "\(where_.en): the polygon has no rings"))
        }
        var out: [[GeoPoint]] = []
        for (k, r) in rings.enumerated() {
            switch positions(r, at: "\(field)[\(k + 1)]", where_) {
            case .failure(let e): return .failure(e)
            case .success(let ring):
                guard ring.count >= 4 else {
                    return .failure(problem("\(field)[\(k + 1)]", zh: "\(where_.zh)的第 \(k + 1) 个环少于 4 个点", en: "\(where_.en): ring \(k + 1) has fewer than 4 points"))
                }
                guard ring.first == ring.last else {
                    return .failure(problem("\(field)[\(k + 1)]", zh: "\(where_.zh)的第 \(k + 1) 个环没有闭合（首尾点应相同）", en: "\(where_.en): ring \(k + 1) is not closed (first and last points must match)"))
                }
                out.append(ring)
            }
        }
        return .success(out)
    }

    static func positions(_ raw: Any?, at field: String, _ where_: Message) -> Result<[GeoPoint], FieldProblem> {
        guard let list = raw as? [Any] else {
            return .failure(problem(field, zh: "\(where_.zh)的坐标应为数组", en: "\(where_.en): coordinates must be an array"))
        }
        var out: [GeoPoint] = []
        out.reserveCapacity(list.count)
        for (i, item) in list.enumerated() {
            guard let pair = item as? [Any], pair.count >= 2, let lng = number(pair[0]), let lat = number(pair[1]) else {
                return .failure(problem("\(field)[\(i + 1)]", zh: "\(where_.zh)的第 \(i + 1) 个坐标不是 [经度, 纬度]", en: "\(where_.en): position \(i + 1) is not [longitude, latitude]"))
            }
            guard (-180...180).contains(lng), (-90...90).contains(lat) else {
                return .failure(problem("\(field)[\(i + 1)]", zh: "\(where_.zh)的第 \(i + 1) 个坐标 [\(lng), \(lat)] 超出经纬度范围", en: "\(where_.en): position \(i + 1) [\(lng), \(lat)] is out of range"))
            }
            out.append(GeoPoint(lng: lng, lat: lat))
        }
        return .success(out)
    }

    static func number(_ v: Any) -> Double? {
        (v as? NSNumber)?.doubleValue
    }
}
