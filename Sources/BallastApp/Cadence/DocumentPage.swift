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
        let d = document
        return Layout.page(title: d.title, lang: lang, section: .documents, path: Site.document.link(d.idString),
            .p(.class("no-print"), .a(.href(attr(Layout.link(Site.documents.link, lang))), .text(CadenceText.allDocuments.text(lang))), .text(" · "),
               .a(.href(attr(Site.documentPdf.link(d.idString))), .text(CadenceText.downloadPdf.text(lang))), .text(" · "),
               .a(.href(attr(Site.documentDocx.link(d.idString))), .text(CadenceText.downloadDocx.text(lang))), .text(" · "),
               .a(.href(attr(Site.documentXlsx.link(d.idString))), .text(CadenceText.tablesXlsx.text(lang))), .text(" · "),
               .a(.href(attr(Site.API.document.link(d.idString))), .text(lang == .en ? "Data for other systems" : "数据接口（供其他系统）")),
               .text(" "), InstructionLink.node(["document": d.idString], lang: lang)),
            Layout.notice(notice),
            layout.html(lang),
            .if(d.status != .issued && PageContext.may(.issueDocuments), .div(.class("card no-print"),
                .p(.class("muted"), .text(CadenceText.draftState(asOf: d.asOf.iso, version: d.version).text(lang))),
                ConfirmStep(label: CadenceText.issue.text(lang),
                            consequence: CadenceText.issueConsequence.text(lang),
                            confirm: CadenceText.confirmIssue.text(lang), action: Layout.link(Site.documentIssue.link(d.idString), lang),
                            hidden: [("version", String(d.version))]).node,
                .form(.method(.post), .action(attr(Layout.link(Site.documents.link, lang))), .csrf(),
                      .input(.type(.hidden), .name("kind"), .value(d.kind.rawValue)), .input(.type(.hidden), .name("period"), .value(d.period)),
                      .button(.type(.submit), .class("secondary"), .text(CadenceText.regenerate.text(lang))))))
        )
    }
}
