import BallastCore
import BallastStore
import Fluent
import Vapor

/// `/admin/users` and `/admin/tokens`: users, their roles and units, and API tokens, for the
/// system admin. The same `UserDirectory` and `APITokenStore` serve the CLI.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.access(.requires(.manageUsers))
        admin.get(Site.adminUsers, use: users)
        admin.post(Site.adminUserNew, use: createUser)
        admin.post(Site.adminUserRoles, use: setRoles)
        admin.post(Site.adminUserReset, use: reset)
        admin.post(Site.adminUserDisable) { try await setDisabled($0, true) }
        admin.post(Site.adminUserEnable) { try await setDisabled($0, false) }
        admin.get(Site.adminTokens, use: tokens)
        admin.post(Site.adminTokenNew, use: createToken)
        admin.post(Site.adminTokenRevoke, use: revokeToken)
    }

    func directory(_ req: Request) throws -> UserDirectory {
        let p = try req.requirePrincipal()
        return UserDirectory(district: p.district, actor: p.actor(address: req.clientAddress), passwordHashing: req.passwordHashing)
    }

    func units(_ req: Request) async throws -> [ReferenceEntryModel] {
        try await ReferenceLists.entries(.unit, districtID: req.district().requireID(), on: req.db)
    }

    func usersPage(_ req: Request, notice: AdminPages.Notice?, status: HTTPStatus = .ok) async throws -> Response {
        let list = try await directory(req).list(on: req.db)
        let units = try await units(req)
        let unitByID = Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }, uniquingKeysWith: { a, _ in a })
        let rows = list.map { u in
            AdminPages.UserRow(username: u.username, displayName: u.displayName, roles: u.roleList,
                               unit: u.$unit.id.flatMap { unitByID[$0] }, disabled: u.disabled, mustChange: u.mustChangePassword,
                               locked: SignInThrottle.isLocked(until: u.lockedUntil, now: Date()), leader: u.leaderName)
        }
        // Leader names across the years' lists, once each, as the form offers them.
        var seen = Set<String>()
        let leaders = try await ReferenceLists.entries(.leader, districtID: req.district().requireID(), on: req.db)
            .map(\.name).filter { seen.insert($0).inserted }
        let html = AdminPages.users(rows, units: units.map(\.name), leaders: leaders, notice: notice, lang: req.language)
        return .html(html, status: status, noStore: true)
    }

    func users(req: Request) async throws -> Response { try await usersPage(req, notice: nil) }

    struct UserForm: Content {
        var username: String?
        var displayName: String?
        var roles: [String]?
        var unit: String?
        var leader: String?
    }

    /// Runs a change and shows the list again with its outcome; a refused change says why.
    func change(_ req: Request, _ work: () async throws -> AdminPages.Notice) async throws -> Response {
        do {
            return try await usersPage(req, notice: try await work())
        } catch let f as UserDirectory.Failure {
            return try await usersPage(req, notice: .init(ok: false, text: f.message.text(req.language)),
                                       status: f == .usernameTaken("") ? .conflict : .unprocessableEntity)
        }
    }

    func roles(_ form: UserForm) throws -> [Role] {
        try (form.roles ?? []).map { raw in
            guard let role = Role(rawValue: raw) else {
                throw BallastError.badParameter("roles", zh: "未知角色“\(raw)”", en: "Unknown role “\(raw)”")
            }
            return role
        }
    }

    func createUser(req: Request) async throws -> Response {
        let form = try req.content.decode(UserForm.self)
        let password = UserDirectory.temporaryPassword()
        return try await change(req) {
            let user = try await directory(req).create(username: form.username ?? "", displayName: form.displayName?.trimmed.nilIfEmpty,
                                                       roles: try roles(form), unitName: form.unit?.nilIfEmpty,
                                                       leaderName: form.leader?.nilIfEmpty, password: password,
                                                       mustChange: true, on: req.db)
            return .init(ok: true, text: AdminPages.created(user.username, req.language), secret: password)
        }
    }

    func setRoles(req: Request) async throws -> Response {
        let form = try req.content.decode(UserForm.self)
        let username = req.parameters.get("username") ?? ""
        return try await change(req) {
            try await directory(req).setRoles(try roles(form), unitName: form.unit?.nilIfEmpty, leaderName: form.leader?.nilIfEmpty,
                                              username: username, on: req.db)
            return .init(ok: true, text: UIText.saved.text(req.language))
        }
    }

    func reset(req: Request) async throws -> Response {
        let username = req.parameters.get("username") ?? ""
        let password = UserDirectory.temporaryPassword()
        return try await change(req) {
            try await directory(req).reset(username: username, to: password, on: req.db)
            return .init(ok: true, text: AdminPages.resetDone(username, req.language), secret: password)
        }
    }

    func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        let username = req.parameters.get("username") ?? ""
        return try await change(req) {
            try await directory(req).setDisabled(disabled, username: username, on: req.db)
            return .init(ok: true, text: UIText.saved.text(req.language))
        }
    }

    // MARK: API tokens

    func tokenStore(_ req: Request) throws -> APITokenStore {
        let p = try req.requirePrincipal()
        return APITokenStore(district: p.district, actor: p.actor(address: req.clientAddress))
    }

    func tokensPage(_ req: Request, notice: AdminPages.Notice?, status: HTTPStatus = .ok) async throws -> Response {
        let list = try await tokenStore(req).list(on: req.db)
        let html = AdminPages.tokens(list, units: try await units(req).map(\.name), timeZone: try req.district().timeZone,
                                     notice: notice, lang: req.language)
        return .html(html, status: status, noStore: true)
    }

    func tokens(req: Request) async throws -> Response { try await tokensPage(req, notice: nil) }

    struct TokenForm: Content {
        var name: String?
        var role: String?
        var unit: String?
        var days: String?
    }

    /// The roles an administrator gives a token on the web: read-only ones. An administrator
    /// administers and never edits figures, so it may not hand itself a working role through a
    /// token either; a token that writes (an import robot's) is the server operator's to make,
    /// with `ballast tokens create`, and audited there.
    static let webTokenRoles: [Role] = [.viewer, .leader, .regional]

    func createToken(req: Request) async throws -> Response {
        let form = try req.content.decode(TokenForm.self)
        guard let role = form.role.flatMap(Role.init(rawValue:)), Self.webTokenRoles.contains(role) else {
            throw BallastError.badParameter("role", zh: "网页上只能创建只读角色的令牌（只读、区领导、上级汇总）；可写的令牌由服务器管理员用 ballast tokens create 创建",
                                            en: "Tokens made here are read-only (viewer, leader, regional); writing ones are made on the server with ballast tokens create")
        }
        var expires: Date?
        if let raw = form.days?.trimmed, !raw.isEmpty {
            guard let days = Int(raw), (1...3650).contains(days) else {
                throw BallastError.badParameter("days", zh: "有效天数应为 1～3650", en: "Days valid must be 1 to 3650")
            }
            expires = Date().addingTimeInterval(Double(days) * 86_400)
        }
        do {
            let (secret, token) = try await tokenStore(req).create(name: form.name ?? "", role: role, unitName: form.unit?.nilIfEmpty,
                                                                   expiresAt: expires, on: req.db)
            return try await tokensPage(req, notice: .init(ok: true, text: AdminPages.tokenCreated(token.name, req.language), secret: secret))
        } catch let f as APITokenStore.Failure {
            return try await tokensPage(req, notice: .init(ok: false, text: f.message.text(req.language)),
                                        status: .unprocessableEntity)
        }
    }

    func revokeToken(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw BallastError.notFound(APITokens.Failure.notFound.message)
        }
        do {
            try await tokenStore(req).revoke(id: id, on: req.db)
        } catch let f as APITokenStore.Failure {
            throw BallastError.notFound(f.message)
        }
        return try await tokensPage(req, notice: .init(ok: true, text: UIText.saved.text(req.language)))
    }
}
