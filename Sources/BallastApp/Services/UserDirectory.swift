import BallastCore
import BallastStore
import Fluent
import Foundation
import Vapor

/// Creating, listing, disabling and resetting users: one implementation behind the CLI now,
/// and the admin pages later. Every change is audited; passwords exist only as bcrypt hashes.
struct UserDirectory {
    var district: DistrictModel
    var actor: ChangeActor

    enum Failure: Error, Equatable {
        case usernameTaken(String)
        case invalidUsername
        case weakPassword(Message)
        case noRoles
        case unitRequired
        case unknownUnit(String)
        case notFound(String)
    }

    /// bcrypt's cost: 2^12 rounds, about a quarter second on this machine, on purpose.
    static let cost = 12

    func create(username: String, displayName: String?, roles: [Role], unitName: String?, password: String,
                mustChange: Bool, on db: any Database) async throws -> UserModel {
        let name = username.trimmed
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy({ $0.isASCII && !$0.properties.isWhitespace })
        else { throw Failure.invalidUsername }
        guard !roles.isEmpty else { throw Failure.noRoles }
        if let problem = PasswordPolicy.problem(with: password, username: name) { throw Failure.weakPassword(problem) }
        if roles.contains(.unit) && unitName == nil { throw Failure.unitRequired }
        let districtID = try district.requireID()
        var unitID: UUID?
        if let unitName {
            guard let unit = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
                .filter(\.$kind == ReferenceKind.unit.rawValue).filter(\.$name == unitName).first()
            else { throw Failure.unknownUnit(unitName) }
            unitID = unit.id
        }
        let hash = try Bcrypt.hash(password, cost: Self.cost)
        let unit = unitID
        return try await db.transaction { tx in
            if try await UserModel.query(on: tx).filter(\.$username == name).first() != nil { throw Failure.usernameTaken(name) }
            let user = UserModel()
            user.id = UUID()
            user.$district.id = districtID
            user.username = name
            user.displayName = displayName ?? name
            user.passwordHash = hash
            user.roles = roles.map(\.rawValue).joined(separator: ",")
            user.$unit.id = unit
            user.mustChangePassword = mustChange
            user.disabled = false
            user.failedAttempts = 0
            user.version = 1
            try await user.create(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "create", entity: "user",
                                   entityID: user.id, summary: "用户 \(name)", before: Nothing?.none,
                                   after: ["username": name, "roles": user.roles, "unit": unitName ?? ""])
            return user
        }
    }

    func list(on db: any Database) async throws -> [UserModel] {
        try await UserModel.query(on: db).filter(\.$district.$id == district.requireID()).sort(\.$username).all()
    }

    func disable(username: String, on db: any Database) async throws {
        try await db.transaction { tx in
            let user = try await find(username, on: tx)
            user.disabled = true
            user.version += 1
            try await user.update(on: tx)
            try await Audit.record(on: tx, districtID: user.$district.id, actor: actor, action: "disable", entity: "user",
                                   entityID: user.id, summary: "停用用户 \(username)", before: ["disabled": "false"],
                                   after: ["disabled": "true"])
        }
    }

    /// Sets a new password that must be changed at the next sign-in, and clears any lockout.
    func reset(username: String, to password: String, on db: any Database) async throws {
        if let problem = PasswordPolicy.problem(with: password, username: username) { throw Failure.weakPassword(problem) }
        let hash = try Bcrypt.hash(password, cost: Self.cost)
        try await db.transaction { tx in
            let user = try await find(username, on: tx)
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

    func find(_ username: String, on db: any Database) async throws -> UserModel {
        guard let user = try await UserModel.query(on: db).filter(\.$username == username)
            .filter(\.$district.$id == district.requireID()).first() else { throw Failure.notFound(username) }
        return user
    }

    /// A temporary password that meets the policy: 16 characters from an alphabet without
    /// look-alikes (no 0/O, 1/l/I), read out over the phone if need be.
    static func temporaryPassword() -> String {
        let letters = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ")
        let digits = Array("23456789")
        var rng = SystemRandomNumberGenerator()
        var chars = (0..<12).map { _ in letters.randomElement(using: &rng)! } + (0..<4).map { _ in digits.randomElement(using: &rng)! }
        chars.shuffle(using: &rng)
        return String(chars)
    }

    static func message(_ failure: Failure) -> Message {
        switch failure {
        case .usernameTaken(let n): Message(zh: "用户名“\(n)”已存在", en: "User name “\(n)” is taken")
        case .invalidUsername: Message(zh: "用户名须为1～64个不含空格的英文字符", en: "A user name is 1 to 64 ASCII characters without spaces")
        case .weakPassword(let m): m
        case .noRoles: Message(zh: "至少指定一个角色（--role）", en: "Give at least one role (--role)")
        case .unitRequired: Message(zh: "责任单位角色须指定单位（--unit）", en: "The unit role needs --unit")
        case .unknownUnit(let n): Message(zh: "单位“\(n)”不在责任单位名录中", en: "“\(n)” is not in the list of units")
        case .notFound(let n): Message(zh: "用户“\(n)”不存在", en: "No user “\(n)”")
        }
    }
}
