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

    var en: Bool { lang == .en }
    var m: MeetingQuery.Meeting { detail.meeting }
    var held: Bool { m.heldOn <= today.iso }

    func render() -> String {
        let solved = detail.decisions.filter { !$0.status.isOpen }.count
        let overdue = detail.decisions.filter(\.overdue).count
        return Layout.page(title: m.title, lang: lang, section: .problems, path: Site.meeting.link(m.idString),
            SupervisionNav.node(.meetings, lang: lang),
            .h1(.text(m.title)),
            .p(.class("muted"), .text(en ? "\(m.kind) on \(m.heldOn); agenda closed \(m.cutoffOn)" + (m.chairedBy.map { "; chaired by \($0)" } ?? "")
                                         : "\(m.kind)，\(m.heldOn) 召开；议题截止 \(m.cutoffOn)" + (m.chairedBy.map { "；\($0) 主持" } ?? ""))),
            Layout.notice(notice),
            .div(.class("figures"),
                Layout.figure(en ? "Agenda" : "议题", String(detail.agenda.count)),
                Layout.figure(en ? "Decisions" : "议定事项", String(detail.decisions.count)),
                Layout.figure(en ? "Done" : "已落实", String(solved)),
                Layout.figure(en ? "Overdue" : "逾期未落实", String(overdue))),
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
            .init(en ? "Decision" : "议定事项") { r in problemLink(r) },
            .text(en ? "Lead unit" : "牵头单位") { r in r.leadUnit ?? "" },
            .text(en ? "Deadline" : "时间节点") { r in r.deadline ?? "" },
            .init(en ? "Status" : "状态") { r in ProblemPage.statusTag(r.status, overdue: r.overdue, lang: lang) },
            .text(en ? "Addresses" : "涉及问题") { r in (detail.addresses[r.id] ?? []).joined(separator: "；") },
        ]
        return .div(.class("card"),
            .h2(.text(en ? "Decisions (会议议定事项)" : "会议议定事项")),
            DataTable(columns, rows: detail.decisions,
                      empty: held ? (en ? "None recorded." : "尚未记录。") : (en ? "Recorded once the meeting is held." : "会议召开后记录。")).node,
            .if(held && PageContext.may(.superviseProblems), decisionForm()))
    }

    func decisionForm() -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(attr(Layout.link(Site.meetingDecisions.link(m.idString), lang))), .class("filters"), .csrf(),
            .label(.text(en ? "Decision" : "议定事项"), .input(.type(.text), .name("title"), .attribute(named: "size", value: "36"))),
            .label(.text(en ? "Lead unit" : "牵头单位"), .select(.attribute(named: "name", value: "leadUnit"), .forEach(units) { u in .option(.value(attr(u)), .label(attr(u))) })),
            .label(.text(en ? "Assisting (、-separated)" : "配合单位（以、分隔）"), .input(.type(.text), .name("assistingUnits"), .attribute(named: "size", value: "16"))),
            .label(.text(en ? "Leader" : "责任领导"), .select(.attribute(named: "name", value: "leader"), .option(.value(attr("")), .label(attr("—"))),
                .forEach(leaders) { l in .option(.value(attr(l)), .label(attr(l))) })),
            .label(.text(en ? "Deadline" : "时间节点"), .input(.type(.date), .name("deadline"))),
            .forEach(detail.agenda) { item in
                .label(.class("check"), .input(.type(.checkbox), .name("problems[]"), .value(attr(item.row.id.uuidString))), .text(" " + item.row.title))
            },
            .button(.type(.submit), .text(en ? "Record decision" : "记录议定事项")))
    }

    func reasonText(_ raw: String) -> String {
        raw.split(separator: ",").map { r in AgendaRule.Reason(rawValue: String(r))?.message.text(lang) ?? (en ? "chosen" : "手动列入") }.joined(separator: "、")
    }

    func agendaCard() -> Node<HTML.BodyContext> {
        let columns: [DataTable<(offset: Int, element: (row: ProblemQuery.Row, reason: String))>.Column] = [
            .text("#") { r in String(r.offset + 1) },
            .init(en ? "Problem" : "问题") { r in problemLink(r.element.row) },
            .text(en ? "Project or enterprise" : "项目或企业") { r in
                r.element.row.projectName.map { "\(r.element.row.projectCode ?? "") \($0)" } ?? r.element.row.enterprise ?? ""
            },
            .text(en ? "Lead unit" : "牵头单位") { r in r.element.row.leadUnit ?? "" },
            .init(en ? "Status" : "状态") { r in ProblemPage.statusTag(r.element.row.status, overdue: r.element.row.overdue, lang: lang) },
            .text(en ? "Why" : "列入原因") { r in reasonText(r.element.reason) },
            .init("") { r in
                .if(PageContext.may(.superviseProblems),
                    .form(.method(.post), .action(attr(Layout.link(Site.meetingItemDelete.link(m.idString, r.element.row.id), lang))), .csrf(),
                          .input(.type(.hidden), .name("version"), .value(String(m.version))),
                          .button(.type(.submit), .class("link"), .text(en ? "Remove" : "移出"))))
            },
        ]
        return .div(.class("card"),
            .h2(.text(en ? "Agenda" : "议题")),
            .if(PageContext.may(.superviseProblems) && !detail.agenda.isEmpty,
                .p(.a(.href(attr(Layout.link(Site.meetingPacket.link(m.idString), lang))), .text(en ? "Print the meeting packet →" : "打印会议材料 →")))),
            DataTable(columns, rows: Array(detail.agenda.enumerated()), empty: en ? "No problems on the agenda." : "暂无议题。").node)
    }

    func suggestionsCard(_ list: [MeetingQuery.Suggestion]) -> Node<HTML.BodyContext> {
        let columns: [DataTable<MeetingQuery.Suggestion>.Column] = [
            .init("") { s in .input(.type(.checkbox), .name("problems[]"), .value(attr(s.row.id.uuidString)), .checked(true)) },
            .init(en ? "Problem" : "问题") { s in problemLink(s.row) },
            .text(en ? "Lead unit" : "牵头单位") { s in s.row.leadUnit ?? "" },
            .text(en ? "Raised" : "提出日期") { s in s.row.raisedOn },
            .text(en ? "Why" : "建议原因") { s in s.reasons.map { $0.message.text(lang) }.joined(separator: "、") },
        ]
        let table = DataTable(columns, rows: list, empty: en ? "None." : "暂无。")
        return .div(.class("card"),
            .h2(.text(en ? "Suggested for the agenda" : "建议列入议题")),
            .p(.class("muted"), .text(en ? "Open problems raised by \(m.cutoffOn) that block a red or yellow project, are major, or are common (three or more open in a category)."
                                         : "截至 \(m.cutoffOn) 提出、尚未解决，且影响红黄灯项目、属重大问题或共性问题（同类未解决 3 项以上）的问题。")),
            .if(list.isEmpty, table.node),
            .if(!list.isEmpty, .form(.method(.post), .action(attr(Layout.link(Site.meetingItems.link(m.idString), lang))), .csrf(),
                .input(.type(.hidden), .name("version"), .value(String(m.version))),
                .component(table.node),
                .button(.type(.submit), .text(en ? "Put on the agenda" : "列入议题")))))
    }

    func minutesCard() -> Node<HTML.BodyContext> {
        .div(.class("card"),
            .h2(.text(en ? "Minutes" : "会议纪要")),
            .p(.text(m.minutes ?? (en ? "Not recorded." : "尚未录入。"))),
            .if(held && PageContext.may(.superviseProblems),
                .form(.method(.post), .action(attr(Layout.link(Site.meetingMinutes.link(m.idString), lang))), .csrf(),
                    .input(.type(.hidden), .name("version"), .value(String(m.version))),
                    .textarea(.name("minutes"), .attribute(named: "rows", value: "4"), .attribute(named: "cols", value: "60"), .text(m.minutes ?? "")),
                    .button(.type(.submit), .text(UIText.save.text(lang))))))
    }
}
