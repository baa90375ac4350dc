import BallastCore
import BallastStore
import Fluent
import SQLKit
import Vapor

/// Server-side sessions: created at sign-in, resolved from the cookie on each request, ended
/// at sign-out, expiry, password change or when the user is disabled.
enum SessionStore {
    static let cookieName = "ballast_session"

    /// Opens a session for `user` and returns the secret for the cookie.
    static func open(for user: UserModel, address: String?, userAgent: String?, on db: any Database) async throws -> String {
        let token = SecretToken.make()
        let now = Date()
        let session = SessionModel()
        session.id = UUID()
        session.tokenHash = SecretToken.hash(token)
        session.$user.id = try user.requireID()
        session.csrfToken = SecretToken.make()
        session.createdAt = now
        session.lastSeenAt = now
        session.address = address
        session.userAgent = userAgent.map { String($0.prefix(200)) }
        try await session.create(on: db)
        return token
    }

    /// The principal a session cookie stands for, or why there is none. One query joins the
    /// session, its user, district and unit: this runs on every signed-in request.
    static func resolve(token: String, now: Date = Date(), on db: any Database) async throws -> Result<Principal, AccessDenied> {
        let sql = try db.sql()
        guard let row = try await sql.raw("""
            SELECT s.id AS session_id, s.csrf_token, s.created_at, s.last_seen_at,
                   u.id AS user_id, u.username, u.display_name, u.roles, u.unit_id, u.must_change_password, u.disabled,
                   d.id AS district_id, d.code AS district_code, d.name AS district_name, d.time_zone, d.frozen_on, un.name AS unit_name
            FROM sessions s
            JOIN users u ON u.id = s.user_id
            JOIN districts d ON d.id = u.district_id
            LEFT JOIN reference_entries un ON un.id = u.unit_id
            WHERE s.token_hash = \(bind: SecretToken.hash(token))
            """).first() else { return .failure(.sessionExpired) }
        let sessionID = try row.decode(column: "session_id", as: UUID.self)
        let created = try row.decode(column: "created_at", as: Date.self)
        let lastSeen = try row.decode(column: "last_seen_at", as: Date.self)
        if try row.decode(column: "disabled", as: Bool.self)
            || SessionLifetime.isExpired(createdAt: created, lastSeenAt: lastSeen, now: now) {
            try await SessionModel.query(on: db).filter(\.$id == sessionID).delete()
            return .failure(.sessionExpired)
        }
        if SessionLifetime.needsTouch(lastSeenAt: lastSeen, now: now) {
            try await SessionModel.query(on: db).filter(\.$id == sessionID).set(\.$lastSeenAt, to: now).update()
        }
        let district = DistrictModel(id: try row.decode(column: "district_id", as: UUID.self),
                                     code: try row.decode(column: "district_code", as: String.self),
                                     name: try row.decode(column: "district_name", as: String.self),
                                     timeZone: try row.decode(column: "time_zone", as: String.self),
                                     frozenOn: try row.decode(column: "frozen_on", as: String?.self))
        let roles = try row.decode(column: "roles", as: String.self).split(separator: ",").compactMap { Role(rawValue: String($0)) }
        return .success(Principal(
            userID: try row.decode(column: "user_id", as: UUID.self),
            name: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            district: district, roles: roles,
            unitID: try row.decode(column: "unit_id", as: UUID?.self),
            unitName: try row.decode(column: "unit_name", as: String?.self),
            credential: .session(id: sessionID, csrf: try row.decode(column: "csrf_token", as: String.self)),
            mustChangePassword: try row.decode(column: "must_change_password", as: Bool.self)))
    }

    static func close(id: UUID, on db: any Database) async throws {
        try await SessionModel.query(on: db).filter(\.$id == id).delete()
    }

    /// Ends every session of a user, or every one but `keeping` (the one changing its password).
    static func closeAll(userID: UUID, keeping: UUID? = nil, on db: any Database) async throws {
        var q = SessionModel.query(on: db).filter(\.$user.$id == userID)
        if let keeping { q = q.filter(\.$id != keeping) }
        try await q.delete()
    }

    static func cookie(_ token: String, secure: Bool) -> HTTPCookies.Value {
        // No max-age: the cookie dies with the browser; the server enforces the lifetimes.
        HTTPCookies.Value(string: token, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    static func expiredCookie(secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
                          isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}
