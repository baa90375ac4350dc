import BallastCore
import BallastStore
import Foundation
import Plot
import Vapor

/// 问题台账: the period's figures (raised, solved, resolution and on-time rates, overdue), by
/// unit and category; the problems, filtered; and the form to raise one.
struct ProblemsPage {
    /// The list's filters as the request gave them, to keep them in the form and links.
    struct Filters {
        var status = "", kind = "", category = "", unit = "", q = ""
        init(_ req: Request) {
            status = req.param("status") ?? ""; kind = req.param("kind") ?? ""; category = req.param("category") ?? ""
            unit = req.param("unit") ?? ""; q = req.param("q") ?? ""
        }
    }

    var settings: SupervisionSettings
    var from: CalendarDate
    var to: CalendarDate
    var asOf: CalendarDate
    var total: ProblemTally?
    var byUnit: [ProblemFigures.Line]
    var byCategory: [ProblemFigures.Line]
    var count: Int
    var rows: [ProblemQuery.Row]
    var units: [String]
    var leaders: [String]
    var categories: [String]
    var filters: Filters
    var notice: PageNotice?
    var form: ProblemsController.RaiseBody?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let t = total ?? ProblemTally(raised: 0, solved: 0, onTime: 0, open: 0, overdue: 0, daysToResolve: 0)
        let rate = { (v: Double?) in v.map { String(format: "%.1f%%", $0) } ?? "—" }
        return Layout.page(title: en ? "Problems" : "问题台账", lang: lang, section: .problems, path: Site.problems.link,
            SupervisionNav.node(.problems, lang: lang),
            .h1(.text(en ? "Problems raised \(from.iso) to \(to.iso)" : "问题台账（\(from.iso) 至 \(to.iso) 提出）")),
            Layout.notice(notice),
            .div(.class("figures"),
                Layout.figure(en ? "Raised" : "提出问题", String(t.raised)),
                Layout.figure(en ? "Solved" : "已解决", String(t.solved), en ? "resolution rate \(rate(t.resolutionRate))" : "解决率 \(rate(t.resolutionRate))"),
                Layout.figure(en ? "On time" : "按时办结", rate(t.onTimeRate), en ? "\(t.onTime) of \(t.solved) solved" : "已解决 \(t.solved) 项中 \(t.onTime) 项"),
                Layout.figure(en ? "Open" : "未解决", String(t.open), en ? "\(t.overdue) overdue" : "其中逾期 \(t.overdue) 项"),
                Layout.figure(en ? "Days to resolve" : "平均办结天数", t.averageDaysToResolve.map { String(format: "%.1f", $0) } ?? "—")),
            .p(.class("muted"), .text(en ? "As of \(asOf.iso)." : "统计截至 \(asOf.iso)。")),
            .div(.class("columns"), breakdown(en ? "By lead unit" : "按牵头单位", byUnit, key: "unit"),
                 breakdown(en ? "By category" : "按问题类别", byCategory, key: "category")),
            filterForm(),
            .p(.class("muted"), .text(en ? "\(count) problems" + (rows.count < count ? ", first \(rows.count) shown" : "")
                                         : "共 \(count) 项" + (rows.count < count ? "，显示前 \(rows.count) 项" : ""))),
            problemsTable(),
            .if(PageContext.may(.workProblems), raiseForm()),
            clockCard()
        )
    }

    func problemsTable() -> Node<HTML.BodyContext> {
        let en = lang == .en
        let columns: [DataTable<ProblemQuery.Row>.Column] = [
            .init(en ? "Problem" : "问题") { r in
                .group(.a(.href(attr(Layout.link(Site.problem.link(r.id), lang))), .text(r.title)),
                       .if(r.kind == .decision, .span(.class("tag"), .text(en ? "decision" : "议定事项"))),
                       .if(r.major, .span(.class("tag"), .text(en ? "major" : "重大"))))
            },
            .text(en ? "Category" : "类别") { r in r.category },
            .init(en ? "Project or enterprise" : "项目或企业") { r in subject(r) },
            .text(en ? "Lead unit" : "牵头单位") { r in r.leadUnit ?? (en ? "not yet assigned" : "待交办") },
            .init(en ? "Status" : "状态") { r in ProblemPage.statusTag(r.status, overdue: r.overdue, lang: lang) },
            .text(en ? "Raised" : "提出日期", .date) { r in r.raisedOn },
            .init(en ? "Deadline" : "时间节点", .date) { r in
                .group(.text(r.deadline ?? "—"), .if(r.deadline != r.originalDeadline && r.originalDeadline != nil,
                    .div(.class("muted"), .text(en ? "was \(r.originalDeadline ?? "")" : "原 \(r.originalDeadline ?? "")"))))
            },
        ]
        return DataTable(columns, rows: rows, empty: en ? "No problems match." : "没有符合条件的问题。").node
    }

    /// The answer clock every assignment runs on; the office and 督查室 may change it.
    func clockCard() -> Node<HTML.BodyContext> {
        let en = lang == .en
        let c = settings.clock
        let summary = en ? "Acknowledge within \(c.acknowledgeDays), feed back within \(c.feedbackDays), resolve within \(c.resolveDays) working days (major problems \(c.majorResolveDays))."
            : "交办后 \(c.acknowledgeDays) 个工作日内签收、\(c.feedbackDays) 个工作日内反馈、\(c.resolveDays) 个工作日内办结（重大问题 \(c.majorResolveDays) 个工作日）。"
        func number(_ name: String, _ label: String, _ value: Int) -> Node<HTML.FormContext> {
            .label(.text(label), .input(.type(.number), .name(name), .value(String(value)), .attribute(named: "min", value: "1"), .attribute(named: "max", value: "365")))
        }
        return .div(.class("card"),
            .h2(.text(en ? "Answer clock" : "办理时限")),
            .p(.text(summary)),
            .if(PageContext.may(.superviseProblems), .form(.method(.post), .action(attr(Layout.link(Site.problemsSettings.link, lang))), .class("filters"), .csrf(),
                .input(.type(.hidden), .name("version"), .value(String(settings.version))),
                number("acknowledgeDays", en ? "Acknowledge" : "签收", c.acknowledgeDays),
                number("feedbackDays", en ? "Feedback" : "反馈", c.feedbackDays),
                number("resolveDays", en ? "Resolve" : "办结", c.resolveDays),
                number("majorResolveDays", en ? "Major" : "重大问题办结", c.majorResolveDays),
                .label(.text(en ? "Holidays (weekdays off)" : "节假日（工作日放假）"),
                       .input(.type(.text), .name("holidays"), .value(attr(settings.calendar.holidays.sorted().map(\.iso).joined(separator: ","))), .attribute(named: "size", value: "30"))),
                .label(.text(en ? "Weekend days worked" : "调休上班日"),
                       .input(.type(.text), .name("workdays"), .value(attr(settings.calendar.workdays.sorted().map(\.iso).joined(separator: ","))), .attribute(named: "size", value: "20"))),
                .button(.type(.submit), .text(UIText.save.text(lang))))))
    }

    func subject(_ r: ProblemQuery.Row) -> Node<HTML.BodyContext> {
        if let id = r.projectID {
            return .a(.href(attr(Layout.link(Site.project.link(id), lang))), .text("\(r.projectCode ?? "") \(r.projectName ?? "")"))
        }
        if let id = r.enterpriseID { return .a(.href(attr(Layout.link(Site.enterprise.link(id), lang))), .text(r.enterprise ?? "")) }
        if let id = r.meetingID { return .a(.href(attr(Layout.link(Site.meeting.link(id), lang))), .text(lang == .en ? "Meeting" : "会议")) }
        return .text("")
    }

    func breakdown(_ title: String, _ lines: [ProblemFigures.Line], key: String) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let rate = { (v: Double?) in v.map { String(format: "%.1f%%", $0) } ?? "—" }
        let columns: [DataTable<ProblemFigures.Line>.Column] = [
            .init(en ? "Name" : "名称") { l in
                let encoded = l.group.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let name: Node<HTML.BodyContext> = l.group.isEmpty ? .text(lang == .en ? "not yet assigned" : "待交办")
                    : .a(.href(attr(Layout.link(Site.problems.link + "?status=all&\(key)=\(encoded)", lang))), .text(l.group))
                return name
            },
            .text(en ? "Raised" : "提出", .number) { l in String(l.tally.raised) },
            .text(en ? "Solved" : "解决", .number) { l in String(l.tally.solved) },
            .text(en ? "Rate" : "解决率", .number) { l in rate(l.tally.resolutionRate) },
            .text(en ? "Overdue" : "逾期", .number) { l in String(l.tally.overdue) },
        ]
        return .div(.class("card"), .h2(.text(title)),
            DataTable(columns, rows: lines, empty: en ? "Nothing raised in the period." : "期内未提出问题。").node)
    }

    func filterForm() -> Node<HTML.BodyContext> {
        let en = lang == .en
        let statuses: [(String, String)] = [("open", en ? "Open" : "未解决"), ("overdue", en ? "Overdue" : "已逾期"), ("solved", en ? "Solved" : "已解决"),
                                            ("all", en ? "All" : "全部")]
        return .form(.class("filters"), .method(.get), .action(Site.problems.link),
            .label(.text(en ? "Status" : "状态"), .select(.attribute(named: "name", value: "status"), .forEach(statuses) { s in
                .option(.value(attr(s.0)), .label(attr(s.1)), .isSelected(filters.status == s.0))
            })),
            .label(.text(en ? "Kind" : "类型"), .select(.attribute(named: "name", value: "kind"),
                .option(.value(attr("")), .label(attr(en ? "All" : "全部"))),
                .option(.value(attr("problem")), .label(attr(en ? "Problems" : "问题")), .isSelected(filters.kind == "problem")),
                .option(.value(attr("decision")), .label(attr(en ? "Meeting decisions" : "会议议定事项")), .isSelected(filters.kind == "decision")))),
            .label(.text(en ? "Category" : "类别"), .select(.attribute(named: "name", value: "category"),
                .option(.value(attr("")), .label(attr(en ? "All" : "全部"))),
                .forEach(categories) { c in .option(.value(attr(c)), .label(attr(c)), .isSelected(filters.category == c)) })),
            .label(.text(en ? "Lead unit" : "牵头单位"), .select(.attribute(named: "name", value: "unit"),
                .option(.value(attr("")), .label(attr(en ? "All" : "全部"))),
                .forEach(units) { u in .option(.value(attr(u)), .label(attr(u)), .isSelected(filters.unit == u)) })),
            .label(.text(en ? "Title, project or enterprise" : "问题、项目或企业"), .input(.type(.search), .name("q"), .value(attr(filters.q)))),
            .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
            .button(.type(.submit), .text(UIText.search.text(lang))))
    }

    func raiseForm() -> Node<HTML.BodyContext> {
        let en = lang == .en
        let b = form
        return .div(.class("card"),
            .h2(.text(en ? "Raise a problem" : "提出问题")),
            .p(.class("muted"), .text(en ? "Against a project (its code) or an enterprise (its name as registered)."
                                         : "针对一个项目（填项目编号）或一家企业（填企业库中的名称）。")),
            .form(.method(.post), .action(attr(Layout.link(Site.problems.link, lang))), .class("filters"), .csrf(),
                FormField.inline("projectCode", en ? "Project code" : "项目编号", b?.projectCode, size: 12),
                FormField.inline("enterprise", en ? "or enterprise" : "或企业名称", b?.enterprise, size: 18),
                .label(.text(en ? "Category" : "问题类别"), .select(.attribute(named: "name", value: "category"),
                    .forEach(categories) { c in .option(.value(attr(c)), .label(attr(c)), .isSelected(b?.category == c)) })),
                FormField.inline("title", en ? "Problem" : "问题", b?.title, size: 30),
                .label(.text(en ? "Description" : "问题描述"), .textarea(.name("description"), .attribute(named: "rows", value: "3"), .attribute(named: "cols", value: "40"), .text(b?.description ?? ""))),
                .label(.class("check"), .input(.type(.checkbox), .name("major"), .checked(b?.isMajor == true)), .text(en ? " Major" : " 重大问题")),
                .if(PageContext.may(.superviseProblems), .group(
                    .label(.text(en ? "Lead unit (assigns it now)" : "牵头单位（填写即交办）"), .select(.attribute(named: "name", value: "leadUnit"),
                        .option(.value(attr("")), .label(attr(en ? "— assign later —" : "— 暂不交办 —"))),
                        .forEach(units) { u in .option(.value(attr(u)), .label(attr(u)), .isSelected(b?.leadUnit == u)) })),
                    FormField.inline("assistingUnits", en ? "Assisting units (、-separated)" : "协办单位（以、分隔）", b?.assistingUnits?.names.joined(separator: "、"), size: 20),
                    .label(.text(en ? "Leader" : "责任领导"), .select(.attribute(named: "name", value: "leader"),
                        .option(.value(attr("")), .label(attr("—"))),
                        .forEach(leaders) { l in .option(.value(attr(l)), .label(attr(l)), .isSelected(b?.leader == l)) })),
                    FormField.inline("path", en ? "Resolution path" : "破解路径", b?.path, size: 30),
                    FormField.inline("deadline", en ? "Deadline (default: the clock's)" : "时间节点（不填按时限）", b?.deadline, type: .date))),
                .button(.type(.submit), .text(en ? "Raise" : "提出"))))
    }
}
