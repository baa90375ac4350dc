import BallastCore
import BallastStore
import Fluent
import Vapor

/// Server-side sessions: created at sign-in, resolved from the cookie on each request, ended
/// at sign-out, expiry, password change or when the user is disabled.
package enum SessionStore {
    package static let cookieName = "ballast_session"

    /// Opens a session for `user` and returns the secret for the cookie.
    package static func open(for user: UserModel, address: String?, userAgent: String?, on db: any Database) async throws -> String {
        let token = SecretToken.make()
        try await Sessions.open(userID: try user.requireID(), tokenHash: SecretToken.hash(token), csrfToken: SecretToken.make(),
                                address: address, userAgent: userAgent, on: db)
        return token
    }

    /// The principal a session cookie stands for, or why there is none.
    static func resolve(token: String, now: Date = Date(), on db: any Database) async throws -> Result<Principal, AccessDenied> {
        guard let s = try await Sessions.find(tokenHash: SecretToken.hash(token), on: db) else { return .failure(.sessionExpired) }
        if s.account.disabled || SessionLifetime.isExpired(createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, now: now) {
            try await Sessions.close(id: s.id, on: db)
            return .failure(.sessionExpired)
        }
        if SessionLifetime.needsTouch(lastSeenAt: s.lastSeenAt, now: now) {
            try await Sessions.touch(id: s.id, at: now, on: db)
        }
        return .success(Principal(s.account, credential: .session(id: s.id, csrf: s.csrfToken)))
    }

    static func close(id: UUID, on db: any Database) async throws {
        try await Sessions.close(id: id, on: db)
    }

    /// Ends every session of a user, or every one but `keeping` (the one changing its password).
    static func closeAll(userID: UUID, keeping: UUID? = nil, on db: any Database) async throws {
        try await Sessions.closeAll(userID: userID, keeping: keeping, on: db)
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
