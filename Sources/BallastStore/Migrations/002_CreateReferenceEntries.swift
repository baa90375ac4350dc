import Fluent

struct CreateReferenceEntries: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ReferenceEntryModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("kind", .string, .required)
            .field("year", .int, .required)
            .field("name", .string, .required)
            .field("variant", .string)
            .field("sort", .int, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "district_id", "kind", "year", "name")
            .create()
    }

    func revert(on db: any Database) async throws { try await db.schema(ReferenceEntryModel.schema).delete() }
}
