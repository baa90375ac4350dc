import Fluent

/// The files an issued document went out as (issue 25): its PDF, made once and kept, so the
/// document prints the same on every later day and on every instance, whatever LibreOffice or
/// its fonts become.
struct CreateDocumentFiles: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(DocumentFileModel.schema)
            .id()
            .field("document_id", .uuid, .required, .references(DocumentModel.schema, "id", onDelete: .cascade))
            .field("format", .string, .required)
            .field("data", .data, .required)
            .field("created_at", .datetime)
            .unique(on: "document_id", "format")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(DocumentFileModel.schema).delete()
    }
}
