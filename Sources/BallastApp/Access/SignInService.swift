import BallastCore
import BallastStore
import Fluent
import Vapor

/// Checks a user name and password against the throttles and the stored hash, and opens a
/// session. Every attempt, allowed or refused, lands in the audit trail.
package struct SignInService {
    package init(db: any Database, passwordHashing: PasswordHashing, address: String?, userAgent: String?, now: Date = Date()) {
        self.db = db; self.passwordHashing = passwordHashing; self.address = address; self.userAgent = userAgent; self.now = now
    }

    var db: any Database
    var passwordHashing: PasswordHashing
    var address: String?
    var userAgent: String?
    var now = Date()

    package enum Refusal: Error, Equatable {
        /// Wrong name or password, or a disabled account: one message for all three, so the
        /// form does not tell a stranger which names exist.
        case invalid
        /// Too many recent failures for this name, this address, or both (`SignInThrottle`).
        case throttled
    }

    package struct SignedIn {
        var user: UserModel
        var token: String
    }

    /// Every attempt does the same work whatever the name: the throttle counts (which do not
    /// depend on the account existing), one bcrypt check (against a decoy when the name is
    /// unknown; a refused attempt waits as long as one without spending the CPU), one audit
    /// entry. So a refusal looks and takes the same for a real account and an invented one.
    package func attempt(username rawName: String, password: String) async throws -> Result<SignedIn, Refusal> {
        let username = String(rawName.trimmed.prefix(64))
        let actorName = username.isEmpty ? "(空)" : username
        let since = now.addingTimeInterval(-SignInThrottle.windowSeconds)
        var failures = SignInThrottle.Failures(
            pair: 0, account: try await AuditQuery.recentFailures(username: actorName, since: since, limit: SignInThrottle.accountLimit, on: db),
            address: 0)
        if let address {
            failures.pair = try await AuditQuery.recentFailures(username: actorName, address: address, since: since, limit: SignInThrottle.pairLimit, on: db)
            failures.address = try await AuditQuery.recentFailures(address: address, since: since, limit: SignInThrottle.addressLimit, on: db)
        }
        let user = try await SignIns.user(named: username, on: db)
        if SignInThrottle.refused(failures) {
            try await passwordHashing.waitAsLongAsACheck()
            try await record(username: username, user: user, action: "sign-in-refused", reason: "throttled")
            return .failure(.throttled)
        }
        guard let user else {
            try await passwordHashing.verifyDecoy(password)
            try await record(username: username, user: nil, action: "sign-in-failed", reason: "unknown-user")
            return .failure(.invalid)
        }
        guard try await passwordHashing.verify(password, hash: user.passwordHash), !user.disabled,
              !SignInThrottle.isLocked(until: user.lockedUntil, now: now) else {
            let reason = user.disabled ? "disabled" : SignInThrottle.isLocked(until: user.lockedUntil, now: now) ? "locked" : "wrong-password"
            if reason == "wrong-password" { _ = try await countFailure(user) }
            try await record(username: username, user: user, action: "sign-in-failed", reason: reason)
            return .failure(.invalid)
        }
        let token = SecretToken.make()
        try await SignIns.succeed(user, tokenHash: SecretToken.hash(token), csrfToken: SecretToken.make(), address: address,
                                  userAgent: userAgent, actor: actor(username, user), on: db)
        return .success(SignedIn(user: user, token: token))
    }

    /// One more consecutive failure, counted in the database so concurrent guesses all count.
    func countFailure(_ user: UserModel) async throws -> Int {
        try await SignIns.countFailure(userID: user.requireID(), on: db) ?? user.failedAttempts + 1
    }

    func actor(_ username: String, _ user: UserModel?) -> ChangeActor {
        ChangeActor(name: username.isEmpty ? "(空)" : username, role: user?.roles, address: address)
    }

    /// A failed or refused attempt. Only `sign-in-failed` entries count towards the throttle.
    func record(username: String, user: UserModel?, action: String, reason: String) async throws {
        try await Audit.record(on: db, districtID: user?.$district.id, actor: actor(username, user), action: action,
                               entity: "user", entityID: user?.id, summary: "登录失败 \(username)：\(reason)",
                               before: Nothing?.none, after: ["reason": reason])
    }

    static func message(_ refusal: Refusal) -> Message {
        switch refusal {
        case .invalid:
            return AccountText.wrongCredentials.message
        case .throttled:
            return AccountText.throttled.message
        }
    }
}
