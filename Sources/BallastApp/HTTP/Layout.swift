import BallastCore
import Foundation
import Plot

/// The one page layout: header with navigation and language switch, then the content.
enum Layout {
    enum Section { case work, overview, map, tables, ledger, importLedger, lists, users, audit, account, rollup, reports, warnings, enterprises, pipeline, campaign, leads, problems, inbox, documents }

    static func page(title: String, lang: UILanguage, section: Section, path: String,
                     _ content: Node<HTML.BodyContext>...) -> String {
        let html = HTML(
            .lang(lang == .en ? .english : .chinese),
            .head(
                .encoding(.utf8),
                // Not Plot's .title(): it also writes og:/twitter: meta tags without escaping them.
                .element(named: "title", nodes: [.text("\(title) · \(UIText.appName.text(lang))")]),
                .viewport(.accordingToDevice),
                .stylesheet(Site.stylesheet.link)
            ),
            .body(
                .header(.class("top"),
                    .div(.class("brand"), .text(UIText.appName.text(lang))),
                    // On a phone the sections fold into a menu opened by this box's label: no
                    // script, so it works in the 企业微信 and 钉钉 browsers too.
                    .if(!sections.isEmpty, .group(
                        .input(.type(.checkbox), .id("menu-toggle"), .class("menu-toggle"),
                               .attribute(named: "aria-label", value: lang == .en ? "Menu" : "菜单")),
                        .label(.for("menu-toggle"), .class("menu-button"),
                               .text((lang == .en ? "☰ Menu" : "☰ 菜单") + (sections.first { $0.section == section }.map { " · " + $0.label.text(lang) } ?? "")),
                               .unwrap(count(of: .work).flatMap { $0 > 0 ? $0 : nil }) { .span(.class("count"), .text($0 > 99 ? "99+" : String($0))) }))),
                    .nav(.forEach(sections, { item in
                        navLink(item.label, item.href, section == item.section, lang, count: count(of: item.section))
                    })),
                    userBox(lang),
                    .div(.class("lang"),
                        .a(.href(attr(withLang(path, .zh))), .text("中文")),
                        .text(" | "),
                        .a(.href(attr(withLang(path, .en))), .text("English"))
                    )
                ),
                .main(.group(content))
            )
        )
        return html.render()
    }

    /// The sections the signed-in user's roles open; a signed-out visitor sees none.
    static var sections: [(section: Section, label: Message, href: String)] {
        var all: [(Section, Message, String, Permission)] = [
            (.overview, Message(zh: "挂图作战", en: "Dashboard"), "/", .readSummary),
            (.map, Message(zh: "地图", en: "Map"), Site.map.link, .readSummary),
            (.tables, UIText.overview, Site.overview.link, .readSummary),
            (.ledger, UIText.ledger, Site.projects.link, .readProjects),
            (.reports, UIText.reports, Site.reports.link, .readProjects),
            (.warnings, UIText.warnings, Site.warnings.link, .readProjects),
            (.pipeline, Message(zh: "四库", en: "Pipeline"), Site.pipeline.link, .readProjects),
            (.campaign, Message(zh: "三个一批", en: "Three Batches"), Site.campaign.link, .readProjects),
            (.leads, Message(zh: "招商", en: "Leads"), Site.leads.link, .readProjects),
            (.enterprises, Message(zh: "企业", en: "Enterprises"), Site.enterprises.link, .readProjects),
            (.problems, Message(zh: "督办", en: "Supervision"), Site.problems.link, .readProjects),
            (.documents, Message(zh: "通报考核", en: "Bulletins & rankings"), Site.documents.link, .readProjects),
            (.inbox, Message(zh: "消息", en: "Inbox"), Site.inbox.link, .readSummary),
            (.importLedger, UIText.importLedger, Site.ledgerImport.link, .importLedger),
            (.lists, UIText.lists, Site.list.link("unit"), .manageLists),
            (.users, UIText.users, Site.adminUsers.link, .manageUsers),
            (.audit, UIText.audit, Site.audit.link, .readAudit),
            (.rollup, UIText.rollup, Site.rollup.link, .readRollups),
        ]
        // Those who do the work land on it, and find it first.
        if PageContext.current?.hasWorkbench == true { all.insert((.work, WorkText.workbench.message, Site.work.link, .readProjects), at: 0) }
        return all.filter { PageContext.may($0.3) }.map { ($0.0, $0.1, $0.2) }
    }

    /// The number shown beside a section's name: what is due on the 工作台, unread messages.
    static func count(of section: Section) -> Int? {
        switch section {
        case .work: PageContext.current?.due
        case .inbox: PageContext.current?.unread
        default: nil
        }
    }

    /// Who is signed in, with the way to the password page and out.
    static func userBox(_ lang: UILanguage) -> Node<HTML.BodyContext> {
        guard let ctx = PageContext.current else { return .empty }
        let roles = ctx.roles.map { lang == .en ? $0.englishName : $0.chineseName }.joined(separator: lang == .en ? ", " : "、")
        return .div(.class("user"),
            .a(.href(attr(link(Site.accountPassword.link, lang))), .text(ctx.displayName)),
            .span(.class("roles"), .text(roles + (ctx.unitName.map { " · " + $0 } ?? ""))),
            .form(.method(.post), .action(attr(Site.signOut.link)), .csrf(),
                  .button(.type(.submit), .class("link"), .text(UIText.signOut.text(lang)))))
    }

    static func navLink(_ label: Message, _ href: String, _ active: Bool, _ lang: UILanguage, count: Int? = nil) -> Node<HTML.BodyContext> {
        .a(.class(active ? "active" : ""), .href(attr(link(href, lang))), .text(label.text(lang)),
           .unwrap(count.flatMap { $0 > 0 ? $0 : nil }) { .span(.class("count"), .text($0 > 99 ? "99+" : String($0))) })
    }

    /// Links carry the page's language, so a shared link opens as its sender saw it.
    static func link(_ path: String, _ lang: UILanguage) -> String {
        guard lang == .en else { return path }
        return path + (path.contains("?") ? "&" : "?") + "lang=en"
    }

    static func withLang(_ path: String, _ lang: UILanguage) -> String {
        var components = URLComponents(string: path) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: lang.rawValue))
        components.queryItems = items
        return components.string ?? path
    }

    /// What a posted form did, or why it was refused, above the page it returns to.
    static func notice(_ notice: PageNotice?) -> Node<HTML.BodyContext> {
        .unwrap(notice) { n in
            .div(.class(n.ok ? "alert ok" : "alert bad"), .attribute(named: "role", value: "alert"),
                 .text(n.text), .unwrap(n.secret) { .div(.class("secret"), .text($0)) })
        }
    }

    /// A headline figure: label, value, and a line under it.
    /// A headline figure. `name` is its entry in docs/FIGURES.md, carried as `data-figure` so a
    /// test reads the number the reader sees.
    /// `name` marks the value for the agreement test (`data-figure`); `subName` marks the line under it.
    static func figure(_ label: String, _ value: String, _ sub: String? = nil, name: String? = nil, subName: String? = nil) -> Node<HTML.BodyContext> {
        .div(.class("figure"), .div(.class("label"), .text(label)),
             .div(.class("value"), .unwrap(name) { .data(named: "figure", value: $0) }, .text(value)),
             .unwrap(sub) { .div(.class("muted"), .unwrap(subName) { .data(named: "figure", value: $0) }, .text($0)) })
    }

    static func yi(_ m: Money) -> String { String(format: "%.2f", m.rounded(in: .yi, places: 2)) }
    static func wan(_ m: Money) -> String {
        let v = m.rounded(in: .wan, places: 2)
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.minimumFractionDigits = 0
        f.maximumFractionDigits = 2
        return f.string(from: NSNumber(value: v)) ?? String(v)
    }
}

/// The status as the error page needs it, without tying the page to Vapor's type.
protocol HTTPStatusLike { var code: UInt { get } }
