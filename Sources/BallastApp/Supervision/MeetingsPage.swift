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
            .text(en ? "Date" : "日期") { r in r.heldOn },
            .init(en ? "Meeting" : "会议") { r in .a(.href(attr(Layout.link(Site.meeting.link(r.id), lang))), .text(r.title)) },
            .text(en ? "Kind" : "类型") { r in MeetingKind(rawValue: r.kind).map { en ? $0.englishName : $0.rawValue } ?? r.kind },
            .text(en ? "Agenda" : "议题", .number) { r in String(r.agenda) },
            .text(en ? "Decisions" : "议定事项", .number) { r in String(r.decisions) },
            .text(en ? "Done" : "已落实", .number) { r in String(r.decisionsSolved) },
            .init(en ? "Overdue" : "逾期", .number) { r in
                r.decisionsOverdue > 0 ? .span(.class("tag red"), .text(String(r.decisionsOverdue))) : .text("0")
            },
        ]
        return Layout.page(title: en ? "Meetings" : "会议", lang: lang, section: .problems, path: Site.meetings.link,
            SupervisionNav.node(.meetings, lang: lang),
            .h1(.text(en ? "Meetings and their decisions" : "会议与议定事项")),
            Layout.notice(notice),
            .p(.a(.href(attr(Layout.link(Site.meetingsLatest.link, lang))), .text(en ? "What did the last meeting decide, and what is done →" : "上次会议议定了什么、落实了多少 →"))),
            DataTable(columns, rows: rows, empty: en ? "No meetings yet." : "暂无会议。").node,
            .if(PageContext.may(.superviseProblems), .div(.class("card"),
                .h2(.text(en ? "Call a meeting" : "召开会议")),
                .form(.method(.post), .action(attr(Layout.link(Site.meetings.link, lang))), .class("filters"), .csrf(),
                    .label(.text(en ? "Kind" : "类型"), .select(.attribute(named: "name", value: "kind"), .forEach(MeetingKind.allCases) { k in
                        .option(.value(attr(k.rawValue)), .label(attr(en ? k.englishName : k.rawValue)))
                    })),
                    .label(.text(en ? "Title" : "会议名称"), .input(.type(.text), .name("title"), .attribute(named: "size", value: "24"))),
                    .label(.text(en ? "Date" : "会议日期"), .input(.type(.date), .name("heldOn"))),
                    .label(.text(en ? "Agenda closes (default: the day before)" : "议题截止（默认前一天）"), .input(.type(.date), .name("cutoffOn"))),
                    .label(.text(en ? "Chaired by" : "主持领导"), .select(.attribute(named: "name", value: "chairedBy"), .option(.value(attr("")), .label(attr("—"))),
                        .forEach(leaders) { l in .option(.value(attr(l)), .label(attr(l))) })),
                    .button(.type(.submit), .text(en ? "Create" : "创建")))))
        )
    }
}
