import BallastCore
import BallastStore
import Plot

/// A district's named lists: pick a list, rename entries in place, add, remove unused ones.
struct ListsPage {
    var kind: ReferenceKind
    var year: Int
    var entries: [ReferenceEntry]
    var message: PageNotice?
    var lang: UILanguage
    /// The district's division code, set on the units' list (a 项目代码 must fall within its city).
    var divisionCode: String?

    func render() -> String {
        let en = lang == .en
        let t = { (m: Message) in m.text(self.lang) }
        let base = Site.list.link(kind.rawValue)
        let yearQuery = kind.isPerYear ? "?year=\(year)" : ""
        return Layout.page(title: t(UIText.lists), lang: lang, section: .lists, path: base + yearQuery,
            .h1(.text(t(UIText.lists))),
            .div(.class("toolbar"), .forEach(ReferenceKind.allCases) { k in
                .a(.class(k == kind ? "button" : "button secondary"),
                   .href(attr(Layout.link(Site.list.link(k.rawValue) + (k.isPerYear ? "?year=\(year)" : ""), lang))),
                   .text(en ? k.englishName : k.chineseName))
            }),
            .if(kind.isPerYear, .p(.class("muted"), .text(LedgerText.perYearLists(year: year).text(lang)))),
            .if(kind == .unit, .form(.class("filters"), .method(.post), .action(attr(Layout.link(Site.listsDivision.link, lang))), .csrf(),
                .label(.text(LedgerText.divisionCode.text(lang)),
                       .input(.type(.text), .name("divisionCode"), .value(attr(divisionCode ?? "")), .attribute(named: "inputmode", value: "numeric"),
                              .attribute(named: "maxlength", value: "6"), .attribute(named: "pattern", value: "[0-9]{6}"))),
                .button(.type(.submit), .class("secondary"), .text(t(UIText.save))),
                .p(.class("muted"), .text(LedgerText.divisionHint.text(lang))))),
            .unwrap(message) { m in .div(.class(m.ok ? "alert ok" : "alert bad"), .text(m.text)) },
            entryTable(yearQuery: yearQuery),
            .h2(.text(LedgerText.add.text(lang))),
            .form(.class("filters"), .method(.post), .action(attr(Layout.link(Site.listEntryNew.link(kind.rawValue) + yearQuery, lang))), .csrf(),
                  .input(.type(.text), .name("name"), .placeholder(attr(t(UIText.name))), .attribute(named: "aria-label", value: attr(t(UIText.name)))),
                  .if(kind == .unit, .input(.type(.text), .name("variant"), .placeholder(attr(LedgerText.unitVariantHint.text(lang))),
                                            .attribute(named: "aria-label", value: attr(LedgerText.unitVariantHint.text(lang))))),
                  .button(.type(.submit), .text(LedgerText.add.text(lang))))
        )
    }

    /// One row per entry. The row's fields belong to the form in its last cell (the `form`
    /// attribute), so the table keeps one column per field; deleting goes through its own
    /// confirmation, which Enter in a name field cannot reach.
    func entryTable(yearQuery: String) -> Node<HTML.BodyContext> {
        typealias Column = DataTable<ReferenceEntry>.Column
        let t = { (m: Message) in m.text(self.lang) }
        func formID(_ e: ReferenceEntry) -> String { "entry-\(e.id)" }
        var columns: [Column] = [
            Column(t(UIText.name)) { e in
                .input(.type(.text), .name("name"), .value(attr(e.name)), .attribute(named: "form", value: formID(e)), .attribute(named: "size", value: "14"),
                       .attribute(named: "aria-label", value: attr(t(UIText.name))))
            },
        ]
        if kind == .unit {
            columns.append(Column(LedgerText.unitVariantHint.text(lang)) { e in
                .input(.type(.text), .name("variant"), .value(attr(e.variant ?? "")), .attribute(named: "form", value: formID(e)), .attribute(named: "size", value: "6"),
                       .attribute(named: "aria-label", value: attr(LedgerText.unitVariantHint.text(self.lang))))
            })
        }
        columns += [
            Column(LedgerText.order.text(lang), .number) { e in
                .input(.type(.number), .class("seq"), .name("sort"), .value(attr(String(e.sort))), .attribute(named: "form", value: formID(e)),
                       .attribute(named: "aria-label", value: attr(LedgerText.order.text(self.lang))))
            },
            .text(t(UIText.version), .number) { e in "v\(e.version)" },
            Column("") { e in
                .div(.class("toolbar"),
                    .form(.id(formID(e)), .method(.post), .action(attr(Layout.link(Site.listEntryEdit.link(self.kind.rawValue, e.id) + yearQuery, self.lang))), .csrf(),
                          .input(.type(.hidden), .name("version"), .value(attr(String(e.version)))),
                          .button(.type(.submit), .text(t(UIText.save)))),
                    ConfirmStep(label: t(UIText.delete) + "…", consequence: LedgerText.deleteEntryConsequence(e.name).text(self.lang),
                                confirm: LedgerText.confirmDeleteEntry.text(self.lang),
                                action: Layout.link(Site.listEntryDelete.link(self.kind.rawValue, e.id) + yearQuery, self.lang),
                                hidden: [("version", String(e.version))], danger: true).node)
            },
        ]
        return DataTable(columns, rows: entries, empty: LedgerText.noEntries.text(lang)).node
    }
}
