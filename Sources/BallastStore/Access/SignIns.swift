import BallastCore
import Fluent
import Foundation
import SQLKit

/// What a sign-in attempt reads and writes: the account by name, the consecutive-failure
/// counter, and on success the reset counter, the new session and its audit entry together.
/// The throttle counts come from the audit trail (`AuditQuery.recentFailures`).
public enum SignIns {
    public static func user(named username: String, on db: any Database) async throws -> UserModel? {
        try await UserModel.query(on: db).filter(\.$username == username).first()
    }

    /// One more consecutive failure, counted in the database so concurrent guesses all count.
    public static func countFailure(userID: UUID, on db: any Database) async throws -> Int? {
        let row = try await (try db.sql()).raw("""
            UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = \(bind: userID) RETURNING failed_attempts
            """).first()
        return try row?.decode(column: "failed_attempts", as: Int.self)
    }

    /// The password was right: the counters are cleared, the session opened and the sign-in
    /// audited in one transaction.
    public static func succeed(_ user: UserModel, tokenHash: String, csrfToken: String, address: String?, userAgent: String?,
                               actor: ChangeActor, on db: any Database) async throws {
        let userID = try user.requireID(), districtID = user.$district.id, username = user.username
        try await db.writeTransaction(.bookkeeping) { tx in
            try await UserModel.query(on: tx).filter(\.$id == userID).set(\.$failedAttempts, to: 0).set(\.$lockedUntil, to: nil).update()
            try await Sessions.open(userID: userID, tokenHash: tokenHash, csrfToken: csrfToken, address: address, userAgent: userAgent, on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "sign-in",
                                   entity: "user", entityID: userID, summary: "登录 \(username)", before: Nothing?.none,
                                   after: Nothing?.none)
        }
    }
}
