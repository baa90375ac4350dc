import BallastCore
import BallastStore
import Foundation
import Plot

/// 会议材料: one printed page per agenda problem, with its project's figures and colour, so
/// the meeting reads the problem and the state of the project together.
struct MeetingPacketPage {
    var meeting: MeetingQuery.Meeting
    var pages: [MeetingQuery.PacketPage]
    var lang: UILanguage
    /// Who took each step, by display name and unit.
    var people = People()

    func render() -> String {
        let en = lang == .en
        return Layout.page(title: (en ? "Packet: " : "会议材料：") + meeting.title, lang: lang, section: .problems, path: Site.meetingPacket.link(meeting.idString),
            .p(.class("no-print"), .a(.href(attr(Layout.link(Site.meeting.link(meeting.idString), lang))), .text(en ? "← The meeting" : "← 返回会议"))),
            .if(pages.isEmpty, .p(.class("muted"), .text(en ? "No problems on the agenda." : "暂无议题。"))),
            .forEach(Array(pages.enumerated())) { i, page in self.page(i + 1, page) })
    }

    func page(_ n: Int, _ p: MeetingQuery.PacketPage) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let r = p.problem.row
        let colourName: String = switch p.colour {
        case .red?: en ? "Red" : "红灯"
        case .yellow?: en ? "Yellow" : "黄灯"
        case .blue?: en ? "Blue" : "蓝灯"
        case .green?: en ? "Green" : "绿灯"
        case nil: "—"
        }
        return .div(.class("packet-page"),
            .p(.class("muted"), .text("\(meeting.title) · \(meeting.heldOn) · " + (en ? "item \(n) of \(pages.count)" : "议题 \(n)/\(pages.count)"))),
            .h2(.text("\(n). \(r.title)")),
            .dl(.class("fields"),
                fact(en ? "Category" : "问题类别", r.category + (r.major ? (en ? " (major)" : "（重大）") : "")),
                fact(en ? "Project" : "项目", r.projectID == nil ? (r.enterprise ?? "—") : "\(r.projectCode ?? "") \(r.projectName ?? "")"),
                fact(en ? "Total investment" : "总投资", p.total.map { ($0).yiText + " 亿元" } ?? "—"),
                fact(en ? "Annual plan" : "年度计划", p.annualPlan.map { ($0).wanText + " 万元" } ?? "—"),
                fact(en ? "Completed this year" : "年度已完成", p.completed.map { ($0).wanText + " 万元" } ?? "—"),
                fact(en ? "Warning light" : "预警", colourName + (p.reasons.isEmpty ? "" : "：" + p.reasons.map { $0.text(lang) }.joined(separator: "；"))),
                fact(en ? "Description" : "问题描述", p.problem.description),
                fact(en ? "Lead unit" : "牵头单位", r.leadUnit ?? "—"),
                fact(en ? "Assisting" : "协办单位", p.problem.assistingUnits.isEmpty ? "—" : p.problem.assistingUnits.joined(separator: "、")),
                fact(en ? "Leader" : "责任领导", r.leader ?? "—"),
                fact(en ? "Resolution path" : "破解路径", p.problem.path ?? "—"),
                fact(en ? "Deadline" : "时间节点", r.deadline?.iso ?? "—"),
                fact(en ? "Status" : "办理状态", (en ? r.status.englishName : r.status.rawValue) + (r.overdue ? (en ? " (overdue)" : "（已逾期）") : ""))),
            .h3(.text(en ? "Latest steps" : "最近办理情况")),
            .ul(.forEach(p.problem.steps.suffix(3)) { s in .li(.text("\(s.on) \(people.name(s.actor, lang))：\(s.note ?? AuditVocabulary.action(s.action, lang))")) }),
            .h3(.text(en ? "Decision" : "会议意见")),
            .p(.class("muted"), .text("＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿")))
    }

    func fact(_ label: String, _ value: String) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(.text(value)))
    }
}
