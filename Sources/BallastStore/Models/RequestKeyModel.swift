import Fluent
import Foundation

/// A request carried out once (`RequestKeys`).
public final class RequestKeyModel: Model, @unchecked Sendable {
    public static let schema = "request_keys"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "key") public var key: String
    @Field(key: "actor") public var actor: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
