import Fluent
import Foundation

/// A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a
/// copy of the database opens no sessions. Kept in the database so any instance serves any
/// request, and so signing out ends the session everywhere at once.
public final class SessionModel: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "user_id") public var user: UserModel
    /// Echoed in every form and compared on every state-changing request.
    @Field(key: "csrf_token") public var csrfToken: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date
    @OptionalField(key: "address") public var address: String?
    @OptionalField(key: "user_agent") public var userAgent: String?

    public init() {}
}
