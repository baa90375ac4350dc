import BallastCore
import BallastStore
import Foundation
import Plot

/// The project page's 节点计划, 联审联批事项, site photos and 亮灯督办 history. Rows are edited in
/// place: each row's inputs belong (by the `form` attribute) to a small form in its last cell.
enum ProjectItemsSection {
    /// An `<input>` usable in a table cell or a label alike.
    static func input<C>(_ attributes: [Attribute<HTML.InputContext>]) -> Node<C> {
        .selfClosedElement(named: "input", attributes: attributes)
    }

    static func dateInput<C>(_ name: String, _ value: CalendarDate?, form: String? = nil, required: Bool = false) -> Node<C> {
        var a: [Attribute<HTML.InputContext>] = [.type(.date), .name(name), .value(attr(value?.iso ?? ""))]
        if required { a.append(.required(true)) }
        if let form { a.append(.attribute(named: "form", value: attr(form))) }
        return input(a)
    }

    static func textInput<C>(_ name: String, _ value: String?, form: String? = nil, list: String? = nil, size: Int = 10) -> Node<C> {
        var a: [Attribute<HTML.InputContext>] = [.type(.text), .name(name), .value(attr(value ?? "")), .attribute(named: "size", value: String(size))]
        if let form { a.append(.attribute(named: "form", value: attr(form))) }
        if let list { a.append(.attribute(named: "list", value: list)) }
        return input(a)
    }

    static func rowForm(_ id: String, action: String, item: UUID?, version: Int, year: Int, lang: UILanguage) -> Node<HTML.BodyContext> {
        return .form(.id(attr(id)), .method(.post), .action(attr(action)), .class("row-actions"), .csrf(),
            .input(.type(.hidden), .name("item"), .value(attr(item?.uuidString ?? ""))),
            .input(.type(.hidden), .name("version"), .value(attr(String(version)))),
            .input(.type(.hidden), .name("year"), .value(attr(String(year)))),
            .button(.type(.submit), .name("action"), .value("update"), .text(ProgressText.save.text(lang))),
            .button(.type(.submit), .name("action"), .value("delete"), .class("secondary"), .text(ProgressText.delete.text(lang))))
    }

    static func milestones(_ p: ProjectProgress, projectID: UUID, asOf: CalendarDate, units: [String], lang: UILanguage) -> Node<HTML.BodyContext> {
        let edit = PageContext.may(.editProjects)
        let action = Site.projectMilestones.link(projectID)
        return .div(.class("card"), .id("milestones"),
            .h2(.text(ProgressText.milestonesHeading(year: p.year).text(lang))),
            .datalist(.id("unit-names"), .forEach(units) { .option(.value(attr($0))) }),
            .if(p.milestones.isEmpty, .p(.class("muted"), .text(ProgressText.noMilestones.text(lang)))),
            .if(!p.milestones.isEmpty, .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text("#")), .th(.text(ProgressText.node.text(lang))), .th(.text(ProgressText.planned.text(lang))),
                           .th(.text(ProgressText.actual.text(lang))), .th(.text(ProgressText.state.text(lang))), .if(edit, .th()))),
                .tbody(.forEach(p.milestones) { m in
                    let form = "m-\(m.id.uuidString)"
                    let planned = m.planned
                    let state: String = if let a = m.actual { ProgressText.reached(a.iso).text(lang) }
                        else if planned < asOf { ProgressText.daysLate(planned.days(until: asOf)).text(lang) }
                        else { ProgressText.pending.text(lang) }
                    return .tr(.class(m.actual == nil && planned < asOf ? "late" : ""),
                        .td(edit ? input([.type(.number), .name("seq"), .value(attr(String(m.seq))), .attribute(named: "form", value: form),
                                          .class("seq")]) : .text(String(m.seq))),
                        .td(edit ? textInput("name", m.name, form: form) : .text(m.name)),
                        .td(edit ? dateInput("planned", m.planned, form: form, required: true) : .text(m.planned.iso)),
                        .td(edit ? dateInput("actual", m.actual, form: form) : .text(m.actual?.iso ?? "—")),
                        .td(.text(state)),
                        .if(edit, .td(rowForm(form, action: action, item: m.id, version: m.version, year: p.year, lang: lang))))
                })))),
            .if(edit, .group(
                .form(.method(.post), .action(attr(action)), .class("filters"), .csrf(),
                    .input(.type(.hidden), .name("action"), .value("add")),
                    .input(.type(.hidden), .name("year"), .value(attr(String(p.year)))),
                    .label(.text(ProgressText.node.text(lang)), textInput("name", nil)),
                    .label(.text(ProgressText.planned.text(lang)), dateInput("planned", nil, required: true)),
                    .label(.text(ProgressText.actual.text(lang)), dateInput("actual", nil)),
                    .label(.text(ProgressText.responsibleUnit.text(lang)), textInput("unit", nil, list: "unit-names", size: 14)),
                    .button(.type(.submit), .text(ProgressText.addNode.text(lang)))),
                .if(p.milestones.isEmpty,
                    .form(.method(.post), .action(attr(action)), .csrf(),
                        .input(.type(.hidden), .name("action"), .value("template")),
                        .input(.type(.hidden), .name("year"), .value(attr(String(p.year)))),
                        .button(.type(.submit), .class("secondary"),
                                .text(ProgressText.applyTemplate.text(lang))))),
                .p(.class("muted"), .text(ProgressText.actualDateMovesStage.text(lang)))))
        )
    }

    static func approvals(_ p: ProjectProgress, projectID: UUID, asOf: CalendarDate, lang: UILanguage) -> Node<HTML.BodyContext> {
        let edit = PageContext.may(.editProjects)
        let action = Site.projectApprovals.link(projectID)
        let rate = ApprovalRate.count(p.approvals.map { ($0.target, $0.actual) }, asOf: asOf)
        return .div(.class("card"), .id("approvals"),
            .h2(.text(ProgressText.approvalsHeading(year: p.year).text(lang))),
            .p(.text(rate.percent.map { pct in
                ProgressText.approvalRate(total: rate.total, approved: rate.approved, percent: pct, overdue: rate.overdue).text(lang)
            } ?? ProgressText.noApprovals.text(lang))),
            .if(!p.approvals.isEmpty, .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(ProgressText.item.text(lang))), .th(.text(ProgressText.department.text(lang))),
                           .th(.text(ProgressText.target.text(lang))), .th(.text(ProgressText.approvedOn.text(lang))), .if(edit, .th()))),
                .tbody(.forEach(p.approvals) { a in
                    let form = "a-\(a.id.uuidString)"
                    return .tr(
                        .td(edit ? textInput("name", a.name, form: form) : .text(a.name)),
                        .td(edit ? textInput("department", a.department, form: form, size: 16) : .text(a.department ?? "")),
                        .td(edit ? dateInput("target", a.target, form: form) : .text(a.target?.iso ?? "")),
                        .td(edit ? dateInput("actual", a.actual, form: form) : .text(a.actual?.iso ?? "—")),
                        .if(edit, .td(rowForm(form, action: action, item: a.id, version: a.version, year: p.year, lang: lang))))
                })))),
            .if(edit, .form(.method(.post), .action(attr(action)), .class("filters"), .csrf(),
                .input(.type(.hidden), .name("action"), .value("add")),
                .input(.type(.hidden), .name("year"), .value(attr(String(p.year)))),
                .label(.text(ProgressText.item.text(lang)), textInput("name", nil)),
                .label(.text(ProgressText.department.text(lang)), textInput("department", nil, size: 16)),
                .label(.text(ProgressText.target.text(lang)), dateInput("target", nil)),
                .label(.text(ProgressText.approvedOn.text(lang)), dateInput("actual", nil)),
                .button(.type(.submit), .text(ProgressText.addItem.text(lang)))))
        )
    }

    static func photos(_ p: ProjectProgress, lang: UILanguage) -> Node<HTML.BodyContext> {
        return .if(!p.photos.isEmpty, .div(.class("card"), .id("photos"),
            .h2(.text(ProgressText.sitePhotos.text(lang))),
            PhotoThumbs.node(p.photos, lang: lang)))
    }

    static func supervision(_ items: [SupervisionRow], lang: UILanguage) -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .div(.class("card"), .id("supervision"),
            .h2(.text(ProgressText.supervisionHeading.text(lang))),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(ProgressText.opened.text(lang))), .th(.text(ProgressText.lightColumn.text(lang))), .th(.text(ProgressText.reasons.text(lang))),
                           .th(.text(ProgressText.closedColumn.text(lang))))),
                .tbody(.forEach(items) { s in
                    .tr(.td(.text(s.openedOn)),
                        .td(.span(.class("light \(s.openedColour.rawValue)")), .text(en ? s.openedColour.rawValue : s.openedColour.chineseName)),
                        .td(.forEach(s.reasons) { .div(.text($0.text(lang))) }),
                        .td(.text(s.closedOn.map { d in ProgressText.closed(on: d, colour: s.closedColour).text(lang) }
                                  ?? ProgressText.openTag.text(lang))))
                }))))
    }
}
