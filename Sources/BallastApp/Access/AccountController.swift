import BallastCore
import BallastStore
import Vapor

/// Signing in and out, changing one's password, and `/api/v1/me`.
struct AccountController: RouteCollection {
    /// Before sign-in there is no session to hold a CSRF token, so the form and a cookie carry
    /// the same random value (double submit): a page elsewhere can set neither.
    static let signInCookie = "ballast_signin"

    func boot(routes: any RoutesBuilder) throws {
        let open = routes.access(.open)
        open.get(Site.signIn, use: signInForm)
        open.post(Site.signIn, use: signIn)
        let account = routes.access(.account)
        account.post(Site.signOut, use: signOut)
        account.get(Site.accountPassword, use: passwordForm)
        account.post(Site.accountPassword, use: changePassword)
        account.post(Site.accountColumns, use: saveColumns)
        routes.access(.signedIn).get(Site.API.me, use: me)
    }

    struct SignInForm: Content {
        var username: String?
        var password: String?
        var next: String?
        var _csrf: String?
    }


    func signInPage(_ req: Request, username: String = "", next: String?, error: String?, status: HTTPStatus = .ok) -> Response {
        let csrf = SecretToken.make()
        let html = AccountPages.signIn(username: username, next: NextTarget.safe(next, routes: req.application.routes), csrf: csrf, error: error, lang: req.language)
        let response = Response.html(html, status: status, noStore: true)
        response.cookies[Self.signInCookie] = HTTPCookies.Value(string: csrf, path: Site.signIn.link, isSecure: req.application.security.secureCookies,
                                                               isHTTPOnly: true, sameSite: .strict)
        return response
    }

    func signInForm(req: Request) async throws -> Response {
        signInPage(req, next: req.param("next"), error: nil)
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let lang = req.language
        guard let sent = form._csrf, let cookie = req.cookies[Self.signInCookie]?.string, SecretToken.equal(sent, cookie) else {
            return signInPage(req, username: form.username ?? "", next: form.next,
                              error: AccessDenied.csrf.error.message.text(lang), status: .forbidden)
        }
        let service = SignInService(db: req.db, passwordHashing: req.passwordHashing, address: req.clientAddress,
                                    userAgent: req.headers.first(name: .userAgent))
        switch try await service.attempt(username: form.username ?? "", password: form.password ?? "") {
        case .failure(let refusal):
            let status: HTTPStatus = refusal == .invalid ? .unauthorized : .tooManyRequests
            return signInPage(req, username: form.username ?? "", next: form.next,
                              error: SignInService.message(refusal).text(lang), status: status)
        case .success(let signedIn):
            var target = signedIn.user.mustChangePassword ? Site.accountPassword.link : NextTarget.safe(form.next, routes: req.application.routes)
            // City and province users have no district overview; their start page is the roll-up.
            if target == "/" && !Role.permissions(of: signedIn.user.roleList).contains(.readSummary) { target = Site.rollup.link }
            // Those who do the day's work (office, 督查室, a unit's clerk) land on what is due.
            else if target == "/" && PageContext.worksDaily(signedIn.user.roleList) { target = Site.work.link }
            // A linked 区领导 lands on their own projects.
            else if target == "/" && signedIn.user.leaderName != nil && Role.permissions(of: signedIn.user.roleList).contains(.giveInstructions) {
                target = Site.leaderDesk.link
            }
            let response = req.redirect(to: target)
            response.cookies[SessionStore.cookieName] = SessionStore.cookie(signedIn.token, secure: req.application.security.secureCookies)
            response.cookies[Self.signInCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: Site.signIn.link)
            return response
        }
    }

    func signOut(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        if case .session(let id, _) = p.credential {
            try await SessionStore.close(id: id, on: req.db)
            try await Audit.record(on: req.db, districtID: p.district.id, actor: p.actor(address: req.clientAddress), action: "sign-out",
                                   entity: "user", entityID: p.userID, summary: "退出 \(p.name)", before: Nothing?.none, after: Nothing?.none)
        }
        let response = req.redirect(to: Site.signIn.link)
        response.cookies[SessionStore.cookieName] = SessionStore.expiredCookie(secure: req.application.security.secureCookies)
        // What the phone kept for working without signal (the month's page, entries not yet
        // sent, the service worker) goes with the session: a shared phone shows the next person
        // nothing of the last one's. Entries not yet sent could not be sent without the session.
        response.headers.replaceOrAdd(name: "Clear-Site-Data", value: "\"cache\", \"storage\"")
        return response
    }

    func html(_ s: String, status: HTTPStatus = .ok) -> Response {
        .html(s, status: status, noStore: true)
    }

    func passwordForm(req: Request) async throws -> Response {
        html(AccountPages.password(mustChange: try req.requirePrincipal().mustChangePassword, errors: [:], lang: req.language))
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    func changePassword(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        let form = try req.content.decode(PasswordForm.self)
        let lang = req.language
        func refuse(_ field: String, _ message: Message) -> Response {
            html(AccountPages.password(mustChange: p.mustChangePassword, errors: [field: message.text(lang)], lang: lang),
                 status: .unprocessableEntity)
        }
        guard let userID = p.userID, case .session(let sessionID, _) = p.credential else { throw AccessDenied.forbidden }
        guard form.new == form.confirm else { return refuse("confirm", UIText.passwordsDiffer) }
        let directory = UserDirectory(district: p.district, actor: p.actor(address: req.clientAddress), passwordHashing: req.passwordHashing)
        do {
            try await directory.changePassword(userID: userID, keepingSession: sessionID, current: form.current ?? "",
                                               new: form.new ?? "", on: req.db)
        } catch let f as UserDirectory.Failure {
            return refuse(f == .wrongPassword ? "current" : "new", f.message)
        }
        return req.redirect(to: Layout.link("/", lang))
    }

    struct MeDTO: Content {
        var username: String
        var displayName: String
        var district: String
        var roles: [String]
        var unit: String?
        var permissions: [String]
        var scope: String
    }

    func me(req: Request) async throws -> MeDTO {
        let p = try req.requirePrincipal()
        return MeDTO(username: p.name, displayName: p.displayName, district: p.district.code, roles: p.roles.map(\.rawValue),
                     unit: p.unitName, permissions: p.permissions.map(\.rawValue).sorted(),
                     scope: p.scope == .unit ? "unit" : "district")
    }

    struct ColumnsForm: Content {
        var cols: [String]?
        var next: String?
    }

    /// The project list's columns this user keeps; back to the list it was chosen on.
    func saveColumns(req: Request) async throws -> Response {
        let form = try req.content.decode(ColumnsForm.self)
        let picked = ProjectListColumn.parse((form.cols ?? []).prefix(ProjectListColumn.allCases.count).joined(separator: ",")) ?? []
        let p = try req.requirePrincipal()
        if let userID = p.userID, let user = try await UserModel.find(userID, on: req.db) {
            let before = user.listColumns
            user.listColumns = picked.isEmpty ? nil : ProjectListColumn.text(picked)
            try await user.update(on: req.db)
            try await Audit.record(on: req.db, districtID: p.district.id, actor: try req.changeActor(), action: "set-columns", entity: "user",
                                   entityID: userID, summary: "项目台账显示列", before: ["columns": before ?? ""], after: ["columns": user.listColumns ?? ""])
        }
        // The list comes back with exactly what was ticked, whatever it would default to.
        var next = NextTarget.safe(form.next, routes: req.application.routes)
        if next.hasPrefix(Site.projects.link) {
            var c = URLComponents(string: next) ?? URLComponents()
            var items = (c.queryItems ?? []).filter { $0.name != "cols" }
            if !picked.isEmpty { items.append(URLQueryItem(name: "cols", value: ProjectListColumn.text(picked))) }
            c.queryItems = items.isEmpty ? nil : items
            next = c.string ?? next
        }
        return req.redirect(to: next)
    }
}
