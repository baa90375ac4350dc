import Fluent
import SQLKit

/// Files attached to problems.
struct CreateProblemAttachments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ProblemAttachmentModel.schema)
            .id()
            .field("problem_id", .uuid, .required, .references(ProblemModel.schema, "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("bytes", .data, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        try await (try db.sql()).create(index: "problem_attachments_problem").on(ProblemAttachmentModel.schema).column("problem_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ProblemAttachmentModel.schema).delete()
    }
}
