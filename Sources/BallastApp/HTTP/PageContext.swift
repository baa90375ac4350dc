import BallastCore
import Plot

/// What every page needs of the signed-in user: the name in the header, which sections the
/// navigation offers, and the CSRF token each form carries. Set for the duration of a page
/// request by `AccessMiddleware`, so page renderers need not thread it through every call.
struct PageContext: Sendable {
    var displayName: String
    var roles: [Role]
    var permissions: Set<Permission>
    var csrfToken: String?
    var unitName: String?

    @TaskLocal static var current: PageContext?

    init(_ p: Principal) {
        displayName = p.displayName; roles = p.roles; permissions = p.permissions; csrfToken = p.csrfToken
        unitName = p.scope == .unit ? p.unitName : nil
    }

    /// A context for rendering a page outside a request (view tests, previews): a user holding
    /// these roles.
    init(displayName: String, roles: [Role], csrfToken: String? = "token", unitName: String? = nil) {
        self.displayName = displayName; self.roles = roles; permissions = Role.permissions(of: roles)
        self.csrfToken = csrfToken; self.unitName = unitName
    }

    static func may(_ permission: Permission) -> Bool { current?.permissions.contains(permission) ?? false }
}

extension Node where Context == HTML.FormContext {
    /// The hidden field every state-changing form carries; `AccessMiddleware` compares it with
    /// the session's token.
    static func csrf() -> Node {
        .input(.type(.hidden), .name(AccessMiddleware.csrfField), .value(attr(PageContext.current?.csrfToken ?? "")))
    }
}
