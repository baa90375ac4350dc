import BallastCore
import BallastStore
import Fluent
import Foundation

/// What the district map page shows: the projects in scope that match the filters, the year's zone layer, and the category and zone lists the filters offer.
struct MapPageModel: Sendable {
    /// The projects to place on the map (those without coordinates, or outside the district, included).
    var points: [MapPointsQuery.Point]
    /// The year's zone layer; nil when none was uploaded.
    var layer: MapLayers.Current?
    var options: [ReferenceKind: [String]]

    /// The page's query: the matching projects in `scope` (its year and day, the caller's unit),
    /// the zone layer of the scope's year, and the district's lists for that year.
    static func load(scope: DashboardQuery.Scope, district: DistrictModel, filter: MapPointsQuery.Filter,
                     on db: any Database) async throws -> MapPageModel {
        let points = try await MapPointsQuery.run(scope, filter: filter, on: db)
        let layer = try await MapLayers.current(districtID: scope.districtID, year: scope.year, on: db)
        return MapPageModel(points: points, layer: layer, options: try await ReferenceOptions.load(district, year: scope.year, on: db))
    }
}
