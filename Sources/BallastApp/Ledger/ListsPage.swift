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
            .unwrap(message) { m in .div(.class(m.ok ? "alert ok" : "alert bad"), .text(m.text)) },
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(t(UIText.name))), .th(.text(LedgerText.order.text(lang))), .th(.text(t(UIText.version))), .th())),
                .tbody(.forEach(entries) { e in
                    .tr(.td(.attribute(named: "colspan", value: "3"),
                            .form(.class("filters"), .method(.post), .action(attr(Layout.link(Site.listEntryEdit.link(kind.rawValue, e.id) + yearQuery, lang))), .csrf(),
                                  .input(.type(.text), .name("name"), .value(attr(e.name))),
                                  .if(kind == .unit, .input(.type(.text), .name("variant"), .value(attr(e.variant ?? "")),
                                                            .placeholder(attr(LedgerText.unitVariantHint.text(lang))))),
                                  .input(.type(.number), .name("sort"), .value(attr(String(e.sort)))),
                                  .input(.type(.hidden), .name("version"), .value(attr(String(e.version)))),
                                  .span(.class("muted"), .text("v\(e.version)")),
                                  .button(.type(.submit), .text(t(UIText.save))))),
                        .td(.form(.method(.post), .action(attr(Layout.link(Site.listEntryDelete.link(kind.rawValue, e.id) + yearQuery, lang))), .csrf(),
                                  .input(.type(.hidden), .name("version"), .value(attr(String(e.version)))),
                                  .button(.class("secondary"), .type(.submit), .text(t(UIText.delete))))))
                })
            )),
            .h2(.text(LedgerText.add.text(lang))),
            .form(.class("filters"), .method(.post), .action(attr(Layout.link(Site.listEntryNew.link(kind.rawValue) + yearQuery, lang))), .csrf(),
                  .input(.type(.text), .name("name"), .placeholder(attr(t(UIText.name)))),
                  .if(kind == .unit, .input(.type(.text), .name("variant"), .placeholder(attr(LedgerText.unitVariantHint.text(lang))))),
                  .button(.type(.submit), .text(LedgerText.add.text(lang))))
        )
    }
}
