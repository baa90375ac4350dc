import BallastCore
import BallastStore
import Foundation
import Plot

/// One notice in the official layout, printable, with its .docx and the unit's acknowledgement.
struct NoticePage {
    var row: NoticeQuery.Row
    /// 发文机关署名: the district's document style, as the .docx and PDF sign.
    var office: String
    var mayAcknowledge: Bool
    var notice: PageNotice?
    var lang: UILanguage
    /// Who acknowledged it, by display name and unit.
    var people = People()

    func render() -> String {
        let en = lang == .en
        let r = row
        let columns: [DataTable<NoticeQuery.Row>.Column] = [
            .text("催办事项") { r in NoticeDocument.subjectName(r.subject) },
            .text("原定时限") { r in r.originalDeadline?.iso ?? "—" },
            .text("新时限") { r in r.newDeadline.iso },
        ]
        return Layout.page(title: r.number, lang: lang, section: .problems, path: Site.notice.link(r.id),
            .p(.class("no-print"), .a(.href(attr(Layout.link(Site.notices.link, lang))), .text(en ? "← All notices" : "← 催办单")), .text(" · "),
               .a(.href(attr(Site.noticePdf.link(r.id))), .text(CadenceText.downloadPdf.text(lang))), .text(" · "),
               .a(.href(attr(Site.noticeDocx.link(r.id))), .text(en ? "Download .docx" : "下载 .docx"))),
            Layout.notice(notice),
            // The 催办单 as issued: a Chinese official document whatever the reader's language.
            .div(.class("packet-page official"), .attribute(named: "lang", value: "zh-CN"), .attribute(named: "translate", value: "no"),
                // The form's name is the page's heading (a 催办单 has no title of its own under the head).
                .div(.class("doc-head"), .h1(.class("doc-letterhead"), .text(NoticeDocument.title)), .p(.class("doc-issue"), .text(r.number))),
                .p(.text("\(r.unit)：")),
                .p(.class("indent"), .text(r.item)),
                DataTable(columns, rows: [r], empty: "暂无。").node,
                .p(.class("indent"), .text(NoticeDocument.request)),
                .div(.class("doc-signature"), .p(.text(office)), .p(.text(NoticeDocument.chineseDate(r.issuedOn))))),
            .div(.class("card no-print"),
                .p(.text(r.acknowledgedOn.map { (en ? "Acknowledged on " : "已于 ") + $0.iso + (en ? " by " : " 由 ") + people.name(r.acknowledgedBy, lang) + (en ? "" : " 签收") }
                         ?? (r.escalatedOn.map { en ? "Not acknowledged; escalated to the unit's leader on \($0)." : "未签收，已于 \($0) 报分管领导。" }
                             ?? (en ? "Awaiting the unit's acknowledgement." : "待被催办单位签收。")))),
                .if(mayAcknowledge && r.acknowledgedOn == nil,
                    .form(.method(.post), .action(attr(Layout.link(Site.noticeAcknowledge.link(r.id), lang))), .csrf(),
                          .input(.type(.hidden), .name("version"), .value(String(r.version))),
                          .button(.type(.submit), .text(en ? "Acknowledge" : "签收")))))
        )
    }
}
