import Fluent
import SQLKit

/// Imports as records: a preview waiting for confirmation, an applied import that can be
/// undone (issue 23).
struct CreateImportBatches: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ImportBatchModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("kind", .string, .required)
            .field("year", .int)
            .field("strict", .bool, .required)
            .field("file_name", .string, .required)
            .field("file_data", .data, .required)
            .field("status", .string, .required)
            .field("preview", .string, .required)
            .field("undo", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("decided_at", .datetime)
            .field("decided_by", .string)
            .field("undone_at", .datetime)
            .field("undone_by", .string)
            .create()
        try await (try db.sql()).create(index: "import_batches_district_created").on(ImportBatchModel.schema)
            .column("district_id").column("created_at").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ImportBatchModel.schema).delete()
    }
}
