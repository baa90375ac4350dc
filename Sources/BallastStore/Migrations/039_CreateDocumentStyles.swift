import Fluent

/// Each district's document style (issue 25): the issuing office, each kind's 机关代字, the
/// 抄送 line and the printing office. One row per district, absent until the office changes
/// the defaults (`DocumentStyle.defaults`).
struct CreateDocumentStyles: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(DocumentStyleModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("style", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .unique(on: "district_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(DocumentStyleModel.schema).delete()
    }
}
