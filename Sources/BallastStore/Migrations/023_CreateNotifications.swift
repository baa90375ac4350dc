import Fluent
import SQLKit

/// The in-app inbox, the units' group-robot webhooks, and their delivery queue and log.
struct CreateNotifications: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(NotificationModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("link", .string, .required)
            .field("dedupe_key", .string)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await db.schema(WebhookModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("unit_id", .uuid, .references(ReferenceEntryModel.schema, "id"))
            .field("name", .string, .required)
            .field("url", .string, .required)
            .field("format", .string, .required)
            .field("enabled", .bool, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema(WebhookDeliveryModel.schema)
            .id()
            .field("webhook_id", .uuid, .required, .references(WebhookModel.schema, "id", onDelete: .cascade))
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_status", .int)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        let sql = try db.sql()
        // The inbox: a user's unread first, newest first.
        try await sql.create(index: "notifications_user").on(NotificationModel.schema).column("user_id").column("read_at").column("created_at").run()
        try await sql.create(index: "notifications_dedupe").on(NotificationModel.schema).column("user_id").column("dedupe_key").run()
        try await sql.create(index: "webhook_deliveries_due").on(WebhookDeliveryModel.schema).column("status").column("next_attempt_at").run()
        try await sql.create(index: "webhook_deliveries_hook").on(WebhookDeliveryModel.schema).column("webhook_id").column("created_at").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(WebhookDeliveryModel.schema).delete()
        try await db.schema(WebhookModel.schema).delete()
        try await db.schema(NotificationModel.schema).delete()
    }
}
