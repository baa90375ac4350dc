import BallastCore
import BallastStore
import Foundation
import Plot

/// One problem (or meeting decision): what it is, who answers for it by when, its answer
/// clocks, every step taken, and the steps the signed-in user may take next.
struct ProblemPage {
    var detail: ProblemQuery.Detail
    /// Nil for a reader who takes no part in the loop.
    var actor: ProblemActor?
    var units: [String]
    var leaders: [String]
    var attachments: [(id: UUID, fileName: String, size: Int, uploadedBy: String)] = []
    var notice: PageNotice?
    var today: CalendarDate
    var lang: UILanguage

    static func statusTag(_ s: ProblemStatus, overdue: Bool, lang: UILanguage) -> Node<HTML.BodyContext> {
        .group(.span(.class("tag"), .text(lang == .en ? s.englishName : s.rawValue)),
               .if(overdue, .span(.class("tag red"), .text(lang == .en ? "overdue" : "逾期"))))
    }

    func render() -> String {
        let en = lang == .en
        let r = detail.row
        let stepColumns: [DataTable<ProblemQuery.Step>.Column] = [
            .text(en ? "Date" : "日期") { s in s.on },
            .text(en ? "Step" : "环节") { s in actionName(s.action) },
            .text(en ? "By" : "办理人") { s in s.actor },
            .text(en ? "Status after" : "办理后状态") { s in ProblemStatus(rawValue: s.status).map { en ? $0.englishName : $0.rawValue } ?? s.status },
            .text(en ? "Deadline" : "时间节点") { s in s.deadline ?? "" },
            .text(en ? "Note" : "说明") { s in s.note ?? "" },
        ]
        return Layout.page(title: r.title, lang: lang, section: .problems, path: Site.problem.link(r.id),
            .p(.a(.href(attr(Layout.link(Site.problems.link, lang))), .text(en ? "← All problems" : "← 问题台账"))),
            .h1(.text(r.title), .text(" "), Self.statusTag(r.status, overdue: r.overdue, lang: lang)),
            Layout.notice(notice),
            .div(.class("card"), .dl(.class("fields"),
                fact(en ? "Kind" : "类型", .text(r.kind == .decision ? (en ? "Meeting decision" : "会议议定事项") : (en ? "Problem" : "问题") + (r.major ? (en ? " (major)" : "（重大）") : ""))),
                fact(en ? "Category" : "问题类别", .text(r.category)),
                .unwrap(r.projectID) { id in fact(en ? "Project" : "项目", .a(.href(attr(Layout.link(Site.project.link(id), lang))), .text("\(r.projectCode ?? "") \(r.projectName ?? "")"))) },
                .unwrap(r.enterpriseID) { id in fact(en ? "Enterprise" : "企业", .a(.href(attr(Layout.link(Site.enterprise.link(id), lang))), .text(r.enterprise ?? ""))) },
                .unwrap(r.meetingID) { id in fact(en ? "Meeting" : "会议", .a(.href(attr(Layout.link(Site.meeting.link(id), lang))), .text(en ? "the meeting's page" : "查看会议"))) },
                fact(en ? "Description" : "问题描述", .text(detail.description)),
                fact(en ? "Raised" : "提出", .text("\(r.raisedOn) \(r.raisedBy)")),
                fact(en ? "Lead unit" : "牵头单位", .text(r.leadUnit ?? (en ? "not yet assigned" : "待交办"))),
                fact(en ? "Assisting units" : "协办单位", .text(detail.assistingUnits.isEmpty ? "—" : detail.assistingUnits.joined(separator: "、"))),
                fact(en ? "Leader" : "责任领导", .text(r.leader ?? "—")),
                fact(en ? "Resolution path" : "破解路径", .text(detail.path ?? "—")),
                fact(en ? "Deadline" : "时间节点", .text((r.deadline ?? "—") + (r.originalDeadline != nil && r.originalDeadline != r.deadline
                    ? (en ? " (first set for \(r.originalDeadline!))" : "（原定 \(r.originalDeadline!)）") : ""))))),
            clocks(),
            .div(.class("card"),
                .h2(.text(en ? "Steps" : "办理记录")),
                DataTable(stepColumns, rows: detail.steps, empty: en ? "No steps yet." : "暂无办理记录。").node),
            attachmentsCard(),
            .unwrap(actor) { stepForms($0) }
        )
    }

    func attachmentsCard() -> Node<HTML.BodyContext> {
        let en = lang == .en
        let id = detail.row.id
        return .div(.class("card"),
            .h2(.text(en ? "Attachments" : "附件")),
            .if(attachments.isEmpty, .p(.class("muted"), .text(en ? "None." : "暂无。"))),
            .ul(.forEach(attachments) { a in
                .li(.a(.href(attr(Site.API.problemAttachment.link(id, a.id))), .text(a.fileName)),
                    .span(.class("muted"), .text(" \(max(1, a.size / 1024)) KB · \(a.uploadedBy)")))
            }),
            .if(actor != nil, .form(.method(.post), .action(attr(Layout.link(Site.problemAttachments.link(id), lang))), .enctype(.multipartData), .class("filters"), .csrf(),
                .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx")),
                .button(.type(.submit), .text(en ? "Attach (≤ 10 MB)" : "上传附件（≤ 10 MB）")))))
    }

    func actionName(_ raw: String) -> String {
        if raw == "raise" { return lang == .en ? "Raised" : "提出" }
        return ProblemAction(rawValue: raw).map { lang == .en ? $0.englishName : $0.chineseName } ?? raw
    }

    func clocks() -> Node<HTML.BodyContext> {
        let en = lang == .en
        guard !detail.clocks.isEmpty else { return .empty }
        let columns: [DataTable<ProblemClock.State>.Column] = [
            .text(en ? "Step" : "环节") { c in en ? c.step.englishName : c.step.chineseName },
            .text(en ? "Due" : "应于") { c in c.due.iso },
            .text(en ? "Done" : "实际") { c in c.doneOn?.iso ?? "—" },
            .init("") { c in
                c.isLate ? .span(.class("tag red"), .text(en ? "late" : "超时")) : .span(.class("tag"), .text(c.doneOn == nil ? (en ? "running" : "计时中") : (en ? "on time" : "按时")))
            },
        ]
        return .div(.class("card"),
            .h2(.text(en ? "Answer clocks (working days from \(detail.assignedOn ?? ""))" : "办理时限（自 \(detail.assignedOn ?? "") 交办起按工作日计）")),
            DataTable(columns, rows: detail.clocks, empty: en ? "None." : "暂无。").node)
    }

    /// The steps this user may take now, from the same rule the editor applies.
    func stepForms(_ actor: ProblemActor) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let r = detail.row
        let allowed = ProblemAction.allCases.filter { a in
            ProblemRules.check(a, status: r.status, actor: actor, raisedBy: r.raisedBy, note: "x", newDeadline: today.adding(days: 3650),
                               deadline: r.deadline.flatMap(CalendarDate.parse), today: today).isEmpty
        }
        guard !allowed.isEmpty else { return .empty }
        func form(_ action: ProblemAction, _ fields: Node<HTML.FormContext>) -> Node<HTML.BodyContext> {
            .form(.method(.post), .action(attr(Layout.link(Site.problemSteps.link(r.id), lang))), .class("filters"), .csrf(),
                  .input(.type(.hidden), .name("action"), .value(action.rawValue)),
                  .input(.type(.hidden), .name("version"), .value(String(r.version))),
                  fields,
                  .button(.type(.submit), .text(en ? action.englishName : action.chineseName)))
        }
        func note(_ label: String) -> Node<HTML.FormContext> {
            .label(.text(label), .input(.type(.text), .name("note"), .attribute(named: "size", value: "40")))
        }
        return .div(.class("card"),
            .h2(.text(en ? "Next step" : "办理")),
            .forEach(allowed) { a in
                switch a {
                case .assign:
                    return form(a, .group(
                        .label(.text(en ? "Lead unit" : "牵头单位"), .select(.attribute(named: "name", value: "leadUnit"),
                            .forEach(units) { u in .option(.value(attr(u)), .label(attr(u)), .isSelected(r.leadUnit == u)) })),
                        .label(.text(en ? "Assisting (、-separated)" : "协办单位（以、分隔）"),
                               .input(.type(.text), .name("assistingUnits"), .value(attr(detail.assistingUnits.joined(separator: "、"))), .attribute(named: "size", value: "20"))),
                        .label(.text(en ? "Leader" : "责任领导"), .select(.attribute(named: "name", value: "leader"), .option(.value(attr("")), .label(attr("—"))),
                            .forEach(leaders) { l in .option(.value(attr(l)), .label(attr(l)), .isSelected(r.leader == l)) })),
                        .label(.text(en ? "Path" : "破解路径"), .input(.type(.text), .name("path"), .value(attr(detail.path ?? "")), .attribute(named: "size", value: "30"))),
                        .label(.text(en ? "Deadline" : "时间节点"), .input(.type(.date), .name("deadline"), .value(attr(r.deadline ?? ""))))))
                case .deadline:
                    return form(a, .group(.label(.text(en ? "New deadline" : "新时间节点"), .input(.type(.date), .name("deadline"))),
                                          note(en ? "Reason" : "调整原因")))
                case .acknowledge, .close:
                    return form(a, .empty)
                case .feedback: return form(a, note(en ? "What was done" : "反馈内容"))
                case .resolve: return form(a, note(en ? "How it was resolved" : "办结情况"))
                case .reopen: return form(a, note(en ? "Why it is not solved" : "重新打开原因"))
                case .comment: return form(a, note(en ? "Remark" : "备注"))
                }
            })
    }

    func fact(_ label: String, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(value))
    }
}
