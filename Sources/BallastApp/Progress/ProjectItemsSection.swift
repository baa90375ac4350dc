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
            .datalist(.id("unit-names"), .forEach(units) { .choice($0) }),
            DataTable<ProjectProgress.Milestone>(milestoneColumns(p, action: action, asOf: asOf, edit: edit, lang: lang), rows: p.milestones,
                                                 empty: ProgressText.noMilestones.text(lang),
                                                 rowClass: { m in m.actual == nil && m.planned < asOf ? "late" : "" }).node,
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

    /// The milestones table's columns: each row is its own form (inputs tied to it by `form=`)
    /// for the project office, plain text for everyone else.
    static func milestoneColumns(_ p: ProjectProgress, action: String, asOf: CalendarDate, edit: Bool,
                                 lang: UILanguage) -> [DataTable<ProjectProgress.Milestone>.Column] {
        let form = { (m: ProjectProgress.Milestone) in "m-\(m.id.uuidString)" }
        var columns: [DataTable<ProjectProgress.Milestone>.Column] = [
            .init("#") { m in edit ? input([.type(.number), .name("seq"), .value(attr(String(m.seq))), .attribute(named: "form", value: form(m)),
                                            .class("seq")]) : .text(String(m.seq)) },
            .init(ProgressText.node.text(lang)) { m in edit ? textInput("name", m.name, form: form(m)) : .text(m.name) },
            .init(ProgressText.planned.text(lang)) { m in edit ? dateInput("planned", m.planned, form: form(m), required: true) : .text(m.planned.iso) },
            .init(ProgressText.actual.text(lang)) { m in edit ? dateInput("actual", m.actual, form: form(m)) : .text(m.actual?.iso ?? "—") },
            .text(ProgressText.state.text(lang)) { m in
                if let a = m.actual { return ProgressText.reached(a.iso).text(lang) }
                return m.planned < asOf ? ProgressText.daysLate(m.planned.days(until: asOf)).text(lang) : ProgressText.pending.text(lang)
            },
        ]
        if edit { columns.append(.init("") { m in rowForm(form(m), action: action, item: m.id, version: m.version, year: p.year, lang: lang) }) }
        return columns
    }

    static func numberInput<C>(_ name: String, _ value: Int?, form: String? = nil) -> Node<C> {
        var a: [Attribute<HTML.InputContext>] = [.type(.number), .name(name), .value(attr(value.map(String.init) ?? "")), .class("seq"),
                                                 .attribute(named: "min", value: String(ApprovalStep.promisedRange.lowerBound)),
                                                 .attribute(named: "max", value: String(ApprovalStep.promisedRange.upperBound))]
        if let form { a.append(.attribute(named: "form", value: attr(form))) }
        return input(a)
    }

    /// The chain's columns, editable like the milestones': the step in order, who approves it,
    /// when it was applied for and what was promised, when it is due and where it stands.
    static func approvalColumns(_ p: ProjectProgress, action: String, asOf: CalendarDate, clock: ApprovalClock, edit: Bool,
                                lang: UILanguage) -> [DataTable<ProjectProgress.ApprovalItem>.Column] {
        let form = { (a: ProjectProgress.ApprovalItem) in "a-\(a.id.uuidString)" }
        let en = lang == .en
        var columns: [DataTable<ProjectProgress.ApprovalItem>.Column] = [
            .init("#") { a in edit ? input([.type(.number), .name("seq"), .value(attr(String(a.step.seq))), .attribute(named: "form", value: form(a)),
                                            .class("seq")]) : .text(String(a.step.seq)) },
            .init(ProgressText.item.text(lang)) { a in edit ? textInput("name", a.name, form: form(a)) : .text(a.name) },
            .init(ProgressText.state.text(lang)) { a in
                let state = clock.state(a.step, asOf: asOf)
                return .group(
                    .span(.class("tag approval-\(state.rawValue)\(state == .overdue ? " red" : "")"), .text(en ? state.englishName : state.chineseName)),
                    .unwrap(a.step.waivedReason) { r in .div(.class("muted"), .text(ProgressText.waived(r).text(lang))) },
                    // 督办: the office or 督查室 raises an overdue step to the weekly meeting as a problem.
                    .if(state == .overdue && PageContext.may(.superviseProblems),
                        .form(.method(.post), .action(attr(action + "/raise")), .class("inline"), .csrf(),
                              .input(.type(.hidden), .name("item"), .value(attr(a.id.uuidString))),
                              .button(.type(.submit), .class("secondary"), .text(ProgressText.raiseToMeeting.text(lang))))),
                    // The reason travels with the row's form: an edit keeps it unless changed.
                    .if(edit, .input(.type(.hidden), .name("waivedReason"), .value(attr(a.step.waivedReason ?? "")), .attribute(named: "form", value: form(a)))))
            },
            .init(ProgressText.department.text(lang)) { a in
                edit ? textInput("department", a.department, form: form(a), list: "department-names", size: 16) : .text(a.department ?? "")
            },
            .init(ProgressText.appliedOn.text(lang)) { a in edit ? dateInput("applied", a.step.applied, form: form(a)) : .text(a.step.applied?.iso ?? "—") },
            .init(ProgressText.promisedDays.text(lang)) { a in edit ? numberInput("promisedDays", a.step.promisedDays, form: form(a))
                                                                     : .text(a.step.promisedDays.map(String.init) ?? "—") },
            .init(ProgressText.target.text(lang)) { a in edit ? dateInput("target", a.target, form: form(a)) : .text(a.target?.iso ?? "") },
            .text(ProgressText.dueOn.text(lang), .date) { a in clock.due(a.step)?.iso ?? "—" },
            .init(ProgressText.approvedOn.text(lang)) { a in edit ? dateInput("actual", a.actual, form: form(a)) : .text(a.actual?.iso ?? "—") },
            .init(ProgressText.approvalNo.text(lang)) { a in edit ? textInput("approvalNo", a.step.approvalNo, form: form(a), size: 14) : .text(a.step.approvalNo ?? "") },
        ]
        if edit { columns.append(.init("") { a in rowForm(form(a), action: action, item: a.id, version: a.version, year: p.year, lang: lang) }) }
        return columns
    }

    /// `departments`: the district's units and the city and province offices, offered when a
    /// step's approving department is typed (any other name is kept as typed).
    static func approvals(_ p: ProjectProgress, projectID: UUID, asOf: CalendarDate, clock: ApprovalClock, departments: [String] = [],
                          lang: UILanguage) -> Node<HTML.BodyContext> {
        let edit = PageContext.may(.editProjects)
        let action = Site.projectApprovals.link(projectID)
        let rate = ApprovalRate.count(p.approvals.map(\.step), clock: clock, asOf: asOf)
        return .div(.class("card"), .id("approvals"),
            .h2(.text(ProgressText.approvalsHeading(year: p.year).text(lang))),
            .p(.text(rate.percent.map { pct in
                ProgressText.approvalRate(total: rate.total, approved: rate.approved, percent: pct, overdue: rate.overdue).text(lang)
            } ?? ProgressText.noApprovals.text(lang))),
            .if(!p.approvals.isEmpty, DataTable<ProjectProgress.ApprovalItem>(approvalColumns(p, action: action, asOf: asOf, clock: clock, edit: edit, lang: lang),
                                                                               rows: p.approvals, empty: "",
                                                                               rowClass: { a in clock.state(a.step, asOf: asOf) == .overdue ? "late" : "" }).node),
            .if(edit, .datalist(.id("department-names"), .forEach(departments) { .choice($0) })),
            .if(edit && p.approvals.isEmpty,
                .form(.method(.post), .action(attr(action)), .csrf(),
                    .input(.type(.hidden), .name("action"), .value("template")),
                    .input(.type(.hidden), .name("year"), .value(attr(String(p.year)))),
                    .button(.type(.submit), .class("secondary"), .text(ProgressText.applyApprovalTemplate.text(lang))))),
            .if(edit, .form(.method(.post), .action(attr(action)), .class("filters"), .csrf(),
                .input(.type(.hidden), .name("action"), .value("add")),
                .input(.type(.hidden), .name("year"), .value(attr(String(p.year)))),
                .label(.text(ProgressText.item.text(lang)), textInput("name", nil)),
                .label(.text(ProgressText.department.text(lang)), textInput("department", nil, list: "department-names", size: 16)),
                .label(.text(ProgressText.appliedOn.text(lang)), dateInput("applied", nil)),
                .label(.text(ProgressText.promisedDays.text(lang)), numberInput("promisedDays", nil)),
                .label(.text(ProgressText.target.text(lang)), dateInput("target", nil)),
                .label(.text(ProgressText.approvedOn.text(lang)), dateInput("actual", nil)),
                .label(.text(ProgressText.approvalNo.text(lang)), textInput("approvalNo", nil, size: 14)),
                .label(.text(ProgressText.waivedReason.text(lang)), textInput("waivedReason", nil, size: 20)),
                .button(.type(.submit), .text(ProgressText.addItem.text(lang))))),
            .if(edit, .p(.class("muted"), .text(ProgressText.chainRule.text(lang))))
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
            DataTable<SupervisionRow>([
                .text(ProgressText.opened.text(lang), .date) { s in s.openedOn.iso },
                .init(ProgressText.lightColumn.text(lang)) { s in
                    .group(.span(.class("light \(s.openedColour.rawValue)")), .text(en ? s.openedColour.rawValue : s.openedColour.chineseName))
                },
                .init(ProgressText.reasons.text(lang)) { s in .forEach(s.reasons) { .div(.text($0.text(lang))) } },
                .text(ProgressText.closedColumn.text(lang)) { s in
                    s.closedOn.map { d in ProgressText.closed(on: d.iso, colour: s.closedColour).text(lang) } ?? ProgressText.openTag.text(lang)
                },
            ], rows: items, empty: "").node)
    }
}
