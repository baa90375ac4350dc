import Fluent

struct CreateDistricts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(DistrictModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("time_zone", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on db: any Database) async throws { try await db.schema(DistrictModel.schema).delete() }
}
