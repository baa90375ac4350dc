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
    /// Whether the user's roles do daily work (office, 督查室, a unit): they land on the 工作台.
    var hasWorkbench = false
    /// A 区领导 linked to the leader list: 我联系的项目 is theirs, and they land on it.
    var isLinkedLeader = false
    /// Records due on the 工作台 and unread messages, for the header; nil when not counted.
    var due: Int?
    var unread: Int?
    /// The page's own address, for lists to link to themselves with one thing changed (GET only).
    var address: PageAddress?
    /// Set when the page's list is asked for as a file (`?export=`).
    var export: ListExport?

    @TaskLocal static var current: PageContext?

    init(_ p: Principal) {
        displayName = p.displayName; roles = p.roles; permissions = p.permissions; csrfToken = p.csrfToken
        unitName = p.scope == .unit ? p.unitName : nil
        hasWorkbench = Self.worksDaily(p.roles)
        isLinkedLeader = p.leaderName != nil && p.may(.giveInstructions)
    }

    /// The roles whose day is a list of things to do; leaders and viewers keep the dashboard.
    static func worksDaily(_ roles: [Role]) -> Bool { roles.contains { [.office, .supervision, .unit].contains($0) } }

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
