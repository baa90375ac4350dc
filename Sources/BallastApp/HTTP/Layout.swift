import BallastCore
import Foundation
import Plot

/// The one page layout: header with navigation and language switch, then the content.
enum Layout {
    enum Section { case error, work, leader, instructions, inspections, approvals, statistics, elements, overview, map, tables, ledger, importLedger, lists, users, audit, account, rollup, tokens, webhooks, reports, warnings, enterprises, pipeline, campaign, leads, problems, inbox, documents }

    /// `scripts`: our own scripts the page loads (deferred); a page works without them.
    static func page(title: String, lang: UILanguage, section: Section, path: String, scripts: [String] = [],
                     _ content: Node<HTML.BodyContext>...) -> String {
        let html = HTML(
            .lang(lang == .en ? .english : .chinese),
            .head(
                .encoding(.utf8),
                // Not Plot's .title(): it also writes og:/twitter: meta tags without escaping them.
                .element(named: "title", nodes: [.text("\(title) · \(UIText.appName.text(lang))")]),
                .viewport(.accordingToDevice),
                .stylesheet(Site.stylesheet.link),
                // Installable on a phone's home screen (`OfflineController`).
                .link(.rel(.manifest), .href(Site.manifest.link)),
                .meta(.name("theme-color"), .content("#b71c1c")),
                .forEach(scripts) { .script(.src($0), .attribute(named: "defer", value: "defer")) }
            ),
            .body(.class("app"),
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
                    nav(section, lang),
                    userBox(lang),
                    .div(.class("lang"),
                        .a(.href(attr(withLang(path, .zh))), .text("中文")),
                        .text(" | "),
                        .a(.href(attr(withLang(path, .en))), .text("English"))
                    )
                ),
                .main(crumbs(section, title: title, lang), .group(content))
            )
        )
        return html.render()
    }

    /// The navigation's groups, by the work they hold; the 工作台 and the inbox stand alone.
    enum Group: CaseIterable {
        case overview, projects, pipeline, supervision, assessment, system

        var label: Message {
            switch self {
            case .overview: Message(zh: "总览", en: "Overview")
            case .projects: Message(zh: "项目", en: "Projects")
            case .pipeline: Message(zh: "招商与四库", en: "Investment & pipeline")
            case .supervision: Message(zh: "督办", en: "Supervision")
            case .assessment: Message(zh: "考核", en: "Assessment")
            case .system: Message(zh: "系统", en: "System")
            }
        }
    }

    struct Item {
        var section: Section
        var label: Message
        var href: String
        var group: Group?
        var icon: NavIcon
    }

    /// The sections the signed-in user's roles open; a signed-out visitor sees none.
    static var sections: [Item] {
        var all: [(Item, Permission)] = [
            (Item(section: .overview, label: Message(zh: "挂图作战", en: "Dashboard"), href: "/", group: .overview, icon: .dashboard), .readSummary),
            (Item(section: .map, label: Message(zh: "地图", en: "Map"), href: Site.map.link, group: .overview, icon: .map), .readSummary),
            (Item(section: .tables, label: UIText.overview, href: Site.overview.link, group: .overview, icon: .table), .readSummary),
            (Item(section: .rollup, label: UIText.rollup, href: Site.rollup.link, group: .overview, icon: .rollup), .readRollups),
            (Item(section: .ledger, label: UIText.ledger, href: Site.projects.link, group: .projects, icon: .ledger), .readProjects),
            (Item(section: .reports, label: UIText.reports, href: Site.reports.link, group: .projects, icon: .report), .readProjects),
            (Item(section: .warnings, label: UIText.warnings, href: Site.warnings.link, group: .projects, icon: .light), .readProjects),
            (Item(section: .approvals, label: Message(zh: "前期手续", en: "Approvals"), href: Site.approvalDepartments.link, group: .projects, icon: .stamp), .readProjects),
            (Item(section: .statistics, label: StatisticsText.title, href: Site.statistics.link, group: .projects, icon: .statistics), .readProjects),
            (Item(section: .elements, label: ElementsText.title, href: Site.elements.link, group: .projects, icon: .elements), .readProjects),
            (Item(section: .importLedger, label: UIText.importLedger, href: Site.ledgerImport.link, group: .projects, icon: .upload), .importLedger),
            (Item(section: .pipeline, label: Message(zh: "四库", en: "Pipeline"), href: Site.pipeline.link, group: .pipeline, icon: .pipeline), .readProjects),
            (Item(section: .campaign, label: Message(zh: "三个一批", en: "Three Batches"), href: Site.campaign.link, group: .pipeline, icon: .flag), .readProjects),
            (Item(section: .leads, label: Message(zh: "招商", en: "Leads"), href: Site.leads.link, group: .pipeline, icon: .lead), .readProjects),
            (Item(section: .enterprises, label: Message(zh: "企业", en: "Enterprises"), href: Site.enterprises.link, group: .pipeline, icon: .enterprise), .readProjects),
            (Item(section: .problems, label: Message(zh: "问题督办", en: "Problems & meetings"), href: Site.problems.link, group: .supervision, icon: .problem), .readProjects),
            (Item(section: .instructions, label: InstructionText.listTitle, href: Site.instructions.link, group: .supervision, icon: .stamp), .readProjects),
            (Item(section: .inspections, label: InspectionText.listTitle, href: Site.inspections.link, group: .assessment, icon: .flag), .readProjects),
            (Item(section: .documents, label: Message(zh: "通报考核", en: "Bulletins & rankings"), href: Site.documents.link, group: .assessment, icon: .document), .readProjects),
            (Item(section: .inbox, label: Message(zh: "消息", en: "Inbox"), href: Site.inbox.link, group: nil, icon: .inbox), .readSummary),
            (Item(section: .lists, label: UIText.lists, href: Site.list.link("unit"), group: .system, icon: .list), .manageLists),
            (Item(section: .users, label: UIText.users, href: Site.adminUsers.link, group: .system, icon: .users), .manageUsers),
            (Item(section: .tokens, label: AdminText.apiTokens.message, href: Site.adminTokens.link, group: .system, icon: .key), .manageUsers),
            (Item(section: .webhooks, label: Message(zh: "群机器人", en: "Group robots"), href: Site.adminWebhooks.link, group: .system, icon: .robot), .manageUsers),
            (Item(section: .audit, label: UIText.audit, href: Site.audit.link, group: .system, icon: .audit), .readAudit),
        ]
        // Those who do the work land on it, and find it first.
        if PageContext.current?.hasWorkbench == true {
            all.insert((Item(section: .work, label: WorkText.workbench.message, href: Site.work.link, group: nil, icon: .work), .readProjects), at: 0)
        }
        // A linked 区领导 starts from their own projects.
        if PageContext.current?.isLinkedLeader == true {
            all.insert((Item(section: .leader, label: InstructionText.deskTitle, href: Site.leaderDesk.link, group: nil, icon: .flag), .giveInstructions), at: 0)
        }
        return all.filter { PageContext.may($0.1) }.map(\.0)
    }

    /// The navigation: the stand-alone sections, then each group the user has a section in,
    /// folding (a `details`, so without script) under its name. On a wide screen it is the
    /// left column; on a phone the menu button opens it.
    static func nav(_ current: Section, _ lang: UILanguage) -> Node<HTML.BodyContext> {
        let items = sections
        func link(_ item: Item) -> Node<HTML.BodyContext> {
            navLink(item.label, item.href, current == item.section, lang, count: count(of: item.section), icon: item.icon)
        }
        return .nav(.attribute(named: "aria-label", value: lang == .en ? "Sections" : "栏目"),
            .forEach(items.filter { $0.group == nil && ($0.section == .work || $0.section == .leader) }, link),
            .forEach(Group.allCases) { group in
                let members = items.filter { $0.group == group }
                return .if(!members.isEmpty, .element(named: "details", nodes: [
                    .attribute(named: "open", value: "open"), .class("nav-group"),
                    .element(named: "summary", text: group.label.text(lang)),
                    .forEach(members, link)]))
            },
            .forEach(items.filter { $0.group == nil && $0.section != .work && $0.section != .leader }, link))
    }

    /// Where the page sits: the group, the section (a link back to it) and the page itself.
    static func crumbs(_ section: Section, title: String, _ lang: UILanguage) -> Node<HTML.BodyContext> {
        guard let item = sections.first(where: { $0.section == section }) else { return .empty }
        let sectionName = item.label.text(lang)
        var parts: [Node<HTML.BodyContext>] = []
        if let group = item.group { parts.append(.span(.text(group.label.text(lang)))) }
        parts.append(.a(.href(attr(link(item.href, lang))), .text(sectionName)))
        // The page's own title often is a record's name (a project, a 文号): data, not the page's words.
        if title != sectionName { parts.append(.span(.attribute(named: "aria-current", value: "page"), .attribute(named: "translate", value: "no"), .text(title))) }
        return .nav(.class("crumbs"), .attribute(named: "aria-label", value: lang == .en ? "You are here" : "当前位置"),
                    .group(parts.enumerated().map { i, p in i == 0 ? p : .group(.span(.class("sep"), .text("›")), p) }))
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

    static func navLink(_ label: Message, _ href: String, _ active: Bool, _ lang: UILanguage, count: Int? = nil,
                        icon: NavIcon? = nil) -> Node<HTML.BodyContext> {
        .a(.class(active ? "active" : ""), .unwrap(active ? "page" : nil) { .attribute(named: "aria-current", value: $0) },
           .href(attr(link(href, lang))), .unwrap(icon) { .raw($0.svg) }, .span(.class("label"), .text(label.text(lang))),
           .unwrap(count.flatMap { $0 > 0 ? $0 : nil }) { .span(.class("count"), .text($0 > 99 ? "99+" : String($0))) })
    }

    /// Links carry the page's language, so a shared link opens as its sender saw it.
    static func link(_ path: String, _ lang: UILanguage) -> String {
        guard lang == .en else { return path }
        // The query goes before a fragment ("#approvals"), or the browser reads it as the fragment's.
        let (base, fragment) = path.firstIndex(of: "#").map { (String(path[..<$0]), String(path[$0...])) } ?? (path, "")
        return base + (base.contains("?") ? "&" : "?") + "lang=en" + fragment
    }

    static func withLang(_ path: String, _ lang: UILanguage) -> String {
        var components = URLComponents(string: path) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: lang.rawValue))
        components.queryItems = items
        return components.string ?? path
    }

    /// What a posted form did, or why it was refused, above the page it returns to.
    /// What an action came to. A success is a toast: it shows over the page's top and fades
    /// after a few seconds (CSS only), announced politely; a refusal, or a success carrying
    /// something to copy (a temporary password, a token), stays in the page until the next one.
    static func notice(_ notice: PageNotice?) -> Node<HTML.BodyContext> {
        .unwrap(notice) { n in
            let toast = n.ok && n.secret == nil
            return .div(.class(toast ? "alert ok toast" : n.ok ? "alert ok" : "alert bad"),
                        .attribute(named: "role", value: toast ? "status" : "alert"),
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

}

/// The status as the error page needs it, without tying the page to Vapor's type.
protocol HTTPStatusLike { var code: UInt { get } }
