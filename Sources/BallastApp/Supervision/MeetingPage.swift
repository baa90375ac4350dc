import BallastCore
import BallastStore
import Foundation
import Plot

/// One meeting: its agenda (and, for the office, the problems the rule suggests adding), its
/// decisions with how each stands, the minutes, and the forms to run it.
struct MeetingPage {
    var detail: MeetingQuery.Detail
    var suggestions: [MeetingQuery.Suggestion]?
    var units: [String]
    var leaders: [String]
    var today: CalendarDate
    var notice: PageNotice?
    var lang: UILanguage

    var m: MeetingQuery.Meeting { detail.meeting }
    var held: Bool { m.heldOn <= today }

    func render() -> String {
        let solved = detail.decisions.filter { !$0.status.isOpen }.count
        let overdue = detail.decisions.filter(\.overdue).count
        return Layout.page(title: m.title, lang: lang, section: .problems, path: Site.meeting.link(m.idString),
            SupervisionNav.node(.meetings, lang: lang),
            .h1(.text(m.title)),
            .p(.class("muted"), .text(SupervisionText.meetingSummary(kind: m.kind, heldOn: m.heldOn.iso, cutoffOn: m.cutoffOn.iso, chairedBy: m.chairedBy).text(lang))),
            Layout.notice(notice),
            .div(.class("figures"),
                Layout.figure(SupervisionText.agenda.text(lang), String(detail.agenda.count)),
                Layout.figure(SupervisionText.decisions.text(lang), String(detail.decisions.count)),
                Layout.figure(SupervisionText.decisionsDone.text(lang), String(solved)),
                Layout.figure(SupervisionText.overdueNotDone.text(lang), String(overdue))),
            decisionsCard(),
            agendaCard(),
            .unwrap(suggestions) { suggestionsCard($0) },
            minutesCard()
        )
    }

    func problemLink(_ r: ProblemQuery.Row) -> Node<HTML.BodyContext> {
        .a(.href(attr(Layout.link(Site.problem.link(r.id), lang))), .text(r.title))
    }

    func decisionsCard() -> Node<HTML.BodyContext> {
        let columns: [DataTable<ProblemQuery.Row>.Column] = [
            .init(SupervisionText.decision.text(lang)) { r in problemLink(r) },
            .text(SupervisionText.leadUnit.text(lang)) { r in r.leadUnit ?? "" },
            .text(SupervisionText.deadline.text(lang)) { r in r.deadline?.iso ?? "" },
            .init(SupervisionText.status.text(lang)) { r in ProblemPage.statusTag(r.status, overdue: r.overdue, lang: lang) },
            .text(SupervisionText.addresses.text(lang)) { r in (detail.addresses[r.id] ?? []).joined(separator: "；") },
        ]
        return .div(.class("card"),
            .h2(.text(SupervisionText.meetingDecisions.text(lang))),
            DataTable(columns, rows: detail.decisions,
                      empty: held ? SupervisionText.noneRecorded.text(lang) : SupervisionText.recordedOnceHeld.text(lang)).node,
            .if(held && PageContext.may(.superviseProblems), decisionForm()))
    }

    func decisionForm() -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(attr(Layout.link(Site.meetingDecisions.link(m.idString), lang))), .class("filters"), .csrf(),
            .label(.text(SupervisionText.decision.text(lang)), .input(.type(.text), .name("title"), .attribute(named: "size", value: "36"))),
            .label(.text(SupervisionText.leadUnit.text(lang)), .select(.attribute(named: "name", value: "leadUnit"), .forEach(units) { u in .choice(u, u) })),
            .label(.text(SupervisionText.cooperatingSeparated.text(lang)), .input(.type(.text), .name("assistingUnits"), .attribute(named: "size", value: "16"))),
            .label(.text(SupervisionText.leader.text(lang)), .select(.attribute(named: "name", value: "leader"), .choice("", "—"),
                .forEach(leaders) { l in .choice(l, l) })),
            .label(.text(SupervisionText.deadline.text(lang)), .input(.type(.date), .name("deadline"))),
            .forEach(detail.agenda) { item in
                .label(.class("check"), .input(.type(.checkbox), .name("problems[]"), .value(attr(item.row.id.uuidString))), .text(" " + item.row.title))
            },
            .button(.type(.submit), .text(SupervisionText.recordDecision.text(lang))))
    }

    func reasonText(_ raw: String) -> String { Self.reasonText(raw, lang) }

    /// Why a problem is on the agenda, in words (the minutes say the same).
    static func reasonText(_ raw: String, _ lang: UILanguage) -> String {
        raw.split(separator: ",").map { r in AgendaRule.Reason(rawValue: String(r))?.message.text(lang) ?? SupervisionText.chosen.text(lang) }.joined(separator: "、")
    }

    func agendaCard() -> Node<HTML.BodyContext> {
        let columns: [DataTable<(offset: Int, element: (row: ProblemQuery.Row, reason: String))>.Column] = [
            .text("#") { r in String(r.offset + 1) },
            .init(SupervisionText.problem.text(lang)) { r in problemLink(r.element.row) },
            .text(SupervisionText.projectOrEnterprise.text(lang)) { r in
                r.element.row.projectName.map { "\(r.element.row.projectCode ?? "") \($0)" } ?? r.element.row.enterprise ?? ""
            },
            .text(SupervisionText.leadUnit.text(lang)) { r in r.element.row.leadUnit ?? "" },
            .init(SupervisionText.status.text(lang)) { r in ProblemPage.statusTag(r.element.row.status, overdue: r.element.row.overdue, lang: lang) },
            .text(SupervisionText.whyListed.text(lang)) { r in reasonText(r.element.reason) },
            .init("") { r in
                .if(PageContext.may(.superviseProblems),
                    .form(.method(.post), .action(attr(Layout.link(Site.meetingItemDelete.link(m.idString, r.element.row.id), lang))), .csrf(),
                          .input(.type(.hidden), .name("version"), .value(String(m.version))),
                          .button(.type(.submit), .class("link"), .text(SupervisionText.remove.text(lang)))))
            },
        ]
        return .div(.class("card"),
            .h2(.text(SupervisionText.agenda.text(lang))),
            .if(PageContext.may(.superviseProblems) && !detail.agenda.isEmpty,
                .p(.a(.href(attr(Layout.link(Site.meetingPacket.link(m.idString), lang))), .text(SupervisionText.printPacket.text(lang))))),
            DataTable(columns, rows: Array(detail.agenda.enumerated()), empty: SupervisionText.noAgenda.text(lang)).node)
    }

    func suggestionsCard(_ list: [MeetingQuery.Suggestion]) -> Node<HTML.BodyContext> {
        let columns: [DataTable<MeetingQuery.Suggestion>.Column] = [
            .init("") { s in .input(.type(.checkbox), .name("problems[]"), .value(attr(s.row.id.uuidString)), .checked(true),
                                     .attribute(named: "aria-label", value: SupervisionText.putOnAgenda.text(lang) + "：" + s.row.title)) },
            .init(SupervisionText.problem.text(lang)) { s in problemLink(s.row) },
            .text(SupervisionText.leadUnit.text(lang)) { s in s.row.leadUnit ?? "" },
            .text(SupervisionText.raisedOn.text(lang)) { s in s.row.raisedOn.iso },
            .text(SupervisionText.whySuggested.text(lang)) { s in
                (s.reasons.map { $0.message.text(lang) } + s.shortfalls.map { $0.text(lang) }).joined(separator: "、")
            },
        ]
        let table = DataTable(columns, rows: list, empty: SupervisionText.noneYet.text(lang))
        return .div(.class("card"),
            .h2(.text(SupervisionText.suggested.text(lang))),
            .p(.class("muted"), .text(SupervisionText.suggestionRule(cutoff: m.cutoffOn.iso).text(lang))),
            .if(list.isEmpty, table.node),
            .if(!list.isEmpty, .form(.method(.post), .action(attr(Layout.link(Site.meetingItems.link(m.idString), lang))), .csrf(),
                .input(.type(.hidden), .name("version"), .value(String(m.version))),
                .component(table.node),
                .button(.type(.submit), .text(SupervisionText.putOnAgenda.text(lang))))))
    }

    func minutesCard() -> Node<HTML.BodyContext> {
        .div(.class("card"),
            .h2(.text(SupervisionText.minutes.text(lang))),
            .p(.text(m.minutes ?? SupervisionText.notRecorded.text(lang))),
            .if(held, .p(.a(.href(attr(Site.meetingMinutesPdf.link(m.idString))), .text(CadenceText.downloadPdf.text(lang))), .text(" · "),
                         .a(.href(attr(Site.meetingMinutesDocx.link(m.idString))), .text(CadenceText.downloadDocx.text(lang))))),
            .if(held && PageContext.may(.superviseProblems),
                .form(.method(.post), .action(attr(Layout.link(Site.meetingMinutes.link(m.idString), lang))), .csrf(),
                    .input(.type(.hidden), .name("version"), .value(String(m.version))),
                    .textarea(.name("minutes"), .attribute(named: "rows", value: "4"), .attribute(named: "cols", value: "60"),
                              .attribute(named: "aria-label", value: SupervisionText.minutes.text(lang)), .text(m.minutes ?? "")),
                    .button(.type(.submit), .text(UIText.save.text(lang))))))
    }
}
