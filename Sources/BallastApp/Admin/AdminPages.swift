import BallastCore
import BallastStore
import Foundation
import Plot

/// The admin's pages: users with their roles, and API tokens. A new password or token is
/// shown once, in the notice of the page that created it, and never again.
enum AdminPages {
    typealias Notice = PageNotice

    struct UserRow {
        var username: String
        var displayName: String
        var roles: [Role]
        var unit: String?
        var disabled: Bool
        var mustChange: Bool
        var locked: Bool
    }

    static func created(_ name: String, _ lang: UILanguage) -> String {
        lang == .en ? "Created \(name). Give them this temporary password; it must be changed at first sign-in:"
                    : "已创建用户 \(name)。请将以下临时密码告知本人，首次登录须修改："
    }

    static func resetDone(_ name: String, _ lang: UILanguage) -> String {
        lang == .en ? "Password of \(name) reset; their sessions have ended. Temporary password:"
                    : "已重置 \(name) 的密码，其登录已全部失效。临时密码："
    }

    static func tokenCreated(_ name: String, _ lang: UILanguage) -> String {
        lang == .en ? "Token “\(name)” created. Copy it now: it is shown only this once."
                    : "已创建令牌“\(name)”。请立即复制，此后不再显示："
    }

    static func noticeNode(_ notice: Notice?) -> Node<HTML.BodyContext> { Layout.notice(notice) }

    static func roleName(_ r: Role, _ lang: UILanguage) -> String { lang == .en ? r.rawValue : r.chineseName }

    static func unitSelect(_ units: [String], selected: String?, _ lang: UILanguage) -> Node<HTML.FormContext> {
        .select(.attribute(named: "name", value: "unit"),
                .option(.value(attr("")), .label(attr(lang == .en ? "(no unit)" : "（无单位）")), .isSelected(selected == nil)),
                .forEach(units) { u in .option(.value(attr(u)), .label(attr(u)), .isSelected(u == selected)) })
    }

    static func roleBoxes(_ selected: [Role], _ lang: UILanguage) -> Node<HTML.FormContext> {
        .forEach(Role.allCases) { r in
            .label(.class("check"), .input(.type(.checkbox), .name("roles[]"), .value(attr(r.rawValue)), .checked(selected.contains(r))),
                   .text(roleName(r, lang)))
        }
    }

    static func users(_ rows: [UserRow], units: [String], notice: Notice?, lang: UILanguage) -> String {
        let en = lang == .en
        let t = { (m: Message) in m.text(lang) }
        return Layout.page(title: t(UIText.users), lang: lang, section: .users, path: Site.adminUsers.link,
            .h1(.text(t(UIText.users))),
            .div(.class("toolbar"), .a(.class("button secondary"), .href(attr(Layout.link(Site.adminTokens.link, lang))), .text(en ? "API tokens" : "API 令牌"))),
            noticeNode(notice),
            DataTable<UserRow>([
                .text(t(UIText.username)) { u in u.username },
                .text(en ? "Name" : "姓名") { u in u.displayName },
                .init(en ? "Roles and unit" : "角色与单位") { u in
                    .form(.class("filters"), .method(.post), .action(attr(Layout.link(Site.adminUserRoles.link(u.username), lang))), .csrf(),
                          roleBoxes(u.roles, lang), unitSelect(units, selected: u.unit, lang),
                          .button(.type(.submit), .class("secondary"), .text(t(UIText.save))))
                },
                .text(en ? "Status" : "状态") { u in
                    let status = [u.disabled ? (en ? "disabled" : "已停用") : nil, u.locked ? (en ? "locked" : "已锁定") : nil,
                                  u.mustChange ? (en ? "must change password" : "须改密") : nil].compactMap { $0 }
                    return status.isEmpty ? (en ? "active" : "正常") : status.joined(separator: "、")
                },
                .init("") { u in
                    .div(.class("toolbar"),
                        .form(.method(.post), .action(attr(Layout.link(Site.adminUserReset.link(u.username), lang))), .csrf(),
                              .button(.type(.submit), .class("secondary"), .text(en ? "Reset password" : "重置密码"))),
                        .form(.method(.post), .action(attr(Layout.link(u.disabled ? Site.adminUserEnable.link(u.username) : Site.adminUserDisable.link(u.username), lang))), .csrf(),
                              .button(.type(.submit), .class(u.disabled ? "secondary" : "danger"),
                                      .text(u.disabled ? (en ? "Enable" : "启用") : (en ? "Disable" : "停用")))))
                },
            ], rows: rows, empty: en ? "No users." : "暂无用户。").node,
            .h2(.text(en ? "New user" : "新建用户")),
            .form(.class("card"), .method(.post), .action(attr(Layout.link(Site.adminUserNew.link, lang))), .csrf(),
                .div(.class("form-grid"),
                    .div(.class("field"), .label(.for("username"), .text(t(UIText.username))),
                         .input(.type(.text), .name("username"), .id("username"), .required(true))),
                    .div(.class("field"), .label(.for("displayName"), .text(en ? "Name" : "姓名")),
                         .input(.type(.text), .name("displayName"), .id("displayName"))),
                    .div(.class("field"), .label(.text(en ? "Unit (for the unit role)" : "所属单位（责任单位角色必填）")),
                         unitSelect(units, selected: nil, lang))),
                .div(.class("toolbar"), roleBoxes([], lang)),
                .p(.class("muted"), .text(en ? "A temporary password is generated and shown once; it must be changed at first sign-in."
                                             : "系统生成临时密码并仅显示一次，首次登录须修改。")),
                .button(.type(.submit), .text(en ? "Create user" : "新建用户")))
        )
    }

    static func tokens(_ tokens: [APITokenSummary], units: [String], timeZone: String, notice: Notice?, lang: UILanguage) -> String {
        let en = lang == .en
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: timeZone)
        f.dateFormat = "yyyy-MM-dd HH:mm"
        let now = Date()
        return Layout.page(title: en ? "API tokens" : "API 令牌", lang: lang, section: .users, path: Site.adminTokens.link,
            .h1(.text(en ? "API tokens" : "API 令牌")),
            .p(.class("muted"), .text(en ? "For machine clients such as the city's systems: send “Authorization: Bearer <token>” to /api/v1."
                                         : "供市级系统等机器调用：请求 /api/v1 时携带 “Authorization: Bearer <令牌>”。")),
            noticeNode(notice),
            DataTable<APITokenSummary>([
                .text(en ? "Name" : "名称") { k in k.name },
                .init(en ? "Token" : "令牌") { k in .code(.text(k.prefix + "…")) },
                .text(en ? "Role" : "角色") { k in Role(rawValue: k.role).map { roleName($0, lang) } ?? k.role },
                .text(en ? "Created" : "创建") { k in f.string(from: k.createdAt) + " · " + k.createdBy },
                .text(en ? "Expires" : "到期") { k in k.expiresAt.map(f.string) ?? (en ? "never" : "长期") },
                .text(en ? "Last used" : "最近使用") { k in k.lastUsedAt.map(f.string) ?? "—" },
                .text(en ? "Status" : "状态") { k in
                    switch k.status(at: now) {
                    case .revoked: en ? "revoked" : "已吊销"
                    case .expired: en ? "expired" : "已过期"
                    case .active: en ? "active" : "有效"
                    }
                },
                .init("") { k in
                    .if(k.revokedAt == nil,
                        ConfirmStep(label: en ? "Revoke" : "吊销",
                                    consequence: en ? "Systems using “\(k.name)” are refused from now on; a revoked token cannot be restored."
                                                    : "使用“\(k.name)”的系统将立即无法访问；吊销后不能恢复。",
                                    confirm: en ? "Confirm revoke" : "确认吊销",
                                    action: Layout.link(Site.adminTokenRevoke.link(k.idString), lang), danger: true).node)
                },
            ], rows: tokens, empty: en ? "No tokens yet." : "尚未创建令牌。").node,
            .h2(.text(en ? "New token" : "新建令牌")),
            .form(.class("card"), .method(.post), .action(attr(Layout.link(Site.adminTokenNew.link, lang))), .csrf(),
                .div(.class("form-grid"),
                    .div(.class("field"), .label(.for("name"), .text(en ? "Name (who uses it)" : "名称（使用方）")),
                         .input(.type(.text), .name("name"), .id("name"), .required(true))),
                    .div(.class("field"), .label(.for("role"), .text(en ? "Role" : "角色")),
                         .select(.attribute(named: "name", value: "role"), .attribute(named: "id", value: "role"),
                                 .forEach(AdminController.webTokenRoles) { r in
                             .option(.value(attr(r.rawValue)), .label(attr(roleName(r, lang))), .isSelected(r == .viewer))
                         })),
                    .div(.class("field"), .label(.text(en ? "Unit (for the unit role)" : "单位（责任单位角色必填）")),
                         unitSelect(units, selected: nil, lang)),
                    .div(.class("field"), .label(.for("days"), .text(en ? "Valid for days (empty: no expiry)" : "有效天数（留空为长期）")),
                         .input(.type(.number), .name("days"), .id("days"), .value(attr("365"))))),
                .p(.button(.type(.submit), .text(en ? "Create token" : "新建令牌"))))
        )
    }
}
