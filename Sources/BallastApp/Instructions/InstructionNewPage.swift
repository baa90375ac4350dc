import BallastCore
import BallastStore
import Foundation
import Plot

/// A leader gives a 批示: on what (the project, problem or document it was opened from), the
/// words, the units (the lead first, others assisting) and an optional deadline. One button,
/// which says what it does.
struct InstructionNewPage {
    var subject: InstructionSubject
    var body: InstructionsController.GiveBody
    var units: [String]
    var leader: String?
    var today: CalendarDate
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        let lang = lang
        let subjectLink: String? = switch subject.subject {
        case .project(let id): Site.project.link(id)
        case .problem(let id): Site.problem.link(id)
        case .document(let id): Site.document.link(id)
        }
        let hidden: (String, String) = switch subject.subject {
        case .project(let id): ("projectID", id.uuidString)
        case .problem(let id): ("problemID", id.uuidString)
        case .document(let id): ("documentID", id.uuidString)
        }
        let lead = body.leadUnit ?? subject.unit
        let units = units
        let fields: Node<HTML.FormContext> = .group(
            .input(.type(.hidden), .name(hidden.0), .value(hidden.1)),
            .label(.text(t(InstructionText.text)),
                   .textarea(.name("text"), .attribute(named: "rows", value: "5"), .attribute(named: "maxlength", value: String(Instruction.maxText)),
                             .required(true), .text(body.text ?? ""))),
            .label(.text(t(InstructionText.leadUnit)), .select(.attribute(named: "name", value: "leadUnit"), .attribute(named: "required", value: "required"),
                .choice("", "—"), .forEach(units) { u in .choice(u, u, selected: lead == u) })),
            .label(.text(t(InstructionText.otherUnits)),
                   .input(.type(.text), .name("otherUnits"), .attribute(named: "list", value: "units"),
                          .value(attr(body.otherUnits?.names.joined(separator: "、") ?? "")))),
            .datalist(.id("units"), .forEach(units) { .choice($0) }),
            .label(.text(t(InstructionText.deadlineOptional)),
                   .input(.type(.date), .name("deadline"), .attribute(named: "min", value: today.iso), .value(attr(body.deadline ?? "")))))
        let on: Node<HTML.BodyContext> = subjectLink.map { .a(.href(attr(Layout.link($0, lang))), .text(subject.title)) } ?? .text(subject.title)
        return Layout.page(title: t(InstructionText.giveHeading), lang: lang, section: .instructions, path: Site.instructionNew.link,
            .h1(.text(t(InstructionText.giveHeading))),
            Layout.notice(notice),
            .div(.class("card"),
                .p(.text(t(InstructionText.subject) + "："), on),
                .unwrap(leader) { .p(.class("muted"), .text(t(InstructionText.leader) + "：" + $0)) },
                .form(.method(.post), .action(attr(Layout.link(Site.instructions.link, lang))), .class("stacked"), .csrf(),
                    fields,
                    .button(.type(.submit), .text(t(InstructionText.give))))))
    }
}
