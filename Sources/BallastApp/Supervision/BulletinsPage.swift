import BallastCore
import BallastStore
import Foundation
import Plot

/// 督查通报: every month's bulletin, drafts and issued, and the form to draft one.
struct BulletinsPage {
    var documents: [DocumentModel]
    var today: CalendarDate
    var notice: (ok: Bool, text: String)?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let month = "\(today.year)-\(today.month < 10 ? "0" : "")\(today.month)"
        return Layout.page(title: en ? "Supervision bulletins" : "督查通报", lang: lang, section: .problems, path: "/bulletins",
            SupervisionNav.node(.bulletins, lang: lang),
            .h1(.text(en ? "Supervision bulletins (督查通报)" : "督查通报")),
            Layout.notice(notice),
            .if(documents.isEmpty, .p(.class("muted"), .text(en ? "None yet." : "暂无。"))),
            .if(!documents.isEmpty, .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(en ? "Month" : "月份")), .th(.text(en ? "Title" : "标题")), .th(.text(en ? "Number" : "期号")),
                           .th(.text(en ? "As of" : "统计截至")), .th(.text(en ? "Status" : "状态")))),
                .tbody(.forEach(documents) { d in
                    .tr(.td(.class("date"), .text(d.period)), .td(.a(.href(attr(Layout.link("/bulletins/\(d.id!)", lang))), .text(d.title))),
                        .td(.text(d.number ?? "—")), .td(.class("date"), .text(d.asOf)),
                        .td(.span(.class("tag"), .text(d.status == "issued" ? (en ? "issued \(d.issuedOn ?? "")" : "已印发 \(d.issuedOn ?? "")") : (en ? "draft" : "草稿")))))
                })))),
            .if(PageContext.may(.superviseProblems), .div(.class("card"),
                .h2(.text(en ? "Draft a bulletin" : "生成通报草稿")),
                .p(.class("muted"), .text(en ? "From the data as of the day given (default today). A draft can be generated again until it is issued; an issued bulletin never changes."
                                             : "按统计日期（默认今天）的数据生成。印发前可重新生成；印发后内容冻结，不再改变。")),
                .form(.method(.post), .action(attr(Layout.link("/bulletins", lang))), .class("filters"), .csrf(),
                    .label(.text(en ? "Month" : "月份"), .input(.type(.text), .name("month"), .value(month), .attribute(named: "size", value: "8"))),
                    .label(.text(en ? "As of" : "统计截至"), .input(.type(.date), .name("asOf"))),
                    .button(.type(.submit), .text(en ? "Generate" : "生成")))))
        )
    }
}

/// One bulletin in the official layout: from its stored content only, so an issued one reads
/// the same for ever.
struct BulletinPage {
    var document: DocumentModel
    var bulletin: SupervisionBulletin
    var district: String
    var notice: (ok: Bool, text: String)?
    var lang: UILanguage

    func table(_ header: [String], _ rows: [[String]]) -> Node<HTML.BodyContext> {
        .div(.class("table-wrap"), .table(.thead(.tr(.forEach(header) { .th(.text($0)) })),
                                          .tbody(.forEach(rows) { r in .tr(.forEach(r) { .td(.text($0)) }) })))
    }

    func render() -> String {
        let en = lang == .en
        let d = document, b = bulletin
        let issued = d.status == "issued"
        return Layout.page(title: d.title, lang: lang, section: .problems, path: "/bulletins/\(d.id!)",
            .p(.class("no-print"), .a(.href(attr(Layout.link("/bulletins", lang))), .text(en ? "← All bulletins" : "← 督查通报")), .text(" · "),
               .a(.href(attr("/bulletins/\(d.id!)/docx")), .text(en ? "Download .docx" : "下载 .docx"))),
            Layout.notice(notice),
            .div(.class("packet-page official"),
                .h1(.class("doc-title"), .text("重点项目督查通报")),
                .p(.class("doc-number"), .text((d.number.map { "〔\($0)〕" } ?? "（草稿）") + "　" + NoticeDocument.issuer(district) + "　"
                                               + NoticeDocument.chineseDate(d.issuedOn ?? b.asOf))),
                .p(.class("indent"), .text(BulletinDocument.intro(b))),
                .if(b.isEmpty, .p(.class("indent"), .text("本月无逾期事项、催办和亮灯未改善项目。"))),
                .if(!b.units.isEmpty, .group(.h2(.text("一、各单位情况")),
                    table(["单位", "逾期问题", "逾期议定事项", "催办单", "逾期未报项目"], BulletinDocument.unitRows(b)))),
                .if(!b.overdue.isEmpty, .group(.h2(.text("二、逾期未办结事项")),
                    table(["牵头单位", "事项", "时间节点", "逾期天数"], b.overdue.map { [$0.unit, $0.title, $0.deadline, String($0.daysOverdue)] }))),
                .if(!b.notices.isEmpty, .group(.h2(.text("三、本月催办情况")),
                    table(["编号", "被催办单位", "发出日期", "签收"], b.notices.map { [$0.number, $0.unit, $0.issuedOn, $0.acknowledged ? "已签收" : "未签收"] }))),
                .if(!b.lateReports.isEmpty, .group(.h2(.text("四、月度进度逾期未报")),
                    table(["单位", "项目"], b.lateReports.keys.sorted().map { [$0, b.lateReports[$0]!.joined(separator: "、")] }))),
                .if(!b.litAllMonth.isEmpty, .group(.h2(.text("五、连续亮灯未改善项目")),
                    table(["项目编号", "项目名称", "责任单位", "灯色", "亮灯以来"], b.litAllMonth.map { [$0.code, $0.name, $0.unit, BulletinDocument.colourName($0.colour), $0.since] }))),
                .p(.class("indent"), .text(BulletinDocument.closing))),
            .if(!issued && PageContext.may(.superviseProblems), .div(.class("card no-print"),
                .p(.class("muted"), .text(en ? "Draft as of \(b.asOf). Issuing numbers and freezes it." : "草稿，统计截至 \(b.asOf)。印发后编号并冻结。")),
                .form(.method(.post), .action(attr(Layout.link("/bulletins/\(d.id!)/issue", lang))), .csrf(),
                      .input(.type(.hidden), .name("version"), .value(String(d.version))),
                      .button(.type(.submit), .text(en ? "Issue" : "印发")))))
        )
    }
}
