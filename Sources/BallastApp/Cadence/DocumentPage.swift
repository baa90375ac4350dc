import BallastCore
import BallastStore
import Foundation
import Plot

/// One document in the official layout, from its stored content only, with its downloads and,
/// while a draft, the office's button to issue it.
struct DocumentPage {
    var document: DocumentSummary
    var layout: OfficialDoc
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let d = document
        return Layout.page(title: d.title, lang: lang, section: .documents, path: Site.document.link(d.idString),
            .p(.class("no-print"), .a(.href(attr(Layout.link(Site.documents.link, lang))), .text(en ? "← All documents" : "← 通报考核")), .text(" · "),
               .a(.href(attr(Site.documentDocx.link(d.idString))), .text(en ? "Download .docx" : "下载 .docx")), .text(" · "),
               .a(.href(attr(Site.documentXlsx.link(d.idString))), .text(en ? "Tables as .xlsx" : "表格 .xlsx")), .text(" · "),
               .a(.href(attr(Site.API.document.link(d.idString))), .text("JSON"))),
            Layout.notice(notice),
            layout.html(lang),
            .if(d.status != .issued && PageContext.may(.issueDocuments), .div(.class("card no-print"),
                .p(.class("muted"), .text(en ? "Draft as of \(d.asOf), version \(d.version). Issuing numbers and freezes it."
                                             : "草稿，统计截至 \(d.asOf)，第 \(d.version) 稿。印发后编号并冻结，不再随数据改变。")),
                ConfirmStep(label: en ? "Issue" : "印发",
                            consequence: en ? "Issuing gives it the next number and freezes it; it cannot be withdrawn."
                                            : "印发后按顺序编号并冻结，不能撤回。",
                            confirm: en ? "Confirm issue" : "确认印发", action: Layout.link(Site.documentIssue.link(d.idString), lang),
                            hidden: [("version", String(d.version))]).node,
                .form(.method(.post), .action(attr(Layout.link(Site.documents.link, lang))), .csrf(),
                      .input(.type(.hidden), .name("kind"), .value(d.kind.rawValue)), .input(.type(.hidden), .name("period"), .value(d.period)),
                      .button(.type(.submit), .class("secondary"), .text(en ? "Regenerate from today's data" : "按最新数据重新生成")))))
        )
    }
}
