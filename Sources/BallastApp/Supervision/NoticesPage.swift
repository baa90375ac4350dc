import BallastCore
import BallastStore
import Foundation
import Plot

/// 催办单: the notices issued, which are still unacknowledged or escalated, and (for the
/// office) the buttons to generate the notices lateness calls for and to issue one by hand.
struct NoticesPage {
    var rows: [NoticeQuery.Row]
    var figures: NoticeQuery.Figures
    var units: [String]
    var pending: Bool
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let columns: [DataTable<NoticeQuery.Row>.Column] = [
            .init(SupervisionText.number.text(lang), .date) { r in .a(.href(attr(Layout.link(Site.notice.link(r.id), lang))), .text(r.number)) },
            .text(SupervisionText.remindedUnit.text(lang)) { r in r.unit },
            .text(SupervisionText.item.text(lang)) { r in r.item },
            .text(SupervisionText.issuedOn.text(lang), .date) { r in r.issuedOn.iso },
            .text(SupervisionText.noticeNewDeadline.text(lang), .date) { r in r.newDeadline.iso },
            .init(SupervisionText.acknowledged.text(lang), .date) { r in
                r.acknowledgedOn.map { .text($0.iso) }
                    ?? (r.escalatedOn != nil ? .span(.class("tag red"), .text(SupervisionText.escalatedTag.text(lang))) : .span(.class("tag"), .text(SupervisionText.awaiting.text(lang))))
            },
        ]
        return Layout.page(title: SupervisionText.noticesTitle.text(lang), lang: lang, section: .problems, path: Site.notices.link,
            SupervisionNav.node(.notices, lang: lang),
            .h1(.text(SupervisionText.noticesHeading.text(lang))),
            Layout.notice(notice),
            .div(.class("figures"),
                Layout.figure(SupervisionText.issued.text(lang), String(figures.issued), name: "notices.issued"),
                Layout.figure(SupervisionText.notAcknowledged.text(lang), String(figures.open), name: "notices.open"),
                Layout.figure(SupervisionText.escalated.text(lang), String(figures.escalated), name: "notices.escalated")),
            .p(.a(.href(attr(Layout.link(pending ? Site.notices.link : Site.notices.link + "?pending=true", lang))),
                  .text(pending ? SupervisionText.showAll.text(lang) : SupervisionText.showUnacknowledged.text(lang)))),
            DataTable(columns, rows: rows, empty: SupervisionText.noNotices.text(lang)).listed(ListText.notices, lang).node,
            .if(PageContext.may(.superviseProblems), .div(.class("card"),
                .h2(.text(SupervisionText.issueNotices.text(lang))),
                .form(.method(.post), .action(attr(Layout.link(Site.noticesGenerate.link, lang))), .csrf(),
                    .p(.class("muted"), .text(SupervisionText.generateHelp.text(lang))),
                    .button(.type(.submit), .text(SupervisionText.generateNow.text(lang)))),
                .form(.method(.post), .action(attr(Layout.link(Site.notices.link, lang))), .class("filters"), .csrf(),
                    .label(.text(SupervisionText.remindedUnit.text(lang)), .select(.attribute(named: "name", value: "unit"), .forEach(units) { u in .choice(u, u) })),
                    .label(.text(SupervisionText.remindedItem.text(lang)), .input(.type(.text), .name("item"), .attribute(named: "size", value: "40"))),
                    .label(.text(SupervisionText.noticeNewDeadline.text(lang)), .input(.type(.date), .name("newDeadline"))),
                    .button(.type(.submit), .text(SupervisionText.issue.text(lang))))))
        )
    }
}
