import Fluent

/// Keys of requests already carried out (issue 26): a report saved on a phone without signal is
/// sent when the signal returns, perhaps twice (a lost answer, two tabs); the key its form
/// carries is written in the same transaction as the save, so the second finds it and changes
/// nothing.
struct CreateRequestKeys: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(RequestKeyModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("key", .string, .required)
            .field("scope", .string, .required)
            .field("actor", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "district_id", "key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(RequestKeyModel.schema).delete()
    }
}
