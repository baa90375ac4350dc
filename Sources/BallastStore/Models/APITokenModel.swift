import Fluent
import Foundation

/// A machine client's credential (the city's systems pulling the ledger): one role, one
/// district, stored as a SHA-256 of the token, which is shown once at creation.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "district_id") public var district: DistrictModel
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    /// The token's first characters, to tell tokens apart in lists without revealing them.
    @Field(key: "prefix") public var prefix: String
    @Field(key: "role") public var role: String
    @OptionalParent(key: "unit_id") public var unit: ReferenceEntryModel?
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "expires_at") public var expiresAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?

    public init() {}
}
