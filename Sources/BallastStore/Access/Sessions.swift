import BallastCore
import Fluent
import Foundation
import SQLKit

/// Server-side sessions as rows: opened at sign-in, found from the cookie's hash on each
/// request, touched, and closed at sign-out, expiry, password change or when the user is
/// disabled. The secrets and their hashing belong to the app; only hashes reach the store.
public enum Sessions {
    public struct Found: Sendable {
        public var id: UUID
        public var csrfToken: String
        public var createdAt: Date
        public var lastSeenAt: Date
        public var account: AccountRecord
    }

    public static func open(userID: UUID, tokenHash: String, csrfToken: String, address: String?, userAgent: String?,
                            now: Date = Date(), on db: any Database) async throws {
        let session = SessionModel()
        session.id = UUID()
        session.tokenHash = tokenHash
        session.$user.id = userID
        session.csrfToken = csrfToken
        session.createdAt = now
        session.lastSeenAt = now
        session.address = address
        session.userAgent = userAgent.map { String($0.prefix(200)) }
        try await session.create(on: db)
    }

    /// One query joins the session, its user, district and unit: this runs on every signed-in request.
    public static func find(tokenHash: String, on db: any Database) async throws -> Found? {
        guard let row = try await (try db.sql()).raw("""
            SELECT s.id AS session_id, s.csrf_token, s.created_at, s.last_seen_at,
                   u.id AS user_id, u.username, u.display_name, u.roles, u.unit_id, u.must_change_password, u.disabled, u.leader_name,
                   d.id AS district_id, d.code AS district_code, d.name AS district_name, d.time_zone, d.frozen_on, d.division_code, d.data_version, un.name AS unit_name
            FROM sessions s
            JOIN users u ON u.id = s.user_id
            JOIN districts d ON d.id = u.district_id
            LEFT JOIN reference_entries un ON un.id = u.unit_id
            WHERE s.token_hash = \(bind: tokenHash)
            """).first() else { return nil }
        let roles = try row.decode(column: "roles", as: String.self).split(separator: ",").compactMap { Role(rawValue: String($0)) }
        return Found(
            id: try row.decode(column: "session_id", as: UUID.self),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self),
            account: AccountRecord(
                userID: try row.decode(column: "user_id", as: UUID.self),
                username: try row.decode(column: "username", as: String.self),
                displayName: try row.decode(column: "display_name", as: String.self),
                district: try Districts.decode(row),
                roles: roles,
                unitID: try row.decode(column: "unit_id", as: UUID?.self),
                unitName: try row.decode(column: "unit_name", as: String?.self),
                mustChangePassword: try row.decode(column: "must_change_password", as: Bool.self),
                disabled: try row.decode(column: "disabled", as: Bool.self),
                leaderName: try row.decode(column: "leader_name", as: String?.self)))
    }

    public static func touch(id: UUID, at now: Date, on db: any Database) async throws {
        try await SessionModel.query(on: db).filter(\.$id == id).set(\.$lastSeenAt, to: now).update()
    }

    public static func close(id: UUID, on db: any Database) async throws {
        try await SessionModel.query(on: db).filter(\.$id == id).delete()
    }

    /// Ends every session of a user, or every one but `keeping` (the one changing its password).
    public static func closeAll(userID: UUID, keeping: UUID? = nil, on db: any Database) async throws {
        var q = SessionModel.query(on: db).filter(\.$user.$id == userID)
        if let keeping { q = q.filter(\.$id != keeping) }
        try await q.delete()
    }
}
