import BallastCore
import Fluent
import Foundation
import SQLKit

/// API tokens for machine clients as rows: one role and one district each, stored as a hash,
/// revocable, with the time of last use. The secret is made and hashed by the app.
public struct APITokens: Sendable {
    public var districtID: UUID
    public var actor: ChangeActor

    public init(districtID: UUID, actor: ChangeActor) { self.districtID = districtID; self.actor = actor }

    public enum Failure: Error, Equatable, Sendable {
        case emptyName
        case unknownUnit(String)
        case unitRequired
        case notFound
    }

    /// A new token's row, whose secret the caller hashed into `tokenHash`; `visiblePrefix` is
    /// the part of the secret a list may show.
    public struct New: Sendable {
        public var name: String
        public var role: Role
        public var unitName: String?
        public var expiresAt: Date?
        public var tokenHash: String
        public var visiblePrefix: String

        public init(name: String, role: Role, unitName: String?, expiresAt: Date?, tokenHash: String, visiblePrefix: String) {
            self.name = name; self.role = role; self.unitName = unitName; self.expiresAt = expiresAt
            self.tokenHash = tokenHash; self.visiblePrefix = visiblePrefix
        }
    }

    public func create(_ new: New, on db: any Database) async throws -> APITokenModel {
        let name = new.name.trimmed
        guard !name.isEmpty, name.count <= 100 else { throw Failure.emptyName }
        var unitID: UUID?
        if let unitName = new.unitName, !unitName.isEmpty {
            guard let unit = try await ReferenceLists.entry(.unit, named: unitName, districtID: districtID, on: db)
            else { throw Failure.unknownUnit(unitName) }
            unitID = unit.id
        } else if new.role == .unit {
            throw Failure.unitRequired
        }
        let token = APITokenModel()
        token.id = UUID()
        token.$district.id = districtID
        token.name = name
        token.tokenHash = new.tokenHash
        token.prefix = new.visiblePrefix
        token.role = new.role.rawValue
        token.$unit.id = unitID
        token.createdBy = actor.name
        token.createdAt = Date()
        token.expiresAt = new.expiresAt
        let unit = unitID
        try await db.writeTransaction { [districtID, actor] tx in
            try await token.create(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "create", entity: "api-token",
                                   entityID: token.id, summary: "API 令牌 \(name)（\(new.role.chineseName)）", before: Nothing?.none,
                                   after: ["name": name, "role": new.role.rawValue, "unit": unit == nil ? "" : (new.unitName ?? ""),
                                           "expiresAt": new.expiresAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""])
        }
        return token
    }

    public func list(on db: any Database) async throws -> [APITokenSummary] {
        try await APITokenModel.query(on: db).filter(\.$district.$id == districtID).sort(\.$createdAt, .descending).all()
            .map(APITokenSummary.init)
    }

    public func revoke(id: UUID, on db: any Database) async throws {
        try await db.writeTransaction { [districtID, actor] tx in
            guard let token = try await APITokenModel.query(on: tx).filter(\.$id == id)
                .filter(\.$district.$id == districtID).first() else { throw Failure.notFound }
            guard token.revokedAt == nil else { return }
            token.revokedAt = Date()
            try await token.update(on: tx)
            try await Audit.record(on: tx, districtID: token.$district.id, actor: actor, action: "revoke", entity: "api-token",
                                   entityID: id, summary: "吊销 API 令牌 \(token.name)", before: ["revoked": "false"],
                                   after: ["revoked": "true"])
        }
    }

    public struct Found: Sendable {
        public var id: UUID
        public var expiresAt: Date?
        public var revokedAt: Date?
        public var lastUsedAt: Date?
        /// The token's name stands in the username; its one role in the roles.
        public var account: AccountRecord
    }

    /// The token a bearer secret's hash names, with its district and unit, in one query.
    public static func find(tokenHash: String, on db: any Database) async throws -> Found? {
        guard let row = try await (try db.sql()).raw("""
            SELECT t.id, t.name, t.role, t.unit_id, t.expires_at, t.revoked_at, t.last_used_at,
                   d.id AS district_id, d.code AS district_code, d.name AS district_name, d.time_zone, d.frozen_on, d.division_code, d.data_version, un.name AS unit_name
            FROM api_tokens t
            JOIN districts d ON d.id = t.district_id
            LEFT JOIN reference_entries un ON un.id = t.unit_id
            WHERE t.token_hash = \(bind: tokenHash)
            """).first() else { return nil }
        let name = try row.decode(column: "name", as: String.self)
        let role = Role(rawValue: try row.decode(column: "role", as: String.self))
        return Found(
            id: try row.decode(column: "id", as: UUID.self),
            expiresAt: try row.decode(column: "expires_at", as: Date?.self),
            revokedAt: try row.decode(column: "revoked_at", as: Date?.self),
            lastUsedAt: try row.decode(column: "last_used_at", as: Date?.self),
            account: AccountRecord(userID: nil, username: name, displayName: name, district: try Districts.decode(row),
                                   roles: role.map { [$0] } ?? [], unitID: try row.decode(column: "unit_id", as: UUID?.self),
                                   unitName: try row.decode(column: "unit_name", as: String?.self),
                                   mustChangePassword: false, disabled: false))
    }

    public static func touch(id: UUID, at now: Date, on db: any Database) async throws {
        try await APITokenModel.query(on: db).filter(\.$id == id).set(\.$lastUsedAt, to: now).update()
    }
}

extension APITokens.Failure: DomainFailure {
    public var status: Int {
        if case .notFound = self { return 404 }
        return 422
    }
    public var code: String {
        if case .notFound = self { return "not_found" }
        return "invalid"
    }
    public var message: Message {
        switch self {
        case .emptyName: Message(zh: "令牌名称须为1～100个字符", en: "A token name is 1 to 100 characters")
        case .unknownUnit(let n): Message(zh: "单位“\(n)”不在责任单位名录中", en: "“\(n)” is not in the list of units")
        case .unitRequired: Message(zh: "责任单位角色的令牌须指定单位", en: "A token with the unit role needs a unit")
        case .notFound: Message(zh: "令牌不存在", en: "No such token")
        }
    }
    public var field: String? {
        switch self {
        case .emptyName: "name"
        case .unknownUnit, .unitRequired: "unit"
        case .notFound: nil
        }
    }
}
