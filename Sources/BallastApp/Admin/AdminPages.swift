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
        /// The 分包领导 whose projects a leader's dashboard puts first.
        var leader: String?
    }

    static func created(_ name: String, _ lang: UILanguage) -> String {
        AdminText.userCreated(name).text(lang)
    }

    static func resetDone(_ name: String, _ lang: UILanguage) -> String {
        AdminText.passwordReset(name).text(lang)
    }

    static func tokenCreated(_ name: String, _ lang: UILanguage) -> String {
        AdminText.tokenCreated(name).text(lang)
    }

    static func noticeNode(_ notice: Notice?) -> Node<HTML.BodyContext> { Layout.notice(notice) }

    static func roleName(_ r: Role, _ lang: UILanguage) -> String { lang == .en ? r.englishName : r.chineseName }

    static func unitSelect(_ units: [String], selected: String?, _ lang: UILanguage) -> Node<HTML.FormContext> {
        .select(.attribute(named: "name", value: "unit"), .attribute(named: "aria-label", value: AdminText.userUnit.text(lang)),
                .choice("", AdminText.noUnit.text(lang), selected: selected == nil),
                .forEach(units) { u in .choice(u, u, selected: u == selected) })
    }

    static func leaderSelect(_ leaders: [String], selected: String?, _ lang: UILanguage) -> Node<HTML.FormContext> {
        .select(.attribute(named: "name", value: "leader"), .attribute(named: "aria-label", value: AdminText.userLeader.text(lang)),
                .choice("", AdminText.noLeader.text(lang), selected: selected == nil),
                .forEach(leaders) { l in .choice(l, l, selected: l == selected) })
    }

    static func roleBoxes(_ selected: [Role], _ lang: UILanguage) -> Node<HTML.FormContext> {
        .forEach(Role.allCases) { r in
            .label(.class("check"), .input(.type(.checkbox), .name("roles[]"), .value(attr(r.rawValue)), .checked(selected.contains(r))),
                   .text(roleName(r, lang)))
        }
    }

    static func users(_ rows: [UserRow], units: [String], leaders: [String], notice: Notice?, lang: UILanguage) -> String {
        let t = { (m: Message) in m.text(lang) }
        return Layout.page(title: t(UIText.users), lang: lang, section: .users, path: Site.adminUsers.link,
            .h1(.text(t(UIText.users))),
            noticeNode(notice),
            DataTable<UserRow>([
                // The sign-in name is what the person types, not a word of the page.
                .init(t(UIText.username)) { u in .span(.attribute(named: "translate", value: "no"), .text(u.username)) },
                .text(AdminText.personName.text(lang)) { u in u.displayName },
                .init(AdminText.rolesAndUnit.text(lang)) { u in
                    .form(.class("filters"), .method(.post), .action(attr(Layout.link(Site.adminUserRoles.link(u.username), lang))), .csrf(),
                          roleBoxes(u.roles, lang), unitSelect(units, selected: u.unit, lang), leaderSelect(leaders, selected: u.leader, lang),
                          .button(.type(.submit), .class("secondary"), .text(t(UIText.save))))
                },
                .text(AdminText.status.text(lang)) { u in
                    let status = [u.disabled ? AdminText.disabled.text(lang) : nil, u.locked ? AdminText.locked.text(lang) : nil,
                                  u.mustChange ? AdminText.mustChangePassword.text(lang) : nil].compactMap { $0 }
                    return status.isEmpty ? AdminText.activeUser.text(lang) : status.joined(separator: "、")
                },
                .init("") { u in
                    .div(.class("toolbar"),
                        .form(.method(.post), .action(attr(Layout.link(Site.adminUserReset.link(u.username), lang))), .csrf(),
                              .button(.type(.submit), .class("secondary"), .text(AdminText.resetPassword.text(lang)))),
                        .form(.method(.post), .action(attr(Layout.link(u.disabled ? Site.adminUserEnable.link(u.username) : Site.adminUserDisable.link(u.username), lang))), .csrf(),
                              .button(.type(.submit), .class(u.disabled ? "secondary" : "danger"),
                                      .text(u.disabled ? AdminText.enable.text(lang) : AdminText.disable.text(lang)))))
                },
            ], rows: rows, empty: AdminText.noUsers.text(lang)).node,
            .h2(.text(AdminText.newUser.text(lang))),
            .form(.class("card"), .method(.post), .action(attr(Layout.link(Site.adminUserNew.link, lang))), .csrf(),
                .div(.class("form-grid"),
                    .div(.class("field"), .label(.for("username"), .text(t(UIText.username))),
                         .input(.type(.text), .name("username"), .id("username"), .required(true))),
                    .div(.class("field"), .label(.for("displayName"), .text(AdminText.personName.text(lang))),
                         .input(.type(.text), .name("displayName"), .id("displayName"))),
                    .div(.class("field"), .label(.text(AdminText.userUnit.text(lang))),
                         unitSelect(units, selected: nil, lang)),
                    .div(.class("field"), .label(.text(AdminText.userLeader.text(lang))),
                         leaderSelect(leaders, selected: nil, lang))),
                .div(.class("toolbar"), roleBoxes([], lang)),
                .p(.class("muted"), .text(AdminText.temporaryPasswordHelp.text(lang))),
                .button(.type(.submit), .text(AdminText.createUser.text(lang))))
        )
    }

    static func tokens(_ tokens: [APITokenSummary], units: [String], timeZone: String, notice: Notice?, lang: UILanguage) -> String {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: timeZone)
        f.dateFormat = "yyyy-MM-dd HH:mm"
        let now = Date()
        return Layout.page(title: AdminText.apiTokens.text(lang), lang: lang, section: .tokens, path: Site.adminTokens.link,
            .h1(.text(AdminText.apiTokens.text(lang))),
            // The header as it is typed: protocol text, not the page's words.
            .p(.class("muted"), .text(AdminText.tokensHelp.text(lang) + " "),
               .code(.text("GET /api/v1/… Authorization: Bearer <\(lang == .en ? "token" : "令牌")>"))),
            noticeNode(notice),
            DataTable<APITokenSummary>([
                .text(AdminText.tokenName.text(lang)) { k in k.name },
                .init(AdminText.token.text(lang)) { k in .code(.text(k.prefix + "…")) },
                .text(AdminText.role.text(lang)) { k in Role(rawValue: k.role).map { roleName($0, lang) } ?? k.role },
                .text(AdminText.created.text(lang)) { k in f.string(from: k.createdAt) + " · " + k.createdBy },
                .text(AdminText.expires.text(lang)) { k in k.expiresAt.map(f.string) ?? AdminText.never.text(lang) },
                .text(AdminText.lastUsed.text(lang)) { k in k.lastUsedAt.map(f.string) ?? "—" },
                .text(AdminText.status.text(lang)) { k in
                    switch k.status(at: now) {
                    case .revoked: AdminText.revoked.text(lang)
                    case .expired: AdminText.expired.text(lang)
                    case .active: AdminText.activeToken.text(lang)
                    }
                },
                .init("") { k in
                    .if(k.revokedAt == nil,
                        ConfirmStep(label: AdminText.revoke.text(lang),
                                    consequence: AdminText.revokeConsequence(k.name).text(lang),
                                    confirm: AdminText.confirmRevoke.text(lang),
                                    action: Layout.link(Site.adminTokenRevoke.link(k.idString), lang), danger: true).node)
                },
            ], rows: tokens, empty: AdminText.noTokens.text(lang)).node,
            .h2(.text(AdminText.newToken.text(lang))),
            .form(.class("card"), .method(.post), .action(attr(Layout.link(Site.adminTokenNew.link, lang))), .csrf(),
                .div(.class("form-grid"),
                    .div(.class("field"), .label(.for("name"), .text(AdminText.nameWhoUsesIt.text(lang))),
                         .input(.type(.text), .name("name"), .id("name"), .required(true))),
                    .div(.class("field"), .label(.for("role"), .text(AdminText.role.text(lang))),
                         .select(.attribute(named: "name", value: "role"), .attribute(named: "id", value: "role"),
                                 .forEach(AdminController.webTokenRoles) { r in
                             .choice(r.rawValue, roleName(r, lang), selected: r == .viewer)
                         })),
                    .div(.class("field"), .label(.text(AdminText.tokenUnit.text(lang))),
                         unitSelect(units, selected: nil, lang)),
                    .div(.class("field"), .label(.for("days"), .text(AdminText.validForDays.text(lang))),
                         .input(.type(.number), .name("days"), .id("days"), .value(attr("365"))))),
                .p(.button(.type(.submit), .text(AdminText.createToken.text(lang)))))
        )
    }
}
