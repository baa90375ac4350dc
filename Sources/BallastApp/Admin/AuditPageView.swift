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

    /// Field by field, before → after, in words; a snapshot that is not a flat record as stored.
    func changes(_ e: AuditPage.Entry) -> Node<HTML.BodyContext> {
        guard let rows = AuditVocabulary.changes(before: e.before, after: e.after, lang) else {
            return .group(.div(.class("muted"), .element(named: "code", text: e.before ?? "—")),
                          .div(.text("→ "), .element(named: "code", text: e.after ?? "—")))
        }
        let empty = lang == .en ? "(empty)" : "（空）"
        // A sign-in name is what the person types, not a word of the page.
        let data = ["username", "url", "file", "code", "creditCode"]
        return .ul(.class("changes"), .forEach(rows) { r in
            .li(.text(r.field + (lang == .en ? ": " : "：")),
                .span(.unwrap(data.contains(r.key) || r.key.hasSuffix("ID") || UUID(uuidString: r.after) != nil ? "no" : nil) { .attribute(named: "translate", value: $0) },
                      r.before == r.after ? .text(r.after.isEmpty ? empty : r.after)
                        : .group(.element(named: "del", text: r.before.isEmpty ? empty : r.before), .text(" → " + (r.after.isEmpty ? empty : r.after)))))
        })
    }

    /// A filter over stored codes, offered by their names; the address keeps the code.
    func codeSelect(_ name: String, _ label: String, _ names: [String: Message], _ selected: String?) -> Node<HTML.FormContext> {
        let options = names.map { (code: $0.key, name: $0.value.text(lang)) }.sorted { $0.name < $1.name }
        return .label(.text(label), .select(.attribute(named: "name", value: name),
            .choice("", lang == .en ? "All" : "全部", selected: selected == nil),
            .forEach(options) { o in .choice(o.code, o.name, selected: o.code == selected) }))
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
                codeSelect("entity", AdminText.recordType.text(lang), AuditVocabulary.entities, filter.entity),
                input("entityId", AdminText.recordID.text(lang), filter.entityID?.uuidString),
                codeSelect("action", AdminText.action.text(lang), AuditVocabulary.actions, filter.action),
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
                    // The person, and the role they acted in; the account name stays in the record (and the filter).
                    .group(.text(people.name(e.actor, lang)), .div(.class("muted"), .text(e.role.map { AuditVocabulary.role($0, lang) } ?? "")))
                },
                .text(AdminText.address.text(lang)) { e in e.address ?? "" },
                .init(AdminText.action.text(lang)) { e in .span(.class("tag"), .text(AuditVocabulary.action(e.action, lang))) },
                .text(AdminText.record.text(lang)) { e in AuditVocabulary.entity(e.entity, lang) },
                .text(t(UIText.note)) { e in AuditVocabulary.words(in: people.replacingUsernames(in: e.summary ?? "", lang), lang) },
                .init(AdminText.beforeAfter.text(lang)) { e in
                    .if(e.before != nil || e.after != nil,
                        .element(named: "details", nodes: [
                            .element(named: "summary", text: AdminText.show.text(lang)),
                            changes(e)]))
                },
            ], rows: result.entries, empty: AdminText.noEntries.text(lang)).node,
            Pager(page: filter.page, pages: pages, link: pageLink, lang: lang).node
        )
    }
}
