import BallastCore
import BallastStore
import Fluent
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
    /// Who raised and handled it, by display name and unit.
    var people = People()
    /// The project's responsible unit: the lead unit a new assignment starts from.
    var projectUnit: String?
    /// What a refused step had typed, put back in its fields.
    var typed: Typed?

    struct Typed {
        var leadUnit: String?, assisting: String?, leader: String?, path: String?, deadline: String?, note: String?
    }

    /// The page's query: the problem (already read in the caller's scope), the lists its forms
    /// offer and its attachments.
    static func load(_ detail: ProblemQuery.Detail, districtID: UUID, actor: ProblemActor?, today: CalendarDate, notice: PageNotice?,
                     lang: UILanguage, on db: any Database) async throws -> ProblemPage {
        var page = ProblemPage(detail: detail, actor: actor, units: try await ReferenceLists.names(districtID: districtID, kind: .unit, on: db),
                    leaders: try await ReferenceLists.names(districtID: districtID, kind: .leader, on: db),
                    attachments: try await ProblemAttachments.list(problemID: detail.row.id, on: db).map { ($0.id, $0.fileName, $0.size, $0.uploadedBy) },
                    notice: notice, today: today, lang: lang)
        if let projectID = detail.row.projectID,
           let project = try await ProjectModel.query(on: db).filter(\.$id == projectID).filter(\.$district.$id == districtID).first() {
            page.projectUnit = try await ReferenceEntryModel.find(project.$unit.id, on: db)?.name
        }
        page.people = try await People.load(districtID: districtID, on: db)
        return page
    }

    static func statusTag(_ s: ProblemStatus, overdue: Bool, lang: UILanguage) -> Node<HTML.BodyContext> {
        .group(.span(.class("tag"), .text(lang == .en ? s.englishName : s.rawValue)),
               .if(overdue, .span(.class("tag red"), .text(SupervisionText.overdueTag.text(lang)))))
    }

    /// 问题 (重大), 会议议定事项, or 领导批示 with the leader's name.
    var kindName: String {
        let r = detail.row
        switch r.kind {
        case .problem: return SupervisionText.problem.text(lang) + (r.major ? SupervisionText.majorSuffix.text(lang) : "")
        case .decision: return SupervisionText.meetingDecision.text(lang)
        case .instruction: return r.kind.noun.text(lang) + (r.leader.map { lang == .en ? " (\($0))" : "（\($0)）" } ?? "")
        }
    }

    /// A linked 区领导 may give a 批示 on a problem or a decision (not on a 批示).
    var mayInstruct = false
    /// Attachments are the problem workers' (`workProblems`); a leader reads them.
    var mayAttach = false

    func render() -> String {
        let en = lang == .en
        let r = detail.row
        let stepColumns: [DataTable<ProblemQuery.Step>.Column] = [
            .text(SupervisionText.date.text(lang)) { s in s.on.iso },
            .text(SupervisionText.step.text(lang)) { s in actionName(s.action) },
            .text(SupervisionText.handledBy.text(lang)) { s in people.name(s.actor, lang) },
            .text(SupervisionText.statusAfter.text(lang)) { s in ProblemStatus(rawValue: s.status).map { en ? $0.englishName : $0.rawValue } ?? s.status },
            .text(SupervisionText.deadline.text(lang)) { s in s.deadline?.iso ?? "" },
            .text(SupervisionText.note.text(lang)) { s in s.note ?? "" },
        ]
        let instruction = r.kind == .instruction
        return Layout.page(title: r.title, lang: lang, section: instruction ? .instructions : .problems, path: Site.problem.link(r.id),
            .p(r.kind == .instruction ? .a(.href(attr(Layout.link(Site.instructions.link, lang))), .text(InstructionText.allInstructions.text(lang)))
                : .a(.href(attr(Layout.link(Site.problems.link, lang))), .text(SupervisionText.allProblemsLink.text(lang))),
               .if(mayInstruct && r.kind != .instruction, .group(.text(" "),
                   .a(.class("button secondary"), .href(attr(Layout.link(Site.instructionNew.link(query: ["problem": r.id.uuidString]), lang))),
                      .text(InstructionText.giveHeading.text(lang)))))),
            .h1(.text(r.title), .text(" "), Self.statusTag(r.status, overdue: r.overdue, lang: lang)),
            Layout.notice(notice),
            .div(.class("card"), .dl(.class("fields"),
                fact(SupervisionText.kind.text(lang), .text(kindName)),
                .unwrap(r.subjectTitle) { title in
                    let href = r.subjectDocumentID.map { id in
                        r.subjectDocumentKind == DocumentKind.supervisionBulletin.rawValue ? Site.bulletin.link(id) : Site.document.link(id)
                    } ?? r.subjectProblemID.map { Site.problem.link($0) } ?? ""
                    return fact(InstructionText.subject.text(lang), .a(.href(attr(Layout.link(href, lang))), .text(title)))
                },
                .if(!instruction, fact(SupervisionText.problemCategory.text(lang), .text(r.category))),
                .unwrap(r.projectID) { id in fact(SupervisionText.project.text(lang), .a(.href(attr(Layout.link(Site.project.link(id), lang))), .text("\(r.projectCode ?? "") \(r.projectName ?? "")"))) },
                .unwrap(r.enterpriseID) { id in fact(SupervisionText.enterprise.text(lang), .a(.href(attr(Layout.link(Site.enterprise.link(id), lang))), .text(r.enterprise ?? ""))) },
                .unwrap(r.meetingID) { id in fact(SupervisionText.meeting.text(lang), .a(.href(attr(Layout.link(Site.meeting.link(id), lang))), .text(SupervisionText.meetingPageLink.text(lang)))) },
                fact((instruction ? InstructionText.text : SupervisionText.problemDescription.message).text(lang), .text(detail.description)),
                fact(instruction ? InstructionText.given.text(lang) : SupervisionText.raised.text(lang), .text("\(r.raisedOn) \(people.name(r.raisedBy, lang))")),
                fact(SupervisionText.leadUnit.text(lang), .text(r.leadUnit ?? SupervisionText.notYetAssigned.text(lang))),
                fact(SupervisionText.assistingUnits.text(lang), .text(detail.assistingUnits.isEmpty ? "—" : detail.assistingUnits.joined(separator: "、"))),
                fact(instruction ? InstructionText.leader.text(lang) : SupervisionText.leader.text(lang), .text(r.leader ?? "—")),
                .if(!instruction, fact(SupervisionText.resolutionPath.text(lang), .text(detail.path ?? "—"))),
                fact(instruction ? InstructionText.deadline.text(lang) : SupervisionText.deadline.text(lang), .text((r.deadline?.iso ?? "—")
                    + (r.originalDeadline.map { $0 != r.deadline ? SupervisionText.firstSetFor($0.iso).text(lang) : "" } ?? ""))))),
            clocks(),
            .div(.class("card"),
                .h2(.text(SupervisionText.steps.text(lang))),
                DataTable(stepColumns, rows: detail.steps, empty: SupervisionText.noSteps.text(lang)).node),
            attachmentsCard(),
            .unwrap(actor) { stepForms($0) }
        )
    }

    func attachmentsCard() -> Node<HTML.BodyContext> {
        let id = detail.row.id
        return .div(.class("card"),
            .h2(.text(SupervisionText.attachments.text(lang))),
            .if(attachments.isEmpty, .p(.class("muted"), .text(SupervisionText.noneYet.text(lang)))),
            .ul(.forEach(attachments) { a in
                .li(.a(.href(attr(Site.API.problemAttachment.link(id, a.id))), .text(a.fileName)),
                    .span(.class("muted"), .text(" \(max(1, a.size / 1024)) KB · \(a.uploadedBy)")))
            }),
            .if(actor != nil && mayAttach, .form(.method(.post), .action(attr(Layout.link(Site.problemAttachments.link(id), lang))), .enctype(.multipartData), .class("filters"), .csrf(),
                .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx"),
                       .attribute(named: "aria-label", value: SupervisionText.attach.text(lang))),
                .button(.type(.submit), .text(SupervisionText.attach.text(lang))))))
    }

    func actionName(_ raw: String) -> String {
        if raw == "raise" { return detail.row.kind == .instruction ? InstructionText.issued.text(lang) : SupervisionText.raised.text(lang) }
        return ProblemAction(rawValue: raw).map { lang == .en ? $0.englishName : $0.chineseName } ?? raw
    }

    func clocks() -> Node<HTML.BodyContext> {
        let en = lang == .en
        guard !detail.clocks.isEmpty else { return .empty }
        let columns: [DataTable<ProblemClock.State>.Column] = [
            .text(SupervisionText.step.text(lang)) { c in en ? c.step.englishName : c.step.chineseName },
            .text(SupervisionText.due.text(lang)) { c in c.due.iso },
            .text(SupervisionText.doneOn.text(lang)) { c in c.doneOn?.iso ?? "—" },
            .init("") { c in
                c.isLate ? .span(.class("tag red"), .text(SupervisionText.late.text(lang))) : .span(.class("tag"), .text(c.doneOn == nil ? SupervisionText.running.text(lang) : SupervisionText.onTimeTag.text(lang)))
            },
        ]
        return .div(.class("card"),
            .h2(.text(SupervisionText.answerClocks(from: detail.assignedOn?.iso ?? "").text(lang))),
            DataTable(columns, rows: detail.clocks, empty: SupervisionText.noneYet.text(lang)).node)
    }

    /// The steps this user may take now, from the same rule the editor applies.
    func stepForms(_ actor: ProblemActor) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let r = detail.row
        // A 批示 is addressed when given: its units are not re-assigned.
        let allowed = ProblemAction.allCases.filter { a in
            !(r.kind == .instruction && a == .assign) && ProblemRules.check(a, status: r.status, actor: actor, raisedBy: r.raisedBy, note: "x", newDeadline: today.adding(days: 3650),
                               deadline: r.deadline, today: today).isEmpty
        }
        guard !allowed.isEmpty else { return .empty }
        // What was typed, else who has it now, else the project's own unit.
        let leadUnit = typed?.leadUnit ?? r.leadUnit ?? projectUnit
        func form(_ action: ProblemAction, _ fields: Node<HTML.FormContext>) -> Node<HTML.BodyContext> {
            .form(.method(.post), .action(attr(Layout.link((r.kind == .instruction ? Site.instructionSteps : Site.problemSteps).link(r.id), lang))),
                  .class("filters"), .csrf(),
                  .input(.type(.hidden), .name("action"), .value(action.rawValue)),
                  .input(.type(.hidden), .name("version"), .value(String(r.version))),
                  fields,
                  .button(.type(.submit), .text(en ? action.englishName : action.chineseName)))
        }
        func note(_ label: String) -> Node<HTML.FormContext> {
            .label(.text(label), .input(.type(.text), .name("note"), .attribute(named: "size", value: "40")))
        }
        return .div(.class("card"),
            .h2(.text(SupervisionText.nextStep.text(lang))),
            .forEach(allowed) { a in
                switch a {
                case .assign:
                    return form(a, .group(
                        .label(.text(SupervisionText.leadUnit.text(lang)), .select(.attribute(named: "name", value: "leadUnit"),
                            .forEach(units) { u in .choice(u, u, selected: leadUnit == u) })),
                        .label(.text(SupervisionText.assistingSeparated.text(lang)),
                               .input(.type(.text), .name("assistingUnits"),
                                      .value(attr(typed?.assisting ?? detail.assistingUnits.joined(separator: "、"))), .attribute(named: "size", value: "20"))),
                        .label(.text(SupervisionText.leader.text(lang)), .select(.attribute(named: "name", value: "leader"), .choice("", "—"),
                            .forEach(leaders) { l in .choice(l, l, selected: (typed?.leader ?? r.leader) == l) })),
                        .label(.text(SupervisionText.path.text(lang)), .input(.type(.text), .name("path"), .value(attr(typed?.path ?? detail.path ?? "")), .attribute(named: "size", value: "30"))),
                        .label(.text(SupervisionText.deadline.text(lang)), .input(.type(.date), .name("deadline"), .value(attr(typed?.deadline ?? r.deadline?.iso ?? ""))))))
                case .deadline:
                    return form(a, .group(.label(.text(SupervisionText.newDeadline.text(lang)), .input(.type(.date), .name("deadline"))),
                                          note(SupervisionText.deadlineReason.text(lang))))
                case .acknowledge, .close:
                    return form(a, .empty)
                case .feedback: return form(a, note(SupervisionText.feedbackNote.text(lang)))
                case .resolve: return form(a, note(SupervisionText.resolveNote.text(lang)))
                case .reopen: return form(a, note(SupervisionText.reopenNote.text(lang)))
                case .comment: return form(a, note(SupervisionText.remark.text(lang)))
                }
            })
    }

    func fact(_ label: String, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(value))
    }
}
