import BallastCore
import BallastStore
import Foundation
import Plot

/// The audit search: filters, then the entries newest first with what changed.
struct AuditPageView {
    var filter: AuditFilter
    var query: String
    var result: AuditPage
    var timeZone: String
    var lang: UILanguage
    /// The person behind each username, with the unit.
    var people = People()

    /// Chinese names for the stored action and record codes; English pages show the codes,
    /// which are also what the filters and the API take.
    static let actions = ["create": "新建", "update": "修改", "delete": "删除", "export": "导出", "import": "导入",
                          "sign-in": "登录", "sign-in-failed": "登录失败", "sign-out": "退出", "change-password": "修改密码",
                          "reset-password": "重置密码", "disable": "停用", "enable": "启用", "set-roles": "设置角色", "revoke": "吊销",
                          "stage": "阶段变更"]
    static let entities = ["project": "项目", "user": "用户", "ledger": "台账", "api-token": "API 令牌", "reference_entry": "名录",
                           "audit": "操作日志", "year-plan": "年度计划"]

    func label(_ code: String, _ names: [String: String]) -> String {
        lang == .en ? code : names[code].map { "\($0)" } ?? code
    }

    func render() -> String {
        let en = lang == .en
        let t = { (m: Message) in m.text(self.lang) }
        let f = DateFormatter.district("yyyy-MM-dd HH:mm:ss", timeZone: timeZone)
        let day = DateFormatter.district("yyyy-MM-dd", timeZone: timeZone)
        let pages = max(1, (result.total + filter.perPage - 1) / filter.perPage)
        func pageLink(_ n: Int) -> String {
            var items = (URLComponents(string: Site.audit.link + "?" + query)?.queryItems ?? []).filter { $0.name != "page" }
            items.append(URLQueryItem(name: "page", value: String(n)))
            var c = URLComponents(); c.path = Site.audit.link; c.queryItems = items
            return c.string ?? Site.audit.link
        }
        func input(_ name: String, _ label: String, _ value: String?, type: HTMLInputType = .text) -> Node<HTML.FormContext> {
            FormField.inline(name, label, value, type: type)
        }
        return Layout.page(title: t(UIText.audit), lang: lang, section: .audit, path: Site.audit.link + "?" + query,
            .h1(.text(t(UIText.audit))),
            .form(.class("filters"), .method(.get), .action(attr(Site.audit.link)),
                input("actor", AdminText.user.text(lang), filter.actor),
                input("entity", AdminText.recordType.text(lang), filter.entity),
                input("entityId", AdminText.recordID.text(lang), filter.entityID?.uuidString),
                input("action", AdminText.action.text(lang), filter.action),
                input("from", AdminText.from.text(lang), filter.from.map(day.string), type: .date),
                input("to", AdminText.to.text(lang), filter.until.map { day.string(from: $0.addingTimeInterval(-1)) }, type: .date),
                .if(en, .input(.type(.hidden), .name("lang"), .value(attr("en")))),
                .button(.type(.submit), .text(t(UIText.search)))
            ),
            .div(.class("toolbar"),
                .span(.class("muted"), .text(AdminText.entryCount(result.total).text(lang))),
                .span(.class("spacer")),
                .a(.class("button secondary"), .href(attr(Site.auditExport.link + "?" + query)), .text(t(UIText.exportCSV)))),
            DataTable<AuditPage.Entry>([
                .text(AdminText.time.text(lang), .number) { e in f.string(from: e.at) },
                .init(t(UIText.who)) { e in
                    .group(.text(people.name(e.actor)), .div(.class("muted"), .text(e.actor + (e.role.map { " · " + $0 } ?? ""))))
                },
                .text(AdminText.address.text(lang)) { e in e.address ?? "" },
                .init(AdminText.action.text(lang)) { e in .span(.class("tag"), .text(label(e.action, Self.actions))) },
                .text(AdminText.record.text(lang)) { e in label(e.entity, Self.entities) },
                .text(t(UIText.note)) { e in e.summary ?? "" },
                .init(AdminText.beforeAfter.text(lang)) { e in
                    .if(e.before != nil || e.after != nil,
                        .element(named: "details", nodes: [
                            .element(named: "summary", text: AdminText.show.text(lang)),
                            .div(.class("muted"), .text(e.before ?? "—")),
                            .div(.text("→ " + (e.after ?? "—")))]))
                },
            ], rows: result.entries, empty: AdminText.noEntries.text(lang)).node,
            Pager(page: filter.page, pages: pages, link: pageLink, lang: lang).node
        )
    }
}
