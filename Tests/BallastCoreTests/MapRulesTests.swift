import BallastCore
import Foundation
import Testing

@Suite struct MapRulesTests {
    static let square = #"{"type":"Feature","properties":{"name":"甲区","kind":"zone"},"geometry":{"type":"Polygon","coordinates":[[[113,34],[114,34],[114,35],[113,35],[113,34]]]}}"#

    static func collection(_ features: String...) -> Data {
        Data(#"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.utf8)
    }

    func problem(_ data: Data) -> FieldProblem? {
        if case .failure(let p) = GeoJSONReader.read(data) { return p }
        return nil
    }

    @Test func aValidCollectionIsReadWithItsKindsAndShapes() throws {
        let axis = #"{"type":"Feature","properties":{"name":"嵩山路发展轴","kind":"axis"},"geometry":{"type":"LineString","coordinates":[[113.5,34.5],[113.5,34.8]]}}"#
        let multi = #"{"type":"Feature","properties":{"name":"飞地"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}}"#
        guard case .success(let layer) = GeoJSONReader.read(Self.collection(Self.square, axis, multi)) else { Issue.record("refused"); return }
        #expect(layer.features.map(\.name) == ["甲区", "嵩山路发展轴", "飞地"])
        #expect(layer.features.map(\.kind) == [.zone, .axis, .zone])
        #expect(layer.features[1].geometry == .line([GeoPoint(lng: 113.5, lat: 34.5), GeoPoint(lng: 113.5, lat: 34.8)]))
        #expect(layer.bounds == GeoBounds(west: 0, south: 0, east: 114, north: 35))
    }

    @Test func badGeoJSONIsRefusedNamingTheFeatureAndField() {
        #expect(problem(Data("not json".utf8))?.field == "geojson")
        #expect(problem(Data(#"{"type":"Feature"}"#.utf8))?.field == "type")
        #expect(problem(Self.collection())?.field == "features")
        let unnamed = Self.square.replacingOccurrences(of: #""name":"甲区","#, with: "")
        #expect(problem(Self.collection(Self.square, unnamed))?.field == "features[2].properties.name")
        let open = Self.square.replacingOccurrences(of: "[113,35],[113,34]]", with: "[113,35],[113,34.5]]")
        let p = problem(Self.collection(open))
        #expect(p?.field == "features[1].geometry.coordinates[1]")
        #expect(p?.message.zh.contains("没有闭合") == true && p?.message.zh.contains("甲区") == true)
        let short = #"{"type":"Feature","properties":{"name":"乙"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}}"#
        #expect(problem(Self.collection(short))?.message.zh.contains("少于 4 个点") == true)
        let far = Self.square.replacingOccurrences(of: "[114,34]", with: "[214,34]")
        #expect(problem(Self.collection(far))?.field == "features[1].geometry.coordinates[1][2]")
        let text = Self.square.replacingOccurrences(of: "[114,34]", with: #"["114","34"]"#)
        #expect(problem(Self.collection(text))?.message.zh.contains("不是 [经度, 纬度]") == true)
        let point = #"{"type":"Feature","properties":{"name":"点"},"geometry":{"type":"Point","coordinates":[113,34]}}"#
        #expect(problem(Self.collection(point))?.field == "features[1].geometry.type")
        let kind = Self.square.replacingOccurrences(of: #""kind":"zone""#, with: #""kind":"park""#)
        #expect(problem(Self.collection(kind))?.field == "features[1].properties.kind")
        let axisPolygon = Self.square.replacingOccurrences(of: #""kind":"zone""#, with: #""kind":"axis""#)
        #expect(problem(Self.collection(axisPolygon))?.message.zh.contains("应为线") == true)
        let tooMany = Array(repeating: Self.square, count: GeoJSONReader.maxFeatures + 1)
        #expect(problem(Data(#"{"type":"FeatureCollection","features":[\#(tooMany.joined(separator: ","))]}"#.utf8))?.message.zh.contains("要素过多") == true)
    }

    @Test func aPointIsInsideTheBoundaryOrElseAnyZoneAndNeverInAHole() {
        let ring = [GeoPoint(lng: 0, lat: 0), GeoPoint(lng: 10, lat: 0), GeoPoint(lng: 10, lat: 10), GeoPoint(lng: 0, lat: 10), GeoPoint(lng: 0, lat: 0)]
        let hole = [GeoPoint(lng: 4, lat: 4), GeoPoint(lng: 6, lat: 4), GeoPoint(lng: 6, lat: 6), GeoPoint(lng: 4, lat: 6), GeoPoint(lng: 4, lat: 4)]
        let donut = MapLayer.Geometry.polygon([ring, hole])
        #expect(donut.contains(GeoPoint(lng: 1, lat: 1)))
        #expect(!donut.contains(GeoPoint(lng: 5, lat: 5)))
        #expect(!donut.contains(GeoPoint(lng: 11, lat: 5)))
        #expect(!MapLayer.Geometry.line(ring).contains(GeoPoint(lng: 1, lat: 1)))
        let zoneOnly = MapLayer(features: [.init(name: "甲", kind: .zone, geometry: .polygon([ring]))])
        #expect(zoneOnly.contains(GeoPoint(lng: 5, lat: 5)) && !zoneOnly.contains(GeoPoint(lng: 20, lat: 5)))
        // With a boundary, the boundary decides, whatever the zones cover.
        let big = [GeoPoint(lng: 0, lat: 0), GeoPoint(lng: 30, lat: 0), GeoPoint(lng: 30, lat: 30), GeoPoint(lng: 0, lat: 0)]
        let bounded = MapLayer(features: zoneOnly.features + [.init(name: "区界", kind: .boundary, geometry: .polygon([big]))])
        #expect(bounded.contains(GeoPoint(lng: 20, lat: 5)))
        #expect(MapLayer(features: []).contains(GeoPoint(lng: 100, lat: 50)))
    }

    @Test func theProjectionFitsTheBoundsCentredWithNorthUp() {
        let b = GeoBounds(west: 113.54, south: 34.58, east: 113.67, north: 34.755)
        let p = MapProjection(bounds: b, width: 960, height: 600, margin: 16)
        let nw = p.point(GeoPoint(lng: b.west, lat: b.north)), se = p.point(GeoPoint(lng: b.east, lat: b.south))
        // Taller than wide here: it fills the height between the margins and is centred across.
        #expect(abs(nw.y - 16) < 1e-6 && abs(se.y - 584) < 1e-6)
        #expect(abs((nw.x + se.x) / 2 - 480) < 1e-6)
        #expect(se.x > nw.x)
        // Mercator stretches north–south by 1 / cos(latitude) against east–west.
        let ratio = (se.y - nw.y) / (se.x - nw.x)
        let expected = (34.755 - 34.58) / (113.67 - 113.54) / cos(34.67 * .pi / 180)
        #expect(abs(ratio / expected - 1) < 0.01)
        // Tiles cover the drawing: the first starts at or before its top-left corner.
        let tiles = p.tiles(zoom: p.tileZoom)
        #expect(!tiles.isEmpty && tiles.allSatisfy { $0.size > 128 && $0.size < 512 })
        #expect(tiles.contains { $0.left <= 0 && $0.top <= 0 })
        #expect(tiles.contains { $0.left + $0.size >= 960 && $0.top + $0.size >= 600 })
    }
}
