import Fluent
import SQLKit

struct CreateStageChanges: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(StageChangeModel.schema)
            .id()
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id", onDelete: .cascade))
            .field("from_stage", .string)
            .field("to_stage", .string, .required)
            .field("effective_on", .string, .required)
            .field("actor", .string, .required)
            .field("note", .string)
            .field("created_at", .datetime)
            .create()
        try await (try db.sql()).create(index: "stage_changes_project").on(StageChangeModel.schema)
            .column("project_id").run()
    }

    func revert(on db: any Database) async throws { try await db.schema(StageChangeModel.schema).delete() }
}
