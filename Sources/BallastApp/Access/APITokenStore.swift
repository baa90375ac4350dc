import BallastCore
import BallastStore
import Fluent
import Vapor

/// API tokens for machine clients: created by an admin, shown once, stored hashed, one role
/// and one district each, revocable, with the time of last use.
struct APITokenStore {
    var district: DistrictModel
    var actor: ChangeActor

    static let prefix = "blt_"

    typealias Failure = APITokens.Failure

    var tokens: APITokens { get throws { APITokens(districtID: try district.requireID(), actor: actor) } }

    /// Creates a token and returns its secret, which exists nowhere else after this call.
    func create(name: String, role: Role, unitName: String?, expiresAt: Date?, on db: any Database) async throws -> (String, APITokenModel) {
        let secret = SecretToken.make(prefix: Self.prefix)
        let token = try await tokens.create(.init(name: name, role: role, unitName: unitName, expiresAt: expiresAt,
                                                  tokenHash: SecretToken.hash(secret),
                                                  visiblePrefix: String(secret.prefix(Self.prefix.count + 6))), on: db)
        return (secret, token)
    }

    func list(on db: any Database) async throws -> [APITokenSummary] { try await tokens.list(on: db) }

    func revoke(id: UUID, on db: any Database) async throws { try await tokens.revoke(id: id, on: db) }

    /// The principal a bearer token stands for. Last use is written at most once a minute.
    static func resolve(secret: String, now: Date = Date(), on db: any Database) async throws -> Result<Principal, AccessDenied> {
        guard secret.hasPrefix(prefix), let t = try await APITokens.find(tokenHash: SecretToken.hash(secret), on: db)
        else { return .failure(.tokenInvalid) }
        if t.revokedAt != nil { return .failure(.tokenRevoked) }
        if let expires = t.expiresAt, now >= expires { return .failure(.tokenExpired) }
        if t.lastUsedAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            try await APITokens.touch(id: t.id, at: now, on: db)
        }
        return .success(Principal(t.account, credential: .token(id: t.id)))
    }
}
