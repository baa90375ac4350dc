import BallastCore
import BallastStore
import Fluent
import Foundation
import Plot
import Vapor

/// 问题台账: the period's figures (raised, solved, resolution and on-time rates, overdue), by
/// unit and category; the problems, filtered; and the form to raise one.
struct ProblemsPage {
    /// The list's filters as the request gave them, to keep them in the form and links.
    struct Filters {
        var status = "", kind = "", category = "", unit = "", q = "", from = "", to = "", asOf = ""
        init(_ req: Request) {
            status = req.param("status") ?? ""; kind = req.param("kind") ?? ""; category = req.param("category") ?? ""
            unit = req.param("unit") ?? ""; q = req.param("q") ?? ""
            from = req.param("from") ?? ""; to = req.param("to") ?? ""; asOf = req.param("asOf") ?? ""
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

    /// The page's query: the period's figures (total, by unit, by category), one page of the
    /// filtered list, and the lists the raising form offers, all in the caller's scope.
    static func load(districtID: UUID, scopeUnitID: UUID?, period: (from: CalendarDate, to: CalendarDate, asOf: CalendarDate), kind: ProblemKind?,
                     filter: ProblemQuery.Filter, paging: (limit: Int, offset: Int), today: CalendarDate, filters: Filters,
                     notice: PageNotice?, form: ProblemsController.RaiseBody?, lang: UILanguage, on db: any Database) async throws -> ProblemsPage {
        func lines(_ by: ProblemFigures.Grouping) async throws -> [ProblemFigures.Line] {
            try await ProblemFigures.run(districtID: districtID, from: period.from, to: period.to, asOf: period.asOf, by: by, kind: kind,
                                         scopeUnitID: scopeUnitID, today: today, on: db)
        }
        let total = try await lines(.total), byUnit = try await lines(.unit), byCategory = try await lines(.category)
        let (count, rows) = try await ProblemQuery.list(districtID: districtID, filter: filter, today: today, scopeUnitID: scopeUnitID,
                                                        limit: paging.limit, offset: paging.offset, on: db)
        return ProblemsPage(settings: try await SupervisionSettings.load(districtID: districtID, on: db), from: period.from, to: period.to,
                            asOf: period.asOf, total: total.first?.tally, byUnit: byUnit, byCategory: byCategory, count: count, rows: rows,
                            units: try await ReferenceLists.names(districtID: districtID, kind: .unit, on: db),
                            leaders: try await ReferenceLists.names(districtID: districtID, kind: .leader, on: db),
                            categories: try await ProblemEditor.categories(districtID: districtID, on: db),
                            filters: filters, notice: notice, form: form, lang: lang)
    }

    func render() -> String {
        let t = total ?? ProblemTally(raised: 0, solved: 0, onTime: 0, open: 0, overdue: 0, daysToResolve: 0)
        let rate = { (v: Double?) in v.map { Percent.text(points: $0) } ?? "—" }
        return Layout.page(title: SupervisionText.problemsTitle.text(lang), lang: lang, section: .problems, path: Site.problems.link,
            SupervisionNav.node(.problems, lang: lang),
            .h1(.text(SupervisionText.problemsHeading(from: from.iso, to: to.iso).text(lang))),
            Layout.notice(notice),
            .div(.class("figures"),
                Layout.figure(SupervisionText.raisedFigure.text(lang), String(t.raised)),
                Layout.figure(SupervisionText.solved.text(lang), String(t.solved), SupervisionText.resolutionRate(rate(t.resolutionRate)).text(lang), name: "problems.solved"),
                Layout.figure(SupervisionText.onTime.text(lang), rate(t.onTimeRate), SupervisionText.onTimeOf(t.onTime, solved: t.solved).text(lang)),
                Layout.figure(SupervisionText.stillOpen.text(lang), String(t.open), SupervisionText.overdueCount(t.overdue).text(lang), name: "problems.open",
                              subName: "problems.overdue"),
                Layout.figure(SupervisionText.daysToResolve.text(lang), t.averageDaysToResolve.map { String(format: "%.1f", $0) } ?? "—")),
            .p(.class("muted"), .text(SupervisionText.asOf(asOf.iso).text(lang))),
            .div(.class("columns"), breakdown(SupervisionText.byLeadUnit.text(lang), byUnit, key: "unit"),
                 breakdown(SupervisionText.byCategory.text(lang), byCategory, key: "category")),
            filterForm(),
            .p(.class("muted"), .data(named: "count", value: "problems"), .text(SupervisionText.problemCount(count, shown: rows.count).text(lang))),
            problemsTable(),
            .if(PageContext.may(.workProblems), raiseForm()),
            clockCard()
        )
    }

    func problemsTable() -> Node<HTML.BodyContext> {
        let columns: [DataTable<ProblemQuery.Row>.Column] = [
            .init(SupervisionText.problem.text(lang)) { r in
                .group(.a(.href(attr(Layout.link(Site.problem.link(r.id), lang))), .text(r.title)),
                       .if(r.kind == .decision, .span(.class("tag"), .text(SupervisionText.decisionTag.text(lang)))),
                       .if(r.major, .span(.class("tag"), .text(SupervisionText.majorTag.text(lang)))))
            },
            .text(SupervisionText.category.text(lang)) { r in r.category },
            .init(SupervisionText.projectOrEnterprise.text(lang)) { r in subject(r) },
            .text(SupervisionText.leadUnit.text(lang)) { r in r.leadUnit ?? SupervisionText.notYetAssigned.text(lang) },
            .init(SupervisionText.status.text(lang)) { r in ProblemPage.statusTag(r.status, overdue: r.overdue, lang: lang) },
            .text(SupervisionText.raisedOn.text(lang), .date) { r in r.raisedOn.iso },
            .init(SupervisionText.deadline.text(lang), .date) { r in
                .group(.text(r.deadline?.iso ?? "—"), .if(r.deadline != r.originalDeadline && r.originalDeadline != nil,
                    .div(.class("muted"), .text(SupervisionText.wasDeadline(r.originalDeadline?.iso ?? "").text(lang)))))
            },
        ]
        return DataTable(columns, rows: rows, empty: SupervisionText.noProblems.text(lang)).listed(ListText.problems, lang, perPage: nil).node
    }

    /// The answer clock every assignment runs on; the office and 督查室 may change it.
    func clockCard() -> Node<HTML.BodyContext> {
        let c = settings.clock
        let summary = SupervisionText.clockSummary(c).text(lang)
        func number(_ name: String, _ label: String, _ value: Int) -> Node<HTML.FormContext> {
            .label(.text(label), .input(.type(.number), .name(name), .value(String(value)), .attribute(named: "min", value: "1"), .attribute(named: "max", value: "365")))
        }
        return .div(.class("card"),
            .h2(.text(SupervisionText.answerClock.text(lang))),
            .p(.text(summary)),
            .if(PageContext.may(.superviseProblems), .form(.method(.post), .action(attr(Layout.link(Site.problemsSettings.link, lang))), .class("filters"), .csrf(),
                .input(.type(.hidden), .name("version"), .value(String(settings.version))),
                number("acknowledgeDays", SupervisionText.acknowledgeDays.text(lang), c.acknowledgeDays),
                number("feedbackDays", SupervisionText.feedbackDays.text(lang), c.feedbackDays),
                number("resolveDays", SupervisionText.resolveDays.text(lang), c.resolveDays),
                number("majorResolveDays", SupervisionText.majorResolveDays.text(lang), c.majorResolveDays),
                .label(.text(SupervisionText.holidays.text(lang)),
                       .input(.type(.text), .name("holidays"), .value(attr(settings.calendar.holidays.sorted().map(\.iso).joined(separator: ","))), .attribute(named: "size", value: "30"))),
                .label(.text(SupervisionText.workdays.text(lang)),
                       .input(.type(.text), .name("workdays"), .value(attr(settings.calendar.workdays.sorted().map(\.iso).joined(separator: ","))), .attribute(named: "size", value: "20"))),
                .button(.type(.submit), .text(UIText.save.text(lang))))))
    }

    func subject(_ r: ProblemQuery.Row) -> Node<HTML.BodyContext> {
        if let id = r.projectID {
            return .a(.href(attr(Layout.link(Site.project.link(id), lang))), .text("\(r.projectCode ?? "") \(r.projectName ?? "")"))
        }
        if let id = r.enterpriseID { return .a(.href(attr(Layout.link(Site.enterprise.link(id), lang))), .text(r.enterprise ?? "")) }
        if let id = r.meetingID { return .a(.href(attr(Layout.link(Site.meeting.link(id), lang))), .text(SupervisionText.meeting.text(lang))) }
        return .text("")
    }

    /// The period a link keeps, so the list it opens holds what the figure counted.
    var periodQuery: String {
        [("from", filters.from), ("to", filters.to), ("asOf", filters.asOf)].filter { !$0.1.isEmpty }
            .map { "&\($0.0)=\(PageQuery.encode($0.1))" }.joined()
    }

    func breakdown(_ title: String, _ lines: [ProblemFigures.Line], key: String) -> Node<HTML.BodyContext> {
        let rate = { (v: Double?) in v.map { Percent.text(points: $0) } ?? "—" }
        let columns: [DataTable<ProblemFigures.Line>.Column] = [
            .init(SupervisionText.name.text(lang)) { l in
                let encoded = l.group.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let name: Node<HTML.BodyContext> = l.group.isEmpty ? .text(SupervisionText.notYetAssigned.text(lang))
                    : .a(.href(attr(Layout.link(Site.problems.link + "?status=all&\(key)=\(encoded)" + periodQuery, lang))), .text(l.group))
                return name
            },
            .text(SupervisionText.raised.text(lang), .number) { l in String(l.tally.raised) },
            .text(SupervisionText.solvedColumn.text(lang), .number) { l in String(l.tally.solved) },
            .text(SupervisionText.resolutionRateColumn.text(lang), .number) { l in rate(l.tally.resolutionRate) },
            .text(SupervisionText.overdue.text(lang), .number) { l in String(l.tally.overdue) },
        ]
        return .div(.class("card"), .h2(.text(title)),
            DataTable(columns, rows: lines, empty: SupervisionText.nothingRaised.text(lang)).node)
    }

    func filterForm() -> Node<HTML.BodyContext> {
        let en = lang == .en
        let statuses: [(String, String)] = [("open", SupervisionText.stillOpen.text(lang)), ("overdue", SupervisionText.overdueFilter.text(lang)), ("solved", SupervisionText.solved.text(lang)),
                                            ("all", SupervisionText.all.text(lang))]
        return .form(.class("filters"), .method(.get), .action(Site.problems.link),
            .label(.text(SupervisionText.status.text(lang)), .select(.attribute(named: "name", value: "status"), .forEach(statuses) { s in
                .choice(s.0, s.1, selected: filters.status == s.0)
            })),
            .label(.text(SupervisionText.kind.text(lang)), .select(.attribute(named: "name", value: "kind"),
                .choice("all", SupervisionText.all.text(lang), selected: filters.kind == "all"),
                .choice("problem", SupervisionText.problemsKind.text(lang), selected: filters.kind == "problem" || filters.kind.isEmpty),
                .choice("decision", SupervisionText.meetingDecisions.text(lang), selected: filters.kind == "decision"))),
            .label(.text(SupervisionText.category.text(lang)), .select(.attribute(named: "name", value: "category"),
                .choice("", SupervisionText.all.text(lang)),
                .forEach(categories) { c in .choice(c, c, selected: filters.category == c) })),
            .label(.text(SupervisionText.leadUnit.text(lang)), .select(.attribute(named: "name", value: "unit"),
                .choice("", SupervisionText.all.text(lang)),
                .forEach(units) { u in .choice(u, u, selected: filters.unit == u) })),
            .label(.text(SupervisionText.searchLabel.text(lang)), .input(.type(.search), .name("q"), .value(attr(filters.q)))),
            .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
            // The period the figures count stays with the list.
            .forEach([("from", filters.from), ("to", filters.to), ("asOf", filters.asOf)].filter { !$0.1.isEmpty }) { f in
                .input(.type(.hidden), .name(f.0), .value(attr(f.1)))
            },
            .button(.type(.submit), .text(UIText.search.text(lang))))
    }

    func raiseForm() -> Node<HTML.BodyContext> {
        let b = form
        return .div(.class("card"),
            .h2(.text(SupervisionText.raiseAProblem.text(lang))),
            .p(.class("muted"), .text(SupervisionText.raiseHelp.text(lang))),
            .form(.method(.post), .action(attr(Layout.link(Site.problems.link, lang))), .class("filters"), .csrf(),
                FormField.inline("projectCode", SupervisionText.projectCode.text(lang), b?.projectCode, size: 12),
                FormField.inline("enterprise", SupervisionText.orEnterprise.text(lang), b?.enterprise, size: 18),
                .label(.text(SupervisionText.problemCategory.text(lang)), .select(.attribute(named: "name", value: "category"),
                    .forEach(categories) { c in .choice(c, c, selected: b?.category == c) })),
                FormField.inline("title", SupervisionText.problem.text(lang), b?.title, size: 30),
                .label(.text(SupervisionText.problemDescription.text(lang)), .textarea(.name("description"), .attribute(named: "rows", value: "3"), .attribute(named: "cols", value: "40"), .text(b?.description ?? ""))),
                .label(.class("check"), .input(.type(.checkbox), .name("major"), .checked(b?.isMajor == true)), .text(SupervisionText.majorCheckbox.text(lang))),
                .if(PageContext.may(.superviseProblems), .group(
                    .label(.text(SupervisionText.leadUnitAssignsNow.text(lang)), .select(.attribute(named: "name", value: "leadUnit"),
                        .choice("", SupervisionText.assignLater.text(lang)),
                        .forEach(units) { u in .choice(u, u, selected: b?.leadUnit == u) })),
                    FormField.inline("assistingUnits", SupervisionText.assistingUnitsSeparated.text(lang), b?.assistingUnits?.names.joined(separator: "、"), size: 20),
                    .label(.text(SupervisionText.leader.text(lang)), .select(.attribute(named: "name", value: "leader"),
                        .choice("", "—"),
                        .forEach(leaders) { l in .choice(l, l, selected: b?.leader == l) })),
                    FormField.inline("path", SupervisionText.resolutionPath.text(lang), b?.path, size: 30),
                    FormField.inline("deadline", SupervisionText.deadlineDefault.text(lang), b?.deadline, type: .date))),
                .button(.type(.submit), .text(SupervisionText.raise.text(lang)))))
    }
}
