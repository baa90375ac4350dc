import BallastCore
import BallastStore
import Foundation
import Plot

/// 企业库: search, the records that look like duplicates by name (to merge), and the form to
/// register one.
struct EnterprisesPage {
    var query: String
    var total: Int
    var rows: [EnterpriseRow]
    var duplicates: [[EnterpriseRow]]
    var notice: PageNotice?
    /// The refused form, shown again as typed.
    var form: EnterprisesController.Body?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        return Layout.page(title: EnterpriseText.enterprisesTitle.text(lang), lang: lang, section: .enterprises, path: Site.enterprises.link,
            .h1(.text(EnterpriseText.enterprisesTitle.text(lang))),
            .form(.class("filters"), .method(.get), .action(Site.enterprises.link),
                .label(.text(EnterpriseText.nameOrCreditCode.text(lang)), .input(.type(.search), .name("q"), .value(attr(query)))),
                .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                .button(.type(.submit), .text(UIText.search.text(lang)))),
            Layout.notice(notice),
            .p(.class("muted"), .text(EnterpriseText.enterpriseCount(total, shown: rows.count).text(lang))),
            table(rows),
            .if(!duplicates.isEmpty, .div(.class("card"),
                .h2(.text(EnterpriseText.possibleDuplicates.text(lang))),
                .p(.class("muted"), .text(EnterpriseText.duplicatesHelp.text(lang))),
                .forEach(duplicates) { group in table(group) })),
            .if(PageContext.may(.editProjects), createForm())
        )
    }

    func table(_ rows: [EnterpriseRow]) -> Node<HTML.BodyContext> {
        let columns: [DataTable<EnterpriseRow>.Column] = [
            .init(EnterpriseText.name.text(lang)) { r in .a(.href(attr(Layout.link(Site.enterprise.link(r.id), lang))), .text(r.name)) },
            .text(EnterpriseText.creditCode.text(lang)) { r in r.creditCode ?? "—" },
            .text(EnterpriseText.industry.text(lang)) { r in r.industry ?? "" },
            .text(EnterpriseText.aboveScaleColumn.text(lang)) { r in r.aboveScale ? EnterpriseText.yes.text(lang) : "" },
            .text(EnterpriseText.serviceOfficial.text(lang)) { r in r.serviceOfficial ?? "" },
            .text(EnterpriseText.projectCount.text(lang), .number) { r in String(r.projects) },
        ]
        return DataTable(columns, rows: rows, empty: EnterpriseText.noEnterprises.text(lang)).listed(ListText.enterprises, lang).node
    }

    func createForm() -> Node<HTML.BodyContext> {
        return .div(.class("card"),
            .h2(.text(EnterpriseText.registerEnterprise.text(lang))),
            .form(.method(.post), .action(attr(Layout.link(Site.enterprises.link, lang))), .class("filters"), .csrf(),
                  EnterpriseFields.nodes(form, lang: lang),
                  .button(.type(.submit), .text(EnterpriseText.register.text(lang)))))
    }
}
