import Fluent
import Foundation

/// A request carried out once (`RequestKeys`).
public final class RequestKeyModel: Model, @unchecked Sendable {
    public static let schema = "request_keys"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "key") public var key: String
    /// What the key was sent for (`report:<project>:<YYYY-MM>`): the same key for anything else is refused.
    @Field(key: "scope") public var scope: String
    @Field(key: "actor") public var actor: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
