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
        return Layout.page(title: en ? "Enterprises" : "企业库", lang: lang, section: .enterprises, path: Site.enterprises.link,
            .h1(.text(en ? "Enterprises" : "企业库")),
            .form(.class("filters"), .method(.get), .action(Site.enterprises.link),
                .label(.text(en ? "Name or credit code" : "名称或统一社会信用代码"), .input(.type(.search), .name("q"), .value(attr(query)))),
                .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                .button(.type(.submit), .text(UIText.search.text(lang)))),
            Layout.notice(notice),
            .p(.class("muted"), .text(en ? "\(total) enterprises" + (rows.count < total ? ", first \(rows.count) shown" : "")
                                         : "共 \(total) 家企业" + (rows.count < total ? "，显示前 \(rows.count) 家" : ""))),
            table(rows),
            .if(!duplicates.isEmpty, .div(.class("card"),
                .h2(.text(en ? "Possible duplicates by name" : "疑似重复（名称相同）")),
                .p(.class("muted"), .text(en ? "Open one of each group and merge it into the record to keep." : "打开其中一家，合并到要保留的记录。")),
                .forEach(duplicates) { group in table(group) })),
            .if(PageContext.may(.editProjects), createForm())
        )
    }

    func table(_ rows: [EnterpriseRow]) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let columns: [DataTable<EnterpriseRow>.Column] = [
            .init(en ? "Name" : "企业名称") { r in .a(.href(attr(Layout.link(Site.enterprise.link(r.id), lang))), .text(r.name)) },
            .text(en ? "Credit code" : "统一社会信用代码") { r in r.creditCode ?? "—" },
            .text(en ? "Industry" : "所属行业") { r in r.industry ?? "" },
            .text(en ? "四上" : "四上企业") { r in r.aboveScale ? (en ? "yes" : "是") : "" },
            .text(en ? "Service official" : "服务专员") { r in r.serviceOfficial ?? "" },
            .text(en ? "Projects" : "项目数", .number) { r in String(r.projects) },
        ]
        return DataTable(columns, rows: rows, empty: en ? "No enterprises match." : "没有符合条件的企业。").node
    }

    func createForm() -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .div(.class("card"),
            .h2(.text(en ? "Register an enterprise" : "登记企业")),
            .form(.method(.post), .action(attr(Layout.link(Site.enterprises.link, lang))), .class("filters"), .csrf(),
                  EnterpriseFields.nodes(form, lang: lang),
                  .button(.type(.submit), .text(en ? "Register" : "登记"))))
    }
}
