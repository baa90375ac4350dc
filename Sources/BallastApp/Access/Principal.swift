import BallastCore
import BallastStore
import Foundation
import Vapor

/// Who is calling: a signed-in user or an API token, with the district and roles that decide
/// what they may do. Resolved once per request by `AccessMiddleware`.
struct Principal: Sendable {
    enum Credential: Sendable, Equatable {
        case session(id: UUID, csrf: String)
        case token(id: UUID)
    }

    var userID: UUID?
    /// The user name, or `token:NAME` for a machine client, as the audit trail records it.
    var name: String
    var displayName: String
    var district: DistrictModel
    var roles: [Role]
    var unitID: UUID?
    var unitName: String?
    var credential: Credential
    var mustChangePassword: Bool
    /// The 分包领导 name whose projects are this person's own (a 区领导's account), if set.
    var leaderName: String?

    /// The account a session or token stands for, as the store read it.
    init(_ a: AccountRecord, credential: Credential) {
        let isToken: Bool
        if case .token = credential { isToken = true } else { isToken = false }
        self.init(userID: a.userID, name: isToken ? "token:\(a.username)" : a.username, displayName: a.displayName,
                  district: a.district, roles: a.roles, unitID: a.unitID, unitName: a.unitName,
                  credential: credential, mustChangePassword: a.mustChangePassword)
        self.leaderName = a.leaderName
    }

    init(userID: UUID?, name: String, displayName: String, district: DistrictModel, roles: [Role], unitID: UUID?,
         unitName: String?, credential: Credential, mustChangePassword: Bool) {
        self.userID = userID; self.name = name; self.displayName = displayName; self.district = district
        self.roles = roles; self.unitID = unitID; self.unitName = unitName; self.credential = credential
        self.mustChangePassword = mustChangePassword
    }

    var permissions: Set<Permission> { Role.permissions(of: roles) }
    var scope: AccessScope { AccessScope.of(roles: roles, hasUnit: unitID != nil) }

    /// The unit a query must be narrowed to, or nil for the whole district. A unit-scoped
    /// principal without a unit is narrowed to a unit that does not exist: it sees nothing.
    var scopeUnitID: UUID? {
        guard scope == .unit else { return nil }
        return unitID ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    }

    var csrfToken: String? {
        if case .session(_, let csrf) = credential { return csrf }
        return nil
    }

    func may(_ permission: Permission) -> Bool { permissions.contains(permission) }

    func actor(address: String?) -> ChangeActor {
        ChangeActor(name: name, role: roles.map(\.rawValue).joined(separator: ","), address: address)
    }
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }

    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The caller; routes behind a policy always have one, so its absence is a wiring error.
    func requirePrincipal() throws -> Principal {
        guard let p = principal else { throw AccessDenied.signInRequired }
        return p
    }

    /// The caller's district. A `?district=` naming another is refused: districts are tenants.
    func district() throws -> DistrictModel {
        let p = try requirePrincipal()
        if let asked = param("district"), !asked.isEmpty, asked != p.district.code { throw AccessDenied.otherDistrict }
        return p.district
    }

    /// A project as the caller may see it, in the caller's district: for a unit-scoped caller,
    /// another unit's project is not found at all, so its existence is not confirmed either.
    func scopedProject(_ id: UUID) async throws -> ProjectDetail {
        let p = try requirePrincipal()
        guard let detail = try await ProjectDetailQuery.run(districtID: try district().requireID(), id: id,
                                                           scopeUnitID: p.scopeUnitID, on: db)
        else { throw BallastError.notFound(Message(zh: "项目不存在", en: "No such project")) }
        return detail
    }

    /// The audit trail's "who": the caller, with the address the request came from.
    func changeActor() throws -> ChangeActor { try requirePrincipal().actor(address: clientAddress) }
}
