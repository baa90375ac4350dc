import Fluent

/// Zone maps (GeoJSON) per district and year, versioned.
struct CreateMapLayers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MapLayerModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("year", .int, .required)
            .field("version", .int, .required)
            .field("geojson", .string, .required)
            .field("features", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "district_id", "year", "version")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(MapLayerModel.schema).delete()
    }
}
