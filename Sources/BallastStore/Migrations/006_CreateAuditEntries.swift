import Fluent
import SQLKit

struct CreateAuditEntries: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // No foreign keys: an audit entry outlives the record it describes.
        try await db.schema(AuditEntryModel.schema)
            .id()
            .field("district_id", .uuid)
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("role", .string)
            .field("address", .string)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .uuid)
            .field("summary", .string)
            .field("before", .string)
            .field("after", .string)
            .create()
        let sql = try db.sql()
        try await sql.create(index: "audit_entries_entity").on(AuditEntryModel.schema).column("entity_id").run()
        try await sql.create(index: "audit_entries_at").on(AuditEntryModel.schema).column("at").run()
    }

    func revert(on db: any Database) async throws { try await db.schema(AuditEntryModel.schema).delete() }
}
