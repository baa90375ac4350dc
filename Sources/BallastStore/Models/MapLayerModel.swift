import Fluent
import Foundation

/// A district's zone map for a year, as uploaded GeoJSON. Versions are kept: an upload adds
/// one, so a map drawn last year can be drawn again as it was.
public final class MapLayerModel: Model, @unchecked Sendable {
    public static let schema = "map_layers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "version") public var version: Int
    @Field(key: "geojson") public var geojson: String
    @Field(key: "features") public var features: Int
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
