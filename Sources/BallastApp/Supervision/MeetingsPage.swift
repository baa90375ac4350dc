import BallastCore
import BallastStore
import Foundation
import Plot

/// 会议: every meeting with how its decisions stand, and the form to call one.
struct MeetingsPage {
    var rows: [MeetingQuery.Row]
    var leaders: [String]
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let columns: [DataTable<MeetingQuery.Row>.Column] = [
            .text(SupervisionText.date.text(lang)) { r in r.heldOn.iso },
            .init(SupervisionText.meeting.text(lang)) { r in .a(.href(attr(Layout.link(Site.meeting.link(r.id), lang))), .text(r.title)) },
            .text(SupervisionText.kind.text(lang)) { r in MeetingKind(rawValue: r.kind).map { en ? $0.englishName : $0.rawValue } ?? r.kind },
            .text(SupervisionText.agenda.text(lang), .number) { r in String(r.agenda) },
            .text(SupervisionText.decisions.text(lang), .number) { r in String(r.decisions) },
            .text(SupervisionText.decisionsDone.text(lang), .number) { r in String(r.decisionsSolved) },
            .init(SupervisionText.overdue.text(lang), .number) { r in
                r.decisionsOverdue > 0 ? .span(.class("tag red"), .text(String(r.decisionsOverdue))) : .text("0")
            },
        ]
        return Layout.page(title: SupervisionText.meetingsTitle.text(lang), lang: lang, section: .problems, path: Site.meetings.link,
            SupervisionNav.node(.meetings, lang: lang),
            .h1(.text(SupervisionText.meetingsHeading.text(lang))),
            Layout.notice(notice),
            .p(.a(.href(attr(Layout.link(Site.meetingsLatest.link, lang))), .text(SupervisionText.lastMeetingLink.text(lang)))),
            DataTable(columns, rows: rows, empty: SupervisionText.noMeetings.text(lang)).listed(ListText.meetings, lang).node,
            .if(PageContext.may(.superviseProblems), .div(.class("card"),
                .h2(.text(SupervisionText.callMeeting.text(lang))),
                .form(.method(.post), .action(attr(Layout.link(Site.meetings.link, lang))), .class("filters"), .csrf(),
                    .label(.text(SupervisionText.kind.text(lang)), .select(.attribute(named: "name", value: "kind"), .forEach(MeetingKind.allCases) { k in
                        .choice(k.rawValue, en ? k.englishName : k.rawValue)
                    })),
                    .label(.text(SupervisionText.meetingTitle.text(lang)), .input(.type(.text), .name("title"), .attribute(named: "size", value: "24"))),
                    .label(.text(SupervisionText.meetingDate.text(lang)), .input(.type(.date), .name("heldOn"))),
                    .label(.text(SupervisionText.agendaCloses.text(lang)), .input(.type(.date), .name("cutoffOn"))),
                    .label(.text(SupervisionText.chairedBy.text(lang)), .select(.attribute(named: "name", value: "chairedBy"), .choice("", "—"),
                        .forEach(leaders) { l in .choice(l, l) })),
                    .button(.type(.submit), .text(SupervisionText.create.text(lang))))))
        )
    }
}
