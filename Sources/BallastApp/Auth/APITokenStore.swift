import BallastCore
import BallastStore
import Fluent
import SQLKit
import Vapor

/// API tokens for machine clients: created by an admin, shown once, stored hashed, one role
/// and one district each, revocable, with the time of last use.
struct APITokenStore {
    var district: DistrictModel
    var actor: ChangeActor

    static let prefix = "blt_"

    enum Failure: Error, Equatable {
        case emptyName
        case unknownUnit(String)
        case unitRequired
        case notFound
    }

    /// Creates a token and returns its secret, which exists nowhere else after this call.
    func create(name: String, role: Role, unitName: String?, expiresAt: Date?, on db: any Database) async throws -> (String, APITokenModel) {
        let name = name.trimmed
        guard !name.isEmpty, name.count <= 100 else { throw Failure.emptyName }
        let districtID = try district.requireID()
        var unitID: UUID?
        if let unitName, !unitName.isEmpty {
            guard let unit = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
                .filter(\.$kind == ReferenceKind.unit.rawValue).filter(\.$name == unitName).first()
            else { throw Failure.unknownUnit(unitName) }
            unitID = unit.id
        } else if role == .unit {
            throw Failure.unitRequired
        }
        let secret = SecretToken.make(prefix: Self.prefix)
        let token = APITokenModel()
        token.id = UUID()
        token.$district.id = districtID
        token.name = name
        token.tokenHash = SecretToken.hash(secret)
        token.prefix = String(secret.prefix(Self.prefix.count + 6))
        token.role = role.rawValue
        token.$unit.id = unitID
        token.createdBy = actor.name
        token.createdAt = Date()
        token.expiresAt = expiresAt
        let unit = unitID
        try await db.writeTransaction { tx in
            try await token.create(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "create", entity: "api-token",
                                   entityID: token.id, summary: "API 令牌 \(name)（\(role.chineseName)）", before: Nothing?.none,
                                   after: ["name": name, "role": role.rawValue, "unit": unit == nil ? "" : (unitName ?? ""),
                                           "expiresAt": expiresAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""])
        }
        return (secret, token)
    }

    func list(on db: any Database) async throws -> [APITokenModel] {
        try await APITokenModel.query(on: db).filter(\.$district.$id == district.requireID()).sort(\.$createdAt, .descending).all()
    }

    func revoke(id: UUID, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            guard let token = try await APITokenModel.query(on: tx).filter(\.$id == id)
                .filter(\.$district.$id == district.requireID()).first() else { throw Failure.notFound }
            guard token.revokedAt == nil else { return }
            token.revokedAt = Date()
            try await token.update(on: tx)
            try await Audit.record(on: tx, districtID: token.$district.id, actor: actor, action: "revoke", entity: "api-token",
                                   entityID: id, summary: "吊销 API 令牌 \(token.name)", before: ["revoked": "false"],
                                   after: ["revoked": "true"])
        }
    }

    /// The principal a bearer token stands for. Last use is written at most once a minute.
    static func resolve(secret: String, now: Date = Date(), on db: any Database) async throws -> Result<Principal, AccessDenied> {
        let sql = try db.sql()
        guard secret.hasPrefix(prefix), let row = try await sql.raw("""
            SELECT t.id, t.name, t.role, t.unit_id, t.expires_at, t.revoked_at, t.last_used_at,
                   d.id AS district_id, d.code AS district_code, d.name AS district_name, d.time_zone, d.frozen_on, un.name AS unit_name
            FROM api_tokens t
            JOIN districts d ON d.id = t.district_id
            LEFT JOIN reference_entries un ON un.id = t.unit_id
            WHERE t.token_hash = \(bind: SecretToken.hash(secret))
            """).first() else { return .failure(.tokenInvalid) }
        if try row.decode(column: "revoked_at", as: Date?.self) != nil { return .failure(.tokenRevoked) }
        if let expires = try row.decode(column: "expires_at", as: Date?.self), now >= expires { return .failure(.tokenExpired) }
        let id = try row.decode(column: "id", as: UUID.self)
        let lastUsed = try row.decode(column: "last_used_at", as: Date?.self)
        if lastUsed.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            try await APITokenModel.query(on: db).filter(\.$id == id).set(\.$lastUsedAt, to: now).update()
        }
        let role = Role(rawValue: try row.decode(column: "role", as: String.self))
        let district = DistrictModel(id: try row.decode(column: "district_id", as: UUID.self),
                                     code: try row.decode(column: "district_code", as: String.self),
                                     name: try row.decode(column: "district_name", as: String.self),
                                     timeZone: try row.decode(column: "time_zone", as: String.self),
                                     frozenOn: try row.decode(column: "frozen_on", as: String?.self))
        let name = try row.decode(column: "name", as: String.self)
        return .success(Principal(userID: nil, name: "token:\(name)", displayName: name, district: district,
                                  roles: role.map { [$0] } ?? [], unitID: try row.decode(column: "unit_id", as: UUID?.self),
                                  unitName: try row.decode(column: "unit_name", as: String?.self),
                                  credential: .token(id: id), mustChangePassword: false))
    }

    static func message(_ failure: Failure) -> Message {
        switch failure {
        case .emptyName: Message(zh: "令牌名称须为1～100个字符", en: "A token name is 1 to 100 characters")
        case .unknownUnit(let n): Message(zh: "单位“\(n)”不在责任单位名录中", en: "“\(n)” is not in the list of units")
        case .unitRequired: Message(zh: "责任单位角色的令牌须指定单位", en: "A token with the unit role needs a unit")
        case .notFound: Message(zh: "令牌不存在", en: "No such token")
        }
    }
}
