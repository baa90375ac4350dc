import Fluent
import SQLKit

/// Official documents, one per district, kind and period: drafts, then issued and frozen.
struct CreateDocuments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(DocumentModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("kind", .string, .required)
            .field("period", .string, .required)
            .field("title", .string, .required)
            .field("number", .string)
            .field("as_of", .string, .required)
            .field("status", .string, .required)
            .field("payload", .string, .required)
            .field("issued_on", .string)
            .field("issued_by", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "district_id", "kind", "period")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(DocumentModel.schema).delete()
    }
}
