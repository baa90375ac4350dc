import BallastCore
import BallastStore
import Vapor

/// Enforces a route's `AccessPolicy`: finds the caller (bearer token for the API, session
/// cookie for browsers), refuses who the policy does not admit, checks CSRF on every
/// state-changing browser request, and holds a user who must change the password to that.
package struct AccessMiddleware: AsyncMiddleware {
    package init(policy: AccessPolicy) { self.policy = policy }

    let policy: AccessPolicy

    static let csrfField = "_csrf"
    static let csrfHeader = "X-CSRF-Token"

    package func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // A file declared larger than its route takes: refused before a byte is read (or a
        // session looked up), saying this route's limit.
        if let limit = req.route?.uploadLimit, let declared = req.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
            throw BallastError.tooLarge(limit: limit)
        }
        if policy == .open { return try await next.respond(to: req) }
        let isAPI = req.url.path.hasPrefix(Site.API.prefix)
        let principal: Principal
        switch try await Self.authenticate(req, isAPI: isAPI) {
        case .success(let p):
            principal = p
        case .failure(let denied):
            if !isAPI { return signInRedirect(req, clearing: denied == .sessionExpired) }
            throw denied
        }
        req.principal = principal
        if principal.mustChangePassword && policy != .account {
            if !isAPI { return req.redirect(to: Site.accountPassword.link) }
            throw AccessDenied.passwordChangeRequired
        }
        guard policy.admits(principal.permissions) else { throw AccessDenied.forbidden }
        if case .session(_, let expected) = principal.credential, ![.GET, .HEAD, .OPTIONS].contains(req.method) {
            try await Self.checkCSRF(req, expected: expected)
        }
        // A reading route's answer follows the district's data version: unchanged since the
        // caller's copy is a 304 before any query; the API's answer is kept per scope.
        let tag = VersionedAnswers.applies(req, policy: policy, principal: principal)
            ? VersionedAnswers.etag(req, principal: principal, isAPI: isAPI) : nil
        if let tag, VersionedAnswers.matches(req, tag) { return VersionedAnswers.notModified(tag) }
        if isAPI {
            guard let tag else { return try await next.respond(to: req) }
            return try await VersionedAnswers.apiAnswer(req, principal: principal, tag: tag) { try await next.respond(to: req) }
        }
        var context = PageContext(principal)
        if req.method == .GET, context.hasWorkbench, let user = principal.userID {
            // The header's counts, on every page of those who work from the 工作台.
            // Kept per person under the district's version: the count is on every page they open.
            context.due = try await req.answer("work-due \(user) \(principal.roles.map(\.rawValue).sorted())") { try await WorkController.items(req).map(\.count).reduce(0, +) }
            context.unread = try await Inbox.unreadCount(userID: user, on: req.db)
        }
        if req.method == .GET {
            context.address = PageAddress(path: req.url.path, query: URLComponents(string: req.url.string)?.queryItems ?? [])
            if let asked = context.address?.value(ListOptions.exportParameter) {
                guard let format = ListExport.Format(rawValue: asked) else {
                    throw BallastError.badParameter(ListOptions.exportParameter, zh: "导出格式只能是 xlsx 或 csv", en: "The export format is xlsx or csv")
                }
                context.export = ListExport(format: format, day: DistrictContext.today(in: principal.district))
            }
        }
        let response = try await PageContext.$current.withValue(context) { try await next.respond(to: req) }
        // A list asked for as a file (`ListExport`): the page drew it; the file is the answer.
        if response.status == .ok, let export = context.export {
            guard let file = try await export.response(req) else {
                throw BallastError.badParameter(ListOptions.exportParameter, zh: "本页没有可导出的列表", en: "This page has no list to export")
            }
            return file
        }
        if let tag, response.status == .ok, context.export == nil { VersionedAnswers.mark(&response.headers, tag) }
        return response
    }

    /// A bearer token on the API, else the session cookie. Tokens are for machine clients and
    /// open nothing but the API.
    static func authenticate(_ req: Request, isAPI: Bool) async throws -> Result<Principal, AccessDenied> {
        if let bearer = req.headers.bearerAuthorization {
            guard isAPI else { return .failure(.tokenInvalid) }
            return try await APITokenStore.resolve(secret: bearer.token, on: req.db)
        }
        if let cookie = req.cookies[SessionStore.cookieName]?.string, !cookie.isEmpty {
            return try await SessionStore.resolve(token: cookie, on: req.db)
        }
        return .failure(.signInRequired)
    }

    /// The session's token must come back in a header (scripts) or a form field (forms), and a
    /// request that names its origin must name ours: a page elsewhere can send neither.
    static func checkCSRF(_ req: Request, expected: String) async throws {
        if let origin = req.headers.first(name: .origin), origin != "null" {
            let host = URLComponents(string: origin).map { c in c.host.map { h in c.port.map { "\(h):\($0)" } ?? h } } ?? nil
            guard let host, host == req.headers.first(name: .host) else { throw AccessDenied.csrf }
        }
        var sent = req.headers.first(name: csrfHeader)
        if sent == nil, let type = req.headers.contentType, type == .urlEncodedForm || type.type == "multipart" {
            let limit = req.route?.uploadLimit ?? req.application.routes.defaultMaxBodySize.value
            if req.body.data == nil {
                _ = try await req.body.collect(max: limit).get()
            }
            // Multipart goes through our own reader: the framework's can be crashed by a forged part.
            sent = req.isMultipart ? (try? req.multipartForm())?.text(csrfField) : try? req.content.get(String.self, at: csrfField)
        }
        guard let sent, SecretToken.equal(sent, expected) else { throw AccessDenied.csrf }
    }

    /// Pages send a signed-out visitor to the sign-in form, and back here afterwards.
    func signInRedirect(_ req: Request, clearing: Bool) -> Response {
        let target = req.method == .GET ? req.url.string : "/"
        var components = URLComponents()
        components.path = Site.signIn.link
        components.queryItems = [URLQueryItem(name: "next", value: target)]
        let response = req.redirect(to: components.string ?? Site.signIn.link)
        if clearing {
            response.cookies[SessionStore.cookieName] = SessionStore.expiredCookie(secure: req.application.security.secureCookies)
        }
        return response
    }
}
