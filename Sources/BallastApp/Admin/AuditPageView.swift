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
            .label(.text(label), .input(.type(type), .name(name), .value(attr(value ?? ""))))
        }
        return Layout.page(title: t(UIText.audit), lang: lang, section: .audit, path: Site.audit.link + "?" + query,
            .h1(.text(t(UIText.audit))),
            .form(.class("filters"), .method(.get), .action(attr(Site.audit.link)),
                input("actor", en ? "User" : "操作人", filter.actor),
                input("entity", en ? "Record type" : "对象类型", filter.entity),
                input("entityId", en ? "Record id" : "对象编号", filter.entityID?.uuidString),
                input("action", en ? "Action" : "操作", filter.action),
                input("from", en ? "From" : "起始日期", filter.from.map(day.string), type: .date),
                input("to", en ? "To" : "截止日期", filter.until.map { day.string(from: $0.addingTimeInterval(-1)) }, type: .date),
                .if(en, .input(.type(.hidden), .name("lang"), .value(attr("en")))),
                .button(.type(.submit), .text(t(UIText.search)))
            ),
            .div(.class("toolbar"),
                .span(.class("muted"), .text(en ? "\(result.total) entries" : "共 \(result.total) 条")),
                .span(.class("spacer")),
                .a(.class("button secondary"), .href(attr(Site.auditExport.link + "?" + query)), .text(t(UIText.exportCSV)))),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(en ? "Time" : "时间")), .th(.text(t(UIText.who))), .th(.text(en ? "Address" : "地址")),
                           .th(.text(en ? "Action" : "操作")), .th(.text(en ? "Record" : "对象")), .th(.text(t(UIText.note))),
                           .th(.text(en ? "Before → after" : "修改前 → 修改后")))),
                .tbody(.forEach(result.entries) { e in
                    .tr(.td(.class("num"), .text(f.string(from: e.at))),
                        .td(.text(e.actor), .unwrap(e.role) { .div(.class("muted"), .text($0)) }),
                        .td(.text(e.address ?? "")),
                        .td(.span(.class("tag"), .text(label(e.action, Self.actions)))),
                        .td(.text(label(e.entity, Self.entities))),
                        .td(.text(e.summary ?? "")),
                        .td(.if(e.before != nil || e.after != nil,
                                .element(named: "details", nodes: [
                                    .element(named: "summary", text: en ? "show" : "查看"),
                                    .div(.class("muted"), .text(e.before ?? "—")),
                                    .div(.text("→ " + (e.after ?? "—")))]))))
                })
            )),
            .div(.class("pager"),
                .if(filter.page > 1, .a(.href(attr(pageLink(filter.page - 1))), .text(t(UIText.prev)))),
                .span(.text("\(filter.page) / \(pages)")),
                .if(filter.page < pages, .a(.href(attr(pageLink(filter.page + 1))), .text(t(UIText.next)))))
        )
    }
}
