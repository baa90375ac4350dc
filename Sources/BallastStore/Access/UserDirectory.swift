import BallastCore
import Fluent
import Foundation

/// How passwords become hashes and are checked: bcrypt on its own thread pool, given by the app.
public protocol PasswordHashes: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, hash: String) async throws -> Bool
}

/// Creating, listing, disabling and resetting users: one implementation behind the CLI, the
/// admin pages and the account page. Every change is audited; passwords exist only as hashes.
public struct UserDirectory: Sendable {
    public var district: DistrictModel
    public var actor: ChangeActor
    public var passwordHashing: any PasswordHashes

    public init(district: DistrictModel, actor: ChangeActor, passwordHashing: any PasswordHashes) {
        self.district = district; self.actor = actor; self.passwordHashing = passwordHashing
    }

    public enum Failure: Error, Equatable, Sendable {
        case usernameTaken(String)
        case invalidUsername
        case weakPassword(Message)
        case noRoles
        case unitRequired
        case unknownUnit(String)
        case unknownLeader(String)
        case notFound(String)
        case wrongPassword
        case samePassword
        case ownAccount
        case ownRoles
    }

    public func create(username: String, displayName: String?, roles: [Role], unitName: String?, leaderName: String? = nil,
                       password: String, mustChange: Bool, on db: any Database) async throws -> UserModel {
        let name = username.trimmed
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy({ $0.isASCII && !$0.properties.isWhitespace })
        else { throw Failure.invalidUsername }
        guard !roles.isEmpty else { throw Failure.noRoles }
        if let problem = PasswordPolicy.problem(with: password, username: name) { throw Failure.weakPassword(problem) }
        let districtID = try district.requireID()
        let unitID = try await unit(named: unitName, roles: roles, on: db)
        let leader = try await leader(named: leaderName, on: db)
        let hash = try await passwordHashing.hash(password)
        let unit = unitID
        return try await db.writeTransaction { tx in
            if try await UserModel.query(on: tx).filter(\.$username == name).first() != nil { throw Failure.usernameTaken(name) }
            let user = UserModel(districtID: districtID, username: name, displayName: displayName ?? name, passwordHash: hash,
                                 roles: roles, unitID: unit, mustChangePassword: mustChange)
            user.leaderName = leader
            try await user.create(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "create", entity: "user",
                                   entityID: user.id, summary: "用户 \(name)", before: Nothing?.none,
                                   after: ["username": name, "roles": user.roles, "unit": unitName ?? "", "leader": leader ?? ""])
            return user
        }
    }

    /// The unit a user is attached to: required for 责任单位, optional for 只读.
    public func unit(named unitName: String?, roles: [Role], on db: any Database) async throws -> UUID? {
        guard let unitName = unitName?.trimmed, !unitName.isEmpty else {
            if roles.contains(.unit) { throw Failure.unitRequired }
            return nil
        }
        guard let unit = try await ReferenceLists.entry(.unit, named: unitName, districtID: district.requireID(), on: db)
        else { throw Failure.unknownUnit(unitName) }
        return unit.id
    }

    /// The 分包领导 name a leader's account answers for: on the district's leader list (any year), or none.
    public func leader(named leaderName: String?, on db: any Database) async throws -> String? {
        guard let name = leaderName?.trimmed, !name.isEmpty else { return nil }
        guard try await ReferenceLists.entry(.leader, named: name, districtID: district.requireID(), on: db) != nil
        else { throw Failure.unknownLeader(name) }
        return name
    }

    public func list(on db: any Database) async throws -> [UserModel] {
        try await UserModel.query(on: db).filter(\.$district.$id == district.requireID()).sort(\.$username).all()
    }

    /// Disables (or re-enables) an account; disabling ends its sessions at once.
    public func setDisabled(_ disabled: Bool, username: String, on db: any Database) async throws {
        if disabled && username == actor.name { throw Failure.ownAccount }
        try await db.writeTransaction { tx in
            let user = try await find(username, on: tx)
            guard user.disabled != disabled else { return }
            user.disabled = disabled
            user.version += 1
            try await user.update(on: tx)
            if disabled { try await Sessions.closeAll(userID: user.requireID(), on: tx) }
            try await Audit.record(on: tx, districtID: user.$district.id, actor: actor, action: disabled ? "disable" : "enable",
                                   entity: "user", entityID: user.id, summary: (disabled ? "停用用户 " : "启用用户 ") + username,
                                   before: ["disabled": String(!disabled)], after: ["disabled": String(disabled)])
        }
    }

    public func disable(username: String, on db: any Database) async throws {
        try await setDisabled(true, username: username, on: db)
    }

    /// Replaces a user's roles and unit. Its sessions end, so the new rights apply from the
    /// next sign-in and no open page keeps the old ones.
    public func setRoles(_ roles: [Role], unitName: String?, leaderName: String? = nil, username: String, on db: any Database) async throws {
        guard !roles.isEmpty else { throw Failure.noRoles }
        if username == actor.name && !roles.contains(.admin) { throw Failure.ownAccount }
        let unitID = try await unit(named: unitName, roles: roles, on: db)
        let leader = try await leader(named: leaderName, on: db)
        try await db.writeTransaction { tx in
            let user = try await find(username, on: tx)
            // An administrator administers and never edits figures; granting itself a working
            // role (office, unit…) would undo that separation, so its own roles are another
            // administrator's to change (and that is audited like any other change).
            if username == actor.name && Set(roles.map(\.rawValue)) != Set(user.roleList.map(\.rawValue)) { throw Failure.ownRoles }
            let before = ["roles": user.roles, "unit": user.$unit.id?.uuidString ?? "", "leader": user.leaderName ?? ""]
            user.roles = roles.map(\.rawValue).joined(separator: ",")
            user.$unit.id = unitID
            user.leaderName = leader
            user.version += 1
            try await user.update(on: tx)
            try await Sessions.closeAll(userID: user.requireID(), on: tx)
            try await Audit.record(on: tx, districtID: user.$district.id, actor: actor, action: "set-roles", entity: "user",
                                   entityID: user.id, summary: "角色 \(username)：\(user.roles)", before: before,
                                   after: ["roles": user.roles, "unit": unitID?.uuidString ?? "", "leader": leader ?? ""])
        }
    }

    /// The user's own change: the current password proves it is them; other sessions end.
    public func changePassword(userID: UUID, keepingSession: UUID?, current: String, new: String, on db: any Database) async throws {
        guard let user = try await UserModel.find(userID, on: db) else { throw Failure.notFound(actor.name) }
        guard try await passwordHashing.verify(current, hash: user.passwordHash) else { throw Failure.wrongPassword }
        if current == new { throw Failure.samePassword }
        if let problem = PasswordPolicy.problem(with: new, username: user.username) { throw Failure.weakPassword(problem) }
        let hash = try await passwordHashing.hash(new)
        try await db.writeTransaction { tx in
            user.passwordHash = hash
            user.mustChangePassword = false
            user.version += 1
            try await user.update(on: tx)
            try await Sessions.closeAll(userID: userID, keeping: keepingSession, on: tx)
            try await Audit.record(on: tx, districtID: user.$district.id, actor: actor, action: "change-password", entity: "user",
                                   entityID: user.id, summary: "修改密码 \(user.username)", before: Nothing?.none,
                                   after: Nothing?.none)
        }
    }

    /// Sets a new password that must be changed at the next sign-in, and clears any lockout.
    public func reset(username: String, to password: String, on db: any Database) async throws {
        if let problem = PasswordPolicy.problem(with: password, username: username) { throw Failure.weakPassword(problem) }
        let hash = try await passwordHashing.hash(password)
        try await db.writeTransaction { tx in
            let user = try await find(username, on: tx)
            try await Sessions.closeAll(userID: user.requireID(), on: tx)
            user.passwordHash = hash
            user.mustChangePassword = true
            user.failedAttempts = 0
            user.lockedUntil = nil
            user.version += 1
            try await user.update(on: tx)
            try await Audit.record(on: tx, districtID: user.$district.id, actor: actor, action: "reset-password", entity: "user",
                                   entityID: user.id, summary: "重置密码 \(username)", before: Nothing?.none,
                                   after: ["mustChangePassword": "true"])
        }
    }

    public func find(_ username: String, on db: any Database) async throws -> UserModel {
        guard let user = try await UserModel.query(on: db).filter(\.$username == username)
            .filter(\.$district.$id == district.requireID()).first() else { throw Failure.notFound(username) }
        return user
    }

    /// A temporary password that meets the policy: 16 characters from an alphabet without
    /// look-alikes (no 0/O, 1/l/I), read out over the phone if need be.
    public static func temporaryPassword() -> String {
        let letters = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ")
        let digits = Array("23456789")
        var rng = SystemRandomNumberGenerator()
        var chars = (0..<12).map { _ in letters.randomElement(using: &rng) ?? "k" } + (0..<4).map { _ in digits.randomElement(using: &rng) ?? "7" }
        chars.shuffle(using: &rng)
        return String(chars)
    }
}

extension UserDirectory.Failure: DomainFailure {
    public var status: Int {
        switch self {
        case .notFound: 404
        case .usernameTaken: 409
        case .ownAccount, .ownRoles: 403
        default: 422
        }
    }
    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .usernameTaken: "name_taken"
        case .ownAccount, .ownRoles: "forbidden"
        case .wrongPassword: "wrong_password"
        default: "invalid"
        }
    }
    public var message: Message {
        switch self {
        case .usernameTaken(let n): Message(zh: "用户名“\(n)”已存在", en: "User name “\(n)” is taken")
        case .invalidUsername: Message(zh: "用户名须为1～64个不含空格的英文字符", en: "A user name is 1 to 64 ASCII characters without spaces")
        case .weakPassword(let m): m
        case .noRoles: Message(zh: "至少指定一个角色（--role）", en: "Give at least one role (--role)")
        case .unitRequired: Message(zh: "责任单位角色须指定单位（--unit）", en: "The unit role needs --unit")
        case .unknownUnit(let n): Message(zh: "单位“\(n)”不在责任单位名录中", en: "“\(n)” is not in the list of units")
        case .unknownLeader(let n): Message(zh: "“\(n)”不在分包领导名录中", en: "“\(n)” is not in the list of contact leaders")
        case .notFound(let n): Message(zh: "用户“\(n)”不存在", en: "No user “\(n)”")
        case .wrongPassword: Message(zh: "当前密码不正确", en: "The current password is wrong")
        case .samePassword: Message(zh: "新密码不能与当前密码相同", en: "The new password must differ from the current one")
        case .ownAccount: Message(zh: "不能停用自己或取消自己的管理员角色", en: "You cannot disable yourself or drop your own admin role")
        case .ownRoles: Message(zh: "不能修改自己的角色，请由另一名管理员操作", en: "You cannot change your own roles; another administrator must")
        }
    }
    public var field: String? {
        switch self {
        case .usernameTaken, .invalidUsername, .notFound: "username"
        case .weakPassword, .samePassword: "password"
        case .wrongPassword: "current"
        case .noRoles, .ownRoles: "roles"
        case .unitRequired, .unknownUnit: "unit"
        case .unknownLeader: "leader"
        case .ownAccount: nil
        }
    }
}
