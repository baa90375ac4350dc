import Foundation

/// An API token as the admin page and `ballast tokens list` show it: never its hash.
public struct APITokenSummary: Sendable, Hashable {
    public enum Status: String, Sendable { case active, expired, revoked }

    public var id: UUID
    public var name: String
    /// The first characters of the token, so its holder can tell which one it is.
    public var prefix: String
    public var role: String
    public var createdBy: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?
    public var lastUsedAt: Date?

    public var idString: String { id.uuidString }

    /// Revoked outranks expired: a token revoked before it expired reads as revoked.
    public func status(at now: Date) -> Status {
        if revokedAt != nil { return .revoked }
        if let expiresAt, now >= expiresAt { return .expired }
        return .active
    }

    init(_ m: APITokenModel) {
        id = m.id ?? UUID(); name = m.name; prefix = m.prefix; role = m.role; createdBy = m.createdBy
        createdAt = m.createdAt; expiresAt = m.expiresAt; revokedAt = m.revokedAt; lastUsedAt = m.lastUsedAt
    }
}
