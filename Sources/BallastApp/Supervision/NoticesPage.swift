import BallastCore
import BallastStore
import Foundation
import Plot

/// 催办单: the notices issued, which are still unacknowledged or escalated, and (for the
/// office) the buttons to generate the notices lateness calls for and to issue one by hand.
struct NoticesPage {
    var rows: [NoticeQuery.Row]
    var units: [String]
    var pending: Bool
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let open = rows.filter { $0.acknowledgedOn == nil }.count
        let escalated = rows.filter { $0.acknowledgedOn == nil && $0.escalatedOn != nil }.count
        let columns: [DataTable<NoticeQuery.Row>.Column] = [
            .init(en ? "Number" : "编号", .date) { r in .a(.href(attr(Layout.link(Site.notice.link(r.id), lang))), .text(r.number)) },
            .text(en ? "Unit" : "被催办单位") { r in r.unit },
            .text(en ? "Item" : "事项") { r in r.item },
            .text(en ? "Issued" : "发出日期", .date) { r in r.issuedOn },
            .text(en ? "New deadline" : "新时限", .date) { r in r.newDeadline },
            .init(en ? "Acknowledged" : "签收", .date) { r in
                r.acknowledgedOn.map { .text($0) }
                    ?? (r.escalatedOn != nil ? .span(.class("tag red"), .text(en ? "escalated" : "已报分管领导")) : .span(.class("tag"), .text(en ? "awaiting" : "待签收")))
            },
        ]
        return Layout.page(title: en ? "Reminder notices" : "催办单", lang: lang, section: .problems, path: Site.notices.link,
            SupervisionNav.node(.notices, lang: lang),
            .h1(.text(en ? "Reminder notices (催办单)" : "催办单")),
            Layout.notice(notice),
            .div(.class("figures"),
                Layout.figure(en ? "Issued" : "已发出", String(rows.count)),
                Layout.figure(en ? "Not acknowledged" : "未签收", String(open)),
                Layout.figure(en ? "Escalated" : "已报分管领导", String(escalated))),
            .p(.a(.href(attr(Layout.link(pending ? Site.notices.link : Site.notices.link + "?pending=true", lang))),
                  .text(pending ? (en ? "Show all" : "显示全部") : (en ? "Show unacknowledged only" : "只看未签收")))),
            DataTable(columns, rows: rows, empty: en ? "No notices." : "暂无催办单。").node,
            .if(PageContext.may(.superviseProblems), .div(.class("card"),
                .h2(.text(en ? "Issue notices" : "发出催办单")),
                .form(.method(.post), .action(attr(Layout.link(Site.noticesGenerate.link, lang))), .csrf(),
                    .p(.class("muted"), .text(en ? "Generate one for every overdue problem or decision not yet reminded, and for each unit's missing monthly reports; escalate the unacknowledged. The scheduler does this each night."
                                                 : "为每个逾期未办结、尚未催办的问题和议定事项，以及各单位逾期未报的月度进度生成催办单，并将逾期未签收的报分管领导。系统每晚自动执行。")),
                    .button(.type(.submit), .text(en ? "Generate now" : "立即生成"))),
                .form(.method(.post), .action(attr(Layout.link(Site.notices.link, lang))), .class("filters"), .csrf(),
                    .label(.text(en ? "Unit" : "被催办单位"), .select(.attribute(named: "name", value: "unit"), .forEach(units) { u in .option(.value(attr(u)), .label(attr(u))) })),
                    .label(.text(en ? "Item" : "催办事项"), .input(.type(.text), .name("item"), .attribute(named: "size", value: "40"))),
                    .label(.text(en ? "New deadline" : "新时限"), .input(.type(.date), .name("newDeadline"))),
                    .button(.type(.submit), .text(en ? "Issue" : "发出")))))
        )
    }
}
