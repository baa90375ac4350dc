import BallastCore
import BallastStore
import Foundation
import Plot

/// One bulletin in the official layout: from its stored content only, so an issued one reads
/// the same for ever.
struct BulletinPage {
    var document: DocumentSummary
    var layout: OfficialDoc
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let d = document
        let issued = d.status == .issued
        return Layout.page(title: d.title, lang: lang, section: .problems, path: Site.bulletin.link(d.idString),
            .p(.class("no-print"), .a(.href(attr(Layout.link(Site.bulletins.link, lang))), .text(en ? "← All bulletins" : "← 督查通报")), .text(" · "),
               .a(.href(attr(Site.bulletinPdf.link(d.idString))), .text(CadenceText.downloadPdf.text(lang))), .text(" · "),
               .a(.href(attr(Site.bulletinDocx.link(d.idString))), .text(en ? "Download .docx" : "下载 .docx")),
               .text(" "), InstructionLink.node(["document": d.idString], lang: lang)),
            Layout.notice(notice),
            layout.html(lang),
            .if(!issued && PageContext.may(.superviseProblems), .div(.class("card no-print"),
                .p(.class("muted"), .text(en ? "Draft as of \(d.asOf). Issuing numbers and freezes it." : "草稿，统计截至 \(d.asOf)。印发后编号并冻结。")),
                ConfirmStep(label: en ? "Issue" : "印发",
                            consequence: en ? "Issuing gives it the next number and freezes it; it cannot be withdrawn."
                                            : "印发后按顺序编号并冻结，不能撤回。",
                            confirm: en ? "Confirm issue" : "确认印发", action: Layout.link(Site.bulletinIssue.link(d.idString), lang),
                            hidden: [("version", String(d.version))]).node))
        )
    }
}
