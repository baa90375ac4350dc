import BallastCore
import BallastStore
import Foundation
import Plot

/// 督查通报: every month's bulletin, drafts and issued, and the form to draft one.
struct BulletinsPage {
    var documents: [DocumentSummary]
    var today: CalendarDate
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let month = "\(today.year)-\(today.month < 10 ? "0" : "")\(today.month)"
        let columns: [DataTable<DocumentSummary>.Column] = [
            .text(en ? "Month" : "月份", .date) { d in d.period },
            .init(en ? "Title" : "标题") { d in .a(.href(attr(Layout.link(Site.bulletin.link(d.idString), lang))), .text(d.title)) },
            .text(en ? "Number" : "期号") { d in d.number ?? "—" },
            .text(en ? "As of" : "统计截至", .date) { d in d.asOf.iso },
            .init(en ? "Status" : "状态") { d in
                .span(.class("tag"), .text(d.status == .issued ? (en ? "issued \(d.issuedOn?.iso ?? "")" : "已印发 \(d.issuedOn?.iso ?? "")") : (en ? "draft" : "草稿")))
            },
        ]
        return Layout.page(title: en ? "Supervision bulletins" : "督查通报", lang: lang, section: .problems, path: Site.bulletins.link,
            SupervisionNav.node(.bulletins, lang: lang),
            .h1(.text(en ? "Supervision bulletins (督查通报)" : "督查通报")),
            Layout.notice(notice),
            DataTable(columns, rows: documents, empty: en ? "None yet." : "暂无。").listed(ListText.bulletins, lang).node,
            .if(PageContext.may(.superviseProblems), .div(.class("card"),
                .h2(.text(en ? "Draft a bulletin" : "生成通报草稿")),
                .p(.class("muted"), .text(en ? "From the data as of the day given (default today). A draft can be generated again until it is issued; an issued bulletin never changes."
                                             : "按统计日期（默认今天）的数据生成。印发前可重新生成；印发后内容冻结，不再改变。")),
                .form(.method(.post), .action(attr(Layout.link(Site.bulletins.link, lang))), .class("filters"), .csrf(),
                    .label(.text(en ? "Month" : "月份"), .input(.type(.text), .name("month"), .value(month), .attribute(named: "size", value: "8"))),
                    .label(.text(en ? "As of" : "统计截至"), .input(.type(.date), .name("asOf"))),
                    .button(.type(.submit), .text(en ? "Generate" : "生成")))))
        )
    }
}
