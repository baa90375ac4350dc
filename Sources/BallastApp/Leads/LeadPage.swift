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
    /// Who took each step, by display name and unit.
    var people = People()

    func render() -> String {
        let en = lang == .en
        let r = detail.row
        let status = LeadStatus(rawValue: r.status) ?? .collected
        let mayEdit = PageContext.may(.editProjects)
        let contactColumns: [DataTable<LeadQuery.Contact>.Column] = [
            .text(LeadsText.date.text(lang)) { c in c.contactedOn.iso },
            .text(LeadsText.who.text(lang)) { c in c.who },
            .text(LeadsText.what.text(lang)) { c in c.what },
            .text(LeadsText.loggedBy.text(lang)) { c in people.name(c.recordedBy, lang) },
        ]
        return Layout.page(title: r.title, lang: lang, section: .leads, path: Site.lead.link(r.id),
            .p(.a(.href(attr(Layout.link(Site.leads.link, lang))), .text(LeadsText.allLeadsLink.text(lang)))),
            .h1(.text(r.title), .text(" "), .span(.class("tag"), .text(en ? status.englishName : status.rawValue))),
            Layout.notice(notice),
            .div(.class("card"), .dl(.class("fields"),
                fact(LeadsText.enterprise.text(lang), .a(.href(attr(Layout.link(Site.enterprise.link(r.enterpriseID), lang))), .text(r.enterprise))),
                fact(LeadsText.source.text(lang), .text(r.source)),
                fact(LeadsText.industryChain.text(lang), .text(r.chain ?? "—")),
                fact(LeadsText.intendedInvestment.text(lang), .text(r.intendedInvestment.map { ($0).wanText + " 万元" } ?? "—")),
                fact(LeadsText.unit.text(lang), .text(r.unit)),
                fact(LeadsText.collected.text(lang), .text(r.collectedOn.iso)),
                .unwrap(detail.trip) { t in fact(LeadsText.trip.text(lang), .text("\(t.startedOn) \(t.ledBy) \(t.destinations)")) },
                .unwrap(detail.abandonReason) { fact(LeadsText.reasonGivenUp.text(lang), .text($0)) },
                .unwrap(r.signedOn) { fact(LeadsText.signedDate.text(lang), .text($0.iso)) },
                .unwrap(r.contractAmount) { fact(LeadsText.contractAmount.text(lang), .text(($0).wanText + " 万元")) },
                .unwrap(detail.project) { p in fact(LeadsText.signedProject.text(lang), .a(.href(attr(Layout.link(Site.project.link(p.idString), lang))), .text("\(p.code) \(p.name)（\(p.stage.rawValue)）"))) },
                .unwrap(detail.note) { fact(LeadsText.note.text(lang), .text($0)) })),
            .div(.class("card"),
                .h2(.text(LeadsText.contactLog.text(lang))),
                DataTable(contactColumns, rows: detail.contacts, empty: LeadsText.noContacts.text(lang)).node,
                .if(mayEdit, .form(.method(.post), .action(attr(Layout.link(Site.leadContacts.link(r.id), lang))), .class("filters"), .csrf(),
                    .label(.text(LeadsText.date.text(lang)), .input(.type(.date), .name("on"))),
                    .label(.text(LeadsText.who.text(lang)), .input(.type(.text), .name("who"), .attribute(named: "size", value: "8"))),
                    .label(.text(LeadsText.what.text(lang)), .input(.type(.text), .name("what"), .attribute(named: "size", value: "30"))),
                    .button(.type(.submit), .text(LeadsText.log.text(lang)))))),
            .div(.class("card"),
                .h2(.text(LeadsText.statusHistory.text(lang))),
                .ol(.forEach(detail.steps) { s in
                    .li(.text("\(s.effectiveOn) \(s.fromStatus.map { $0 + " → " } ?? "")\(s.toStatus)（\(people.name(s.actor, lang))）\(s.note.map { "：" + $0 } ?? "")"))
                }),
                .if(mayEdit && status != .signed, moveForm(status))),
            .if(mayEdit, .div(.class("card"),
                .h2(.text(LeadsText.edit.text(lang))),
                .form(.method(.post), .action(attr(Layout.link(Site.lead.link(r.id), lang))), .class("filters"), .csrf(),
                    LeadFields.nodes(LeadsController.LeadBody(title: r.title, enterprise: r.enterprise, creditCode: nil, source: r.source, chain: r.chain,
                                                              intendedInvestment: r.intendedInvestment?.formatted(in: .wan), unit: r.unit,
                                                              collectedOn: r.collectedOn.iso, tripID: detail.trip?.idString, note: detail.note),
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
            .label(.text(LeadsText.moveTo.text(lang)), .select(.attribute(named: "name", value: "to"), .forEach(next) { s in .choice(s.rawValue, en ? s.englishName : s.rawValue) })),
            .label(.text(LeadsText.date.text(lang)), .input(.type(.date), .name("on"))),
            .label(.text(LeadsText.reasonGivingUp.text(lang)), .input(.type(.text), .name("reason"), .attribute(named: "size", value: "12"))),
            .label(.text(LeadsText.signedOn.text(lang)), .input(.type(.date), .name("signedOn"))),
            .label(.text(LeadsText.contractWan.text(lang)), .input(.type(.text), .name("contractAmount"), .attribute(named: "size", value: "10"))),
            .label(.text(LeadsText.existingProjectCode.text(lang)),
                   .input(.type(.text), .name("projectCode"), .attribute(named: "size", value: "12"))),
            .button(.type(.submit), .text(UIText.save.text(lang))))
    }
}
