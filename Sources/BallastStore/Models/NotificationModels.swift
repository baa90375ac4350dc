import Fluent
import Foundation

/// One message in a user's in-app inbox.
public final class NotificationModel: Model, @unchecked Sendable {
    public static let schema = "notifications"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "user_id") public var userID: UUID
    /// `NotificationKind.rawValue`.
    @Field(key: "kind") public var kind: String
    @Field(key: "title") public var title: String
    /// The page it is about.
    @Field(key: "link") public var link: String
    /// What it is about on which day, so a daily reminder is sent once (e.g. `due:<id>:2023-07-03`).
    @OptionalField(key: "dedupe_key") public var dedupeKey: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "read_at") public var readAt: Date?

    public init() {}
}

/// A group robot a unit (or, without a unit, the whole district) posts to: 企业微信 or 钉钉.
public final class WebhookModel: Model, @unchecked Sendable {
    public static let schema = "webhooks"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @OptionalField(key: "unit_id") public var unitID: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "url") public var url: String
    /// `wecom` or `dingtalk`.
    @Field(key: "format") public var format: String
    @Field(key: "enabled") public var enabled: Bool
    @Field(key: "version") public var version: Int
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// One message queued for a webhook, and what became of it: the delivery log.
public final class WebhookDeliveryModel: Model, @unchecked Sendable {
    public static let schema = "webhook_deliveries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "webhook_id") public var webhookID: UUID
    /// The JSON body, in the robot's format.
    @Field(key: "payload") public var payload: String
    /// `pending`, `sending`, `sent` or `failed`.
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @OptionalField(key: "last_status") public var lastStatus: Int?
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}
}
