import BallastCore
import BallastStore
import Foundation
import Plot

/// One lead: its fields, its status steps and contact log, and the forms to log a contact, move
/// it on (signing creates or moves its project into 签约库) and edit it.
struct LeadPage {
    var detail: LeadQuery.Detail
    var units: [String]
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let r = detail.row
        let status = LeadStatus(rawValue: r.status) ?? .collected
        let mayEdit = PageContext.may(.editProjects)
        let contactColumns: [DataTable<LeadQuery.Contact>.Column] = [
            .text(en ? "Date" : "日期") { c in c.contactedOn },
            .text(en ? "Who" : "对接人") { c in c.who },
            .text(en ? "What" : "内容") { c in c.what },
            .text(en ? "Logged by" : "记录人") { c in c.recordedBy },
        ]
        return Layout.page(title: r.title, lang: lang, section: .leads, path: Site.lead.link(r.id),
            .p(.a(.href(attr(Layout.link(Site.leads.link, lang))), .text(en ? "← All leads" : "← 全部线索"))),
            .h1(.text(r.title), .text(" "), .span(.class("tag"), .text(en ? status.englishName : status.rawValue))),
            Layout.notice(notice),
            .div(.class("card"), .dl(.class("fields"),
                fact(en ? "Enterprise" : "企业", .a(.href(attr(Layout.link(Site.enterprise.link(r.enterpriseID), lang))), .text(r.enterprise))),
                fact(en ? "Source" : "来源", .text(r.source)),
                fact(en ? "Industry chain" : "产业链", .text(r.chain ?? "—")),
                fact(en ? "Intended investment" : "意向投资", .text(r.intendedInvestment.map { Layout.wan($0) + " 万元" } ?? "—")),
                fact(en ? "Unit" : "责任单位", .text(r.unit)),
                fact(en ? "Collected" : "收集日期", .text(r.collectedOn)),
                .unwrap(detail.trip) { t in fact(en ? "Trip" : "外出招商", .text("\(t.startedOn) \(t.ledBy) \(t.destinations)")) },
                .unwrap(detail.abandonReason) { fact(en ? "Reason given up" : "放弃原因", .text($0)) },
                .unwrap(r.signedOn) { fact(en ? "Signed" : "签约日期", .text($0)) },
                .unwrap(r.contractAmount) { fact(en ? "Contract amount" : "合同金额", .text(Layout.wan($0) + " 万元")) },
                .unwrap(detail.project) { p in fact(en ? "Project" : "签约项目", .a(.href(attr(Layout.link(Site.project.link(p.idString), lang))), .text("\(p.code) \(p.name)（\(p.stage.rawValue)）"))) },
                .unwrap(detail.note) { fact(en ? "Note" : "备注", .text($0)) })),
            .div(.class("card"),
                .h2(.text(en ? "Contact log" : "对接记录")),
                DataTable(contactColumns, rows: detail.contacts, empty: en ? "No contact logged." : "暂无对接记录。").node,
                .if(mayEdit, .form(.method(.post), .action(attr(Layout.link(Site.leadContacts.link(r.id), lang))), .class("filters"), .csrf(),
                    .label(.text(en ? "Date" : "日期"), .input(.type(.date), .name("on"))),
                    .label(.text(en ? "Who" : "对接人"), .input(.type(.text), .name("who"), .attribute(named: "size", value: "8"))),
                    .label(.text(en ? "What" : "内容"), .input(.type(.text), .name("what"), .attribute(named: "size", value: "30"))),
                    .button(.type(.submit), .text(en ? "Log" : "记录"))))),
            .div(.class("card"),
                .h2(.text(en ? "Status history" : "状态记录")),
                .ol(.forEach(detail.steps) { s in
                    .li(.text("\(s.effectiveOn) \(s.fromStatus.map { $0 + " → " } ?? "")\(s.toStatus)（\(s.actor)）\(s.note.map { "：" + $0 } ?? "")"))
                }),
                .if(mayEdit && status != .signed, moveForm(status))),
            .if(mayEdit, .div(.class("card"),
                .h2(.text(en ? "Edit" : "修改")),
                .form(.method(.post), .action(attr(Layout.link(Site.lead.link(r.id), lang))), .class("filters"), .csrf(),
                    LeadFields.nodes(LeadsController.LeadBody(title: r.title, enterprise: r.enterprise, creditCode: nil, source: r.source, chain: r.chain,
                                                              intendedInvestment: r.intendedInvestment?.formatted(in: .wan), unit: r.unit,
                                                              collectedOn: r.collectedOn, tripID: detail.trip?.idString, note: detail.note),
                                     units: units, lang: lang),
                    .input(.type(.hidden), .name("tripID"), .value(detail.trip?.idString ?? "")),
                    .input(.type(.hidden), .name("version"), .value(String(r.version))),
                    .button(.type(.submit), .text(UIText.save.text(lang))))))
        )
    }

    func fact(_ label: String, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(value))
    }

    func moveForm(_ status: LeadStatus) -> Node<HTML.BodyContext> {
        let en = lang == .en
        // Only the moves the rule allows: reopen an abandoned lead; else on to a later open
        // status, to 签约 out of 洽谈, or give up.
        let later = LeadStatus.open.drop { $0 != status }.dropFirst()
        let next: [LeadStatus] = status == .abandoned ? LeadStatus.open
            : Array(later) + (status == .negotiating ? [.signed] : []) + [.abandoned]
        return .form(.method(.post), .action(attr(Layout.link(Site.leadStatus.link(detail.row.id), lang))), .class("filters"), .csrf(),
            .input(.type(.hidden), .name("version"), .value(String(detail.row.version))),
            .label(.text(en ? "Move to" : "转为"), .select(.attribute(named: "name", value: "to"), .forEach(next) { s in .option(.value(attr(s.rawValue)), .label(attr(en ? s.englishName : s.rawValue))) })),
            .label(.text(en ? "Date" : "日期"), .input(.type(.date), .name("on"))),
            .label(.text(en ? "Reason (giving up)" : "放弃原因"), .input(.type(.text), .name("reason"), .attribute(named: "size", value: "12"))),
            .label(.text(en ? "Signed on" : "签约日期"), .input(.type(.date), .name("signedOn"))),
            .label(.text(en ? "Contract (万元)" : "合同金额（万元）"), .input(.type(.text), .name("contractAmount"), .attribute(named: "size", value: "10"))),
            .label(.text(en ? "Existing project code (else one is created)" : "已有项目编号（不填则新建）"),
                   .input(.type(.text), .name("projectCode"), .attribute(named: "size", value: "12"))),
            .button(.type(.submit), .text(UIText.save.text(lang))))
    }
}
