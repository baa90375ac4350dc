import Fluent
import SQLKit

struct CreateSessions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(SessionModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("address", .string)
            .field("user_agent", .string)
            .unique(on: "token_hash")
            .create()
        try await (try db.sql()).create(index: "sessions_user").on(SessionModel.schema).column("user_id").run()
    }

    func revert(on db: any Database) async throws { try await db.schema(SessionModel.schema).delete() }
}
