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

    static func dateInput<C>(_ name: String, _ value: String?, form: String? = nil, required: Bool = false) -> Node<C> {
        var a: [Attribute<HTML.InputContext>] = [.type(.date), .name(name), .value(attr(value ?? ""))]
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
        let en = lang == .en
        return .form(.id(attr(id)), .method(.post), .action(attr(action)), .class("row-actions"), .csrf(),
            .input(.type(.hidden), .name("item"), .value(attr(item?.uuidString ?? ""))),
            .input(.type(.hidden), .name("version"), .value(attr(String(version)))),
            .input(.type(.hidden), .name("year"), .value(attr(String(year)))),
            .button(.type(.submit), .name("action"), .value("update"), .text(en ? "Save" : "保存")),
            .button(.type(.submit), .name("action"), .value("delete"), .class("secondary"), .text(en ? "Delete" : "删除")))
    }

    static func milestones(_ p: ProjectProgress, projectID: UUID, asOf: CalendarDate, units: [String], lang: UILanguage) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let edit = PageContext.may(.editProjects)
        let action = Site.projectMilestones.link(projectID)
        return .div(.class("card"), .id("milestones"),
            .h2(.text(en ? "Milestones \(p.year)" : "\(p.year)年节点计划")),
            .datalist(.id("unit-names"), .forEach(units) { .option(.value(attr($0))) }),
            .if(p.milestones.isEmpty, .p(.class("muted"), .text(en ? "No milestones for this year yet." : "本年尚无节点计划。"))),
            .if(!p.milestones.isEmpty, .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text("#")), .th(.text(en ? "Node" : "节点")), .th(.text(en ? "Planned" : "计划日期")),
                           .th(.text(en ? "Actual" : "实际日期")), .th(.text(en ? "State" : "状态")), .if(edit, .th()))),
                .tbody(.forEach(p.milestones) { m in
                    let form = "m-\(m.id.uuidString)"
                    let planned = CalendarDate.parse(m.planned)
                    let state: String = if let a = m.actual { en ? "reached \(a)" : "已完成" }
                        else if let planned, planned < asOf { en ? "\(planned.days(until: asOf)) days late" : "逾期 \(planned.days(until: asOf)) 天" }
                        else { en ? "pending" : "未到期" }
                    return .tr(.class(m.actual == nil && (planned.map { $0 < asOf } ?? false) ? "late" : ""),
                        .td(edit ? input([.type(.number), .name("seq"), .value(attr(String(m.seq))), .attribute(named: "form", value: form),
                                          .class("seq")]) : .text(String(m.seq))),
                        .td(edit ? textInput("name", m.name, form: form) : .text(m.name)),
                        .td(edit ? dateInput("planned", m.planned, form: form, required: true) : .text(m.planned)),
                        .td(edit ? dateInput("actual", m.actual, form: form) : .text(m.actual ?? "—")),
                        .td(.text(state)),
                        .if(edit, .td(rowForm(form, action: action, item: m.id, version: m.version, year: p.year, lang: lang))))
                })))),
            .if(edit, .group(
                .form(.method(.post), .action(attr(action)), .class("filters"), .csrf(),
                    .input(.type(.hidden), .name("action"), .value("add")),
                    .input(.type(.hidden), .name("year"), .value(attr(String(p.year)))),
                    .label(.text(en ? "Node" : "节点"), textInput("name", nil)),
                    .label(.text(en ? "Planned" : "计划日期"), dateInput("planned", nil, required: true)),
                    .label(.text(en ? "Actual" : "实际日期"), dateInput("actual", nil)),
                    .label(.text(en ? "Responsible unit" : "责任单位"), textInput("unit", nil, list: "unit-names", size: 14)),
                    .button(.type(.submit), .text(en ? "Add node" : "添加节点"))),
                .if(p.milestones.isEmpty,
                    .form(.method(.post), .action(attr(action)), .csrf(),
                        .input(.type(.hidden), .name("action"), .value("template")),
                        .input(.type(.hidden), .name("year"), .value(attr(String(p.year)))),
                        .button(.type(.submit), .class("secondary"),
                                .text(en ? "Apply the district template (land, permits, start, topping out, completion, production)"
                                         : "套用区节点模板（取得用地、规划许可、施工许可、开工、主体封顶、竣工、投产）")))),
                .p(.class("muted"), .text(en ? "Entering the actual date of 开工, 竣工 or 投产 moves the project to that stage."
                                            : "填写“开工”“竣工”“投产”节点的实际日期，项目阶段随之转为在建、竣工、投产。"))))
        )
    }

    static func approvals(_ p: ProjectProgress, projectID: UUID, asOf: CalendarDate, lang: UILanguage) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let edit = PageContext.may(.editProjects)
        let action = Site.projectApprovals.link(projectID)
        let rate = ApprovalRate.count(p.approvals.map { (CalendarDate.parse($0.target ?? ""), CalendarDate.parse($0.actual ?? "")) }, asOf: asOf)
        return .div(.class("card"), .id("approvals"),
            .h2(.text(en ? "Joint approvals \(p.year)" : "\(p.year)年联审联批事项")),
            .p(.text(rate.percent.map { pct in
                en ? "\(rate.total) items, \(rate.approved) approved (\(String(format: "%.1f", pct))%), \(rate.overdue) overdue."
                   : "共 \(rate.total) 项，已办结 \(rate.approved) 项（\(String(format: "%.1f", pct))%），逾期未办 \(rate.overdue) 项。"
            } ?? (en ? "No approval items for this year." : "本年尚无联审联批事项。"))),
            .if(!p.approvals.isEmpty, .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(en ? "Item" : "事项")), .th(.text(en ? "Department" : "审批部门")),
                           .th(.text(en ? "Target" : "目标日期")), .th(.text(en ? "Approved" : "办结日期")), .if(edit, .th()))),
                .tbody(.forEach(p.approvals) { a in
                    let form = "a-\(a.id.uuidString)"
                    return .tr(
                        .td(edit ? textInput("name", a.name, form: form) : .text(a.name)),
                        .td(edit ? textInput("department", a.department, form: form, size: 16) : .text(a.department ?? "")),
                        .td(edit ? dateInput("target", a.target, form: form) : .text(a.target ?? "")),
                        .td(edit ? dateInput("actual", a.actual, form: form) : .text(a.actual ?? "—")),
                        .if(edit, .td(rowForm(form, action: action, item: a.id, version: a.version, year: p.year, lang: lang))))
                })))),
            .if(edit, .form(.method(.post), .action(attr(action)), .class("filters"), .csrf(),
                .input(.type(.hidden), .name("action"), .value("add")),
                .input(.type(.hidden), .name("year"), .value(attr(String(p.year)))),
                .label(.text(en ? "Item" : "事项"), textInput("name", nil)),
                .label(.text(en ? "Department" : "审批部门"), textInput("department", nil, size: 16)),
                .label(.text(en ? "Target" : "目标日期"), dateInput("target", nil)),
                .label(.text(en ? "Approved" : "办结日期"), dateInput("actual", nil)),
                .button(.type(.submit), .text(en ? "Add item" : "添加事项"))))
        )
    }

    static func photos(_ p: ProjectProgress, lang: UILanguage) -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .if(!p.photos.isEmpty, .div(.class("card"), .id("photos"),
            .h2(.text(en ? "Site photos" : "现场照片")),
            PhotoThumbs.node(p.photos, lang: lang)))
    }

    static func supervision(_ items: [SupervisionRow], lang: UILanguage) -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .div(.class("card"), .id("supervision"),
            .h2(.text(en ? "Supervision (亮灯督办)" : "亮灯督办")),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(en ? "Opened" : "督办日期")), .th(.text(en ? "Light" : "亮灯")), .th(.text(en ? "Reasons" : "原因")),
                           .th(.text(en ? "Closed" : "销号")))),
                .tbody(.forEach(items) { s in
                    .tr(.td(.text(s.openedOn)),
                        .td(.span(.class("light \(s.openedColour.rawValue)")), .text(en ? s.openedColour.rawValue : s.openedColour.chineseName)),
                        .td(.forEach(s.reasons) { .div(.text($0.text(lang))) }),
                        .td(.text(s.closedOn.map { d in en ? "\(d) (\(s.closedColour ?? ""))" : "\(d)（转\(WarningColour(rawValue: s.closedColour ?? "")?.chineseName ?? "出")）" }
                                  ?? (en ? "open" : "督办中"))))
                }))))
    }
}
