@testable import BallastApp
import BallastCore
@testable import BallastStore
import Foundation
import Testing

/// A configured tile service is the one other origin the pages take images from; nothing else
/// loosens the policy.
@Suite struct MapTilesPolicyTests {
    @Test func theTileServicesOriginIsAllowedForImagesAndNothingElse() {
        #expect(SecurityHeadersMiddleware.origin(of: "https://t0.tianditu.gov.cn/vec_w/wmts?tk=KEY&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}") == "https://t0.tianditu.gov.cn")
        #expect(SecurityHeadersMiddleware.origin(of: "http://10.0.0.5:8080/tiles/{z}/{x}/{y}.png") == "http://10.0.0.5:8080")
        #expect(SecurityHeadersMiddleware.origin(of: "javascript:alert(1)") == nil)
        #expect(SecurityHeadersMiddleware.origin(of: nil) == nil)
        #expect(SecurityHeadersMiddleware(tiles: nil).imageSources == "'self' data:")
        #expect(SecurityHeadersMiddleware(tiles: "https://t0.tianditu.gov.cn/x/{z}/{x}/{y}").imageSources == "'self' data: https://t0.tianditu.gov.cn")
    }

    @Test func withATileServiceTheTilesAreDrawnUnderTheLayersInTheSameProjection() throws {
        let ring = [GeoPoint(lng: 113.54, lat: 34.58), GeoPoint(lng: 113.67, lat: 34.58), GeoPoint(lng: 113.67, lat: 34.755),
                    GeoPoint(lng: 113.54, lat: 34.755), GeoPoint(lng: 113.54, lat: 34.58)]
        let layer = MapLayer(features: [.init(name: "区界", kind: .boundary, geometry: .polygon([ring]))])
        let point = MapPointsQuery.Point(id: UUID(), code: "P1", name: "项目", unit: "单位", category: "类别", zone: nil, stage: "在建",
                                         colour: "red", totalInvestment: 1, annualPlan: nil, lng: 113.6, lat: 34.7)
        let map = DistrictMap(id: "m", layer: layer, points: [point], width: 960, height: 600, href: { _ in "/p" }, title: "图",
                              tiles: "https://tiles.example/{z}/{x}/{y}.png", selected: nil)
        let svg = map.svg()
        let projection = MapProjection(bounds: try #require(layer.bounds), width: 960, height: 600)
        let z = projection.tileZoom
        let first = try #require(projection.tiles(zoom: z).first)
        #expect(svg.contains("<image href=\"https://tiles.example/\(z)/\(first.x)/\(first.y).png\""))
        // Tiles first, then the layer, then the dots: the layers draw over the tiles.
        let tiles = try #require(svg.range(of: "<g class=\"tiles\">")), shapes = try #require(svg.range(of: "<g class=\"layer\">"))
        let dots = try #require(svg.range(of: "<g class=\"dots\">"))
        #expect(tiles.lowerBound < shapes.lowerBound && shapes.lowerBound < dots.lowerBound)
        let offline = DistrictMap(id: "m", layer: layer, points: [point], width: 960, height: 600, href: { _ in "/p" }, title: "图", tiles: nil, selected: nil)
        #expect(!offline.svg().contains("<image"))
    }
}
