import BallastCore
import BallastStore
import Fluent
import SQLKit
import Vapor

/// Checks a user name and password against the throttles and the stored hash, and opens a
/// session. Every attempt, allowed or refused, lands in the audit trail.
struct SignInService {
    var db: any Database
    var passwordHashing: PasswordHashing
    var address: String?
    var userAgent: String?
    var now = Date()

    enum Refusal: Error, Equatable {
        /// Wrong name or password, or a disabled account: one message for all three, so the
        /// form does not tell a stranger which names exist.
        case invalid
        case accountLocked(until: Date)
        case addressThrottled
    }

    struct SignedIn {
        var user: UserModel
        var token: String
    }

    func attempt(username rawName: String, password: String) async throws -> Result<SignedIn, Refusal> {
        let username = String(rawName.trimmed.prefix(64))
        if let address {
            let since = now.addingTimeInterval(-SignInThrottle.addressWindowSeconds)
            let failures = try await AuditQuery.recentFailures(address: address, since: since, limit: SignInThrottle.addressLimit, on: db)
            if SignInThrottle.addressRefused(recentFailures: failures) {
                try await recordFailure(username: username, user: nil, reason: "address-throttled")
                return .failure(.addressThrottled)
            }
        }
        guard let user = try await UserModel.query(on: db).filter(\.$username == username).first() else {
            try await passwordHashing.verifyDecoy(password)
            try await recordFailure(username: username, user: nil, reason: "unknown-user")
            return .failure(.invalid)
        }
        if SignInThrottle.isLocked(until: user.lockedUntil, now: now), let until = user.lockedUntil {
            // No bcrypt while locked: a loop of guesses against a locked account costs a query each.
            try await recordFailure(username: username, user: user, reason: "locked")
            return .failure(.accountLocked(until: until))
        }
        guard try await passwordHashing.verify(password, hash: user.passwordHash), !user.disabled else {
            if user.disabled {
                try await recordFailure(username: username, user: user, reason: "disabled")
                return .failure(.invalid)
            }
            let failures = try await countFailure(user)
            let lock = SignInThrottle.lockUntil(failures: failures, now: now)
            if let lock {
                try await UserModel.query(on: db).filter(\.$id == user.requireID()).set(\.$lockedUntil, to: lock).update()
            }
            try await recordFailure(username: username, user: user, reason: lock == nil ? "wrong-password" : "wrong-password, locked")
            return lock.map { .failure(.accountLocked(until: $0)) } ?? .failure(.invalid)
        }
        let token = try await db.writeTransaction { tx in
            try await UserModel.query(on: tx).filter(\.$id == user.requireID())
                .set(\.$failedAttempts, to: 0).set(\.$lockedUntil, to: nil).update()
            let token = try await SessionStore.open(for: user, address: address, userAgent: userAgent, on: tx)
            try await Audit.record(on: tx, districtID: user.$district.id, actor: actor(username, user), action: "sign-in",
                                   entity: "user", entityID: user.id, summary: "登录 \(username)", before: Nothing?.none,
                                   after: Nothing?.none)
            return token
        }
        return .success(SignedIn(user: user, token: token))
    }

    /// One more consecutive failure, counted in the database so concurrent guesses all count.
    func countFailure(_ user: UserModel) async throws -> Int {
        let sql = db as! any SQLDatabase
        let row = try await sql.raw("""
            UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = \(bind: user.requireID()) RETURNING failed_attempts
            """).first()
        return try row?.decode(column: "failed_attempts", as: Int.self) ?? user.failedAttempts + 1
    }

    func actor(_ username: String, _ user: UserModel?) -> ChangeActor {
        ChangeActor(name: username.isEmpty ? "(空)" : username, role: user?.roles, address: address)
    }

    func recordFailure(username: String, user: UserModel?, reason: String) async throws {
        try await Audit.record(on: db, districtID: user?.$district.id, actor: actor(username, user), action: "sign-in-failed",
                               entity: "user", entityID: user?.id, summary: "登录失败 \(username)：\(reason)",
                               before: Nothing?.none, after: ["reason": reason])
    }

    static func message(_ refusal: Refusal, timeZone: TimeZone) -> Message {
        switch refusal {
        case .invalid:
            return Message(zh: "用户名或密码错误", en: "Wrong user name or password")
        case .accountLocked(let until):
            let f = DateFormatter()
            f.timeZone = timeZone
            f.dateFormat = "HH:mm"
            let t = f.string(from: until)
            return Message(zh: "连续登录失败次数过多，账号已锁定至 \(t)，或请管理员重置密码",
                           en: "Too many failed sign-ins: the account is locked until \(t), or ask an admin to reset it")
        case .addressThrottled:
            return Message(zh: "此地址登录失败次数过多，请15分钟后再试", en: "Too many failed sign-ins from this address; try again in 15 minutes")
        }
    }
}
