import BallastCore
import BallastStore
import Foundation
import Plot

/// A month's reporting: units enter and submit figures; the project office reviews what was
/// submitted and sees who has not reported.
struct ReportsPage {
    var year: Int
    var month: Int
    var rows: [MonthReportRow]
    var notice: PageNotice?
    /// The month's site photos, by report.
    var photos: [UUID: [ReportPhotos.Info]] = [:]
    var lang: UILanguage
    /// The queue's filters, the units to choose from, and the month's rows before filtering
    /// (the counts above the table are the month's, whatever is shown).
    var filter = ReportsFilter()
    var units: [String] = []
    var monthRows: [MonthReportRow]?
    /// Each project's colour at the month's end with the queue's figures approved.
    var colours: [UUID: WarningOutcome] = [:]
    /// The most reports one 批量审定 takes.
    static let maxBatch = 200
    static let batchForm = "approve-batch"

    var reviewing: Bool { PageContext.may(.reviewReports) }
    /// The unit's clerk fills the month as cards, one per project, first on a phone.
    var filling: Bool { PageContext.may(.editProjects) && !reviewing }
    /// Whether the month has begun (`ReportingDeadline.isReportable`): a month to come is shown closed.
    var open = true
    /// A refused save: the project, the field and what was typed.
    var refusal: (projectID: UUID, card: ReportCard.Refusal)?
    /// The rules the month's photos are judged by, and their version (for a reviewer).
    var photoRules: (rules: PhotoRules, version: Int)?

    /// Where an action on row `r` lands on the page it returns to (the same queue): the next
    /// report waiting for review, so the reviewer's next one comes up in place.
    func nextAnchor(after r: MonthReportRow) -> String {
        let waiting = rows.filter { $0.status == .submitted }
        guard let i = waiting.firstIndex(where: { $0.projectID == r.projectID }), i + 1 < waiting.count else { return "" }
        return "#r-" + waiting[i + 1].projectID.uuidString
    }

    /// The page's address with its filters: every action on it comes back to the same queue.
    var here: String { "?month=\(monthText)" + filter.query }

    var monthText: String { YearMonth(year: year, month: month)?.description ?? "" }

    func statusLabel(_ s: ReportStatus?) -> String {
        guard let s else { return ProgressText.notReported.text(lang) }
        return lang == .en ? s.rawValue : s.chineseName
    }

    func render() -> String {
        let en = lang == .en
        let t = { (m: Message) in m.text(self.lang) }
        let monthAll = monthRows ?? rows
        let reported = monthAll.filter(\.isReported).count
        let submitted = monthAll.filter { $0.status == .submitted }.count
        let due = ReportingDeadline.dueDate(year: year, month: month)
        let statusName: (ReportsFilter.Status) -> String = { s in
            switch s {
            case .all: ProgressText.allStatuses.text(self.lang)
            case .missing: ProgressText.notReported.text(self.lang)
            default: self.statusLabel(ReportStatus(rawValue: s.rawValue))
            }
        }
        return Layout.page(title: t(UIText.reports), lang: lang, section: .reports, path: Site.reports.link + here,
                           // The clerk's month works without signal (`OfflineScript`).
                           scripts: filling ? [Site.draftsScript.link, Site.offlineScript.link] : [],
            .h1(.text(ProgressText.reportsHeading(year: year, month: month, monthText: monthText).text(lang))),
            .form(.class("filters"), .method(.get), .action(Site.reports.link),
                  .label(.text(ProgressText.month.text(lang)), .input(.type(.month), .name("month"), .value(attr(monthText)))),
                  FormField.select("status", ProgressText.status.text(lang),
                                   ReportsFilter.Status.allCases.filter { $0 != .all }.map { ($0.rawValue, statusName($0)) },
                                   selected: filter.status == .all ? nil : filter.status.rawValue, all: ProgressText.allStatuses.text(lang)),
                  // A unit's clerk has one unit: no choice to offer.
                  .if(units.count > 1, FormField.select("unit", ProgressText.unit.text(lang), units.map { ($0, $0) }, selected: filter.unit,
                                                        all: ProgressText.allUnits.text(lang))),
                  FormField.select("colour", ProgressText.colourIfApproved.text(lang),
                                   DashboardCharts.lights.map { ($0.rawValue, DashboardCharts.colourName($0, lang)) },
                                   selected: filter.colour?.rawValue, all: ProgressText.allColours.text(lang)),
                  .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                  .button(.type(.submit), .text(t(UIText.search)))),
            .p(.class("muted"), .text(ProgressText.reportingState(due: due, reported: reported, total: monthAll.count).text(lang)
                                      + (PageContext.may(.reviewReports) ? ProgressText.toReview(submitted).text(lang) : ""))),
            Layout.notice(notice),
            .unwrap(photoRules) { r in photoRulesForm(r.rules, version: r.version) },
            // 待发送 N: entries kept on the phone until the connection returns (filled in by the script).
            .if(filling, .p(.id("pending"), .class("alert pending"), .attribute(named: "hidden", value: "hidden"),
                            .attribute(named: "role", value: "status"),
                            .attribute(named: "data-waiting", value: ProgressText.pendingWaiting.text(lang)),
                            .attribute(named: "data-failed", value: ProgressText.pendingFailed.text(lang)),
                            .attribute(named: "data-queued", value: ProgressText.pendingQueued.text(lang)))),
            .if(reviewing && rows.contains { $0.status == .submitted }, .div(.class("toolbar"),
                ConfirmStep(label: ProgressText.approveSelected.text(lang),
                            consequence: ProgressText.approveSelectedConsequence.text(lang),
                            confirm: ProgressText.confirmApproveSelected.text(lang),
                            action: Layout.link(Site.reportsApprove.link + here, lang), formID: Self.batchForm).node)),
            filling ? cards : table)
    }

    /// The rule said in a line, and for the reviewer a folded form to change it (as the
    /// warning thresholds are changed on their board).
    func photoRulesForm(_ rules: PhotoRules, version: Int) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("muted"), .text(ProgressText.photoRule(rules, version: version).text(lang))),
            .element(named: "details", nodes: [
                .element(named: "summary", text: ProgressText.changePhotoRules.text(lang)),
                .form(.class("filters"), .method(.post), .action(attr(Layout.link(Site.reportsPhotoRules.link + here, lang))), .csrf(),
                      .input(.type(.hidden), .name("version"), .value(attr(String(version)))),
                      .label(.text(ProgressText.photoRadius.text(lang)),
                             .input(.type(.number), .name("radiusMeters"), .attribute(named: "min", value: String(PhotoRules.radiusRange.lowerBound)),
                                    .attribute(named: "max", value: String(PhotoRules.radiusRange.upperBound)), .value(attr(String(rules.radiusMeters))))),
                      .label(.text(ProgressText.photoGrace.text(lang)),
                             .input(.type(.number), .name("graceDays"), .attribute(named: "min", value: String(PhotoRules.graceRange.lowerBound)),
                                    .attribute(named: "max", value: String(PhotoRules.graceRange.upperBound)), .value(attr(String(rules.graceDays))))),
                      .label(.text(ProgressText.photoDatum.text(lang)), .select(.attribute(named: "name", value: "datum"),
                          .forEach(GeoDatum.allCases) { d in .choice(d.rawValue, d.rawValue, selected: d == rules.datum) })),
                      .button(.type(.submit), .text(ProgressText.saveNewVersion.text(lang)))),
            ]))
    }

    /// Said when nothing is listed: the month has nothing to report, or the filters left nothing.
    var emptyText: String {
        (monthRows ?? rows).isEmpty ? ProgressText.noReportRows.text(lang) : ProgressText.nothingMatches.text(lang)
    }

    var cards: Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.class("muted empty"), .text(emptyText)) }
        // What is still to do comes first: not reported, returned, drafts; then what is done.
        let order: (MonthReportRow) -> Int = { r in
            switch r.status { case nil: 0; case .returned: 0; case .draft: 1; case .submitted: 2; case .approved: 3 }
        }
        let sorted = rows.enumerated().sorted { (order($0.element), $0.offset) < (order($1.element), $1.offset) }.map(\.element)
        return .div(.class("report-cards"), .forEach(sorted) { r in
            ReportCard(row: r, photos: r.reportID.flatMap { photos[$0] } ?? [], open: open,
                       refusal: refusal?.projectID == r.projectID ? refusal?.card : nil, monthText: monthText, here: here, lang: lang).node
        })
    }

    var table: Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        var columns: [DataTable<MonthReportRow>.Column] = []
        // The reviewer's tick sits with the code, the column a row is known by (and the one a
        // phone keeps in view).
        columns.append(.init(ProgressText.code.text(lang)) { r in
            guard reviewing, r.status == .submitted, let id = r.reportID else { return .span(.class("nowrap"), .text(r.code)) }
            return .label(.class("nowrap"),
                          .input(.type(.checkbox), .name("reports"), .value(attr("\(id.uuidString):\(r.version ?? 0)")),
                                 .attribute(named: "form", value: Self.batchForm),
                                 .attribute(named: "aria-label", value: ProgressText.pick.text(lang) + " " + r.code)),
                          .text(" " + r.code))
        })
        columns += [
                .init(t(UIText.name)) { r in .a(.class("name"), .href(attr(Layout.link(Site.project.link(r.projectID), lang))), .text(r.name)) },
                .text(ProgressText.unit.text(lang)) { r in r.unit },
                .init(ProgressText.status.text(lang)) { r in
                    .group(.span(.class("tag status-\(r.status?.rawValue ?? "missing")"), .text(statusLabel(r.status))),
                           .if(r.late, .span(.class("tag late"), .text(ProgressText.lateTag.text(lang)))),
                           // Waiting for review with no photo, or none taken at the site in the month: look twice.
                           .if(reviewing && r.status == .submitted && PhotoVerdict.needsAttention((r.reportID.flatMap { photos[$0] } ?? []).map(\.verdict)),
                               .span(.class("tag red"), .text(ProgressText.photosNeedAttention.text(lang)))),
                           // The photos' verdicts beside the figure, where a wide table leaves the thumbnails out of sight.
                           .unwrap(PhotoThumbs.verdictSummary(r.reportID.flatMap { photos[$0] } ?? [], lang: lang)) { .div(.class("muted"), .text($0)) },
                           .unwrap(r.returnReason) { .div(.class("muted"), .text(ProgressText.returned($0).text(lang))) })
                },
                .text(ProgressText.thisMonthWan.text(lang), .number) { r in r.amount.map(\.wanText) ?? "—" },
                // What the reviewer weighs the figure against: the plan, and the year to date with it.
                .text(ProgressText.annualPlanWan.text(lang), .number) { r in r.annualPlan.map(\.wanText) ?? "—" },
                .text(ProgressText.toDateWithThisWan.text(lang), .number) { r in r.completedWithThis.wanText },
                .text(ProgressText.rateWithThis.text(lang), .number) { r in r.rateWithThis.map { Percent.text($0) } ?? "—" },
                .init(ProgressText.colourIfApproved.text(lang)) { r in
                    guard let o = colours[r.projectID] else { return .text("—") }
                    return .span(.class("nowrap"), .attribute(named: "title", value: o.reasons.map { $0.text(lang) }.joined(separator: "；")),
                                 .span(.class("light \(o.colour.rawValue)")), .text(" " + DashboardCharts.colourName(o.colour, lang)))
                },
                .init(ProgressText.progress.text(lang)) { r in .group(.text(r.progress ?? ""), photoNodes(r)) },
                .init("") { r in actions(r) },
            ]
        var table = DataTable<MonthReportRow>(columns, rows: rows, empty: emptyText)
        table.rowID = { "r-" + $0.projectID.uuidString }
        // A hundred a page: a reviewer works through the month's queue in few pages.
        return table.listed(ListText.reports, lang, perPage: 100).node
    }

    /// Thumbnails, and for a draft or returned report an upload form (JPEG/PNG, up to 5 MB).
    func photoNodes(_ r: MonthReportRow) -> Node<HTML.BodyContext> {
        guard let id = r.reportID else { return .empty }
        let editable = PageContext.may(.editProjects) && (r.status == .draft || r.status == .returned)
        return .group(
            PhotoThumbs.node(photos[id] ?? [], lang: lang, deletable: editable, month: monthText, project: r.code + " " + r.name),
            .if(editable, .form(.class("inline"), .method(.post), .enctype(.multipartData),
                                .action(attr(Layout.link(Site.reportPhotos.link(id) + here, lang))), .csrf(),
                .input(.type(.file), .name("photo"), .attribute(named: "accept", value: "image/jpeg,image/png"),
                       .attribute(named: "aria-label", value: ProgressText.uploadPhoto.text(lang))),
                .button(.type(.submit), .class("secondary"), .text(ProgressText.uploadPhoto.text(lang))))))
    }

    func actions(_ r: MonthReportRow) -> Node<HTML.BodyContext> {
        if PageContext.may(.editProjects), r.status == nil || r.status == .draft || r.status == .returned {
            return .form(.class("inline"), .method(.post), .action(attr(Layout.link(Site.projectReportSave.link(r.projectID, monthText) + here, lang))), .csrf(),
                .input(.type(.text), .name("amount"), .value(attr(r.amount.map { $0.formatted(in: .wan) } ?? "")),
                       .placeholder(ProgressText.wan.text(lang)), .class("amount")),
                .input(.type(.text), .name("progress"), .value(attr(r.progress ?? "")), .placeholder(ProgressText.physicalProgress.text(lang))),
                .unwrap(r.version) { .input(.type(.hidden), .name("version"), .value(attr(String($0)))) },
                .button(.type(.submit), .name("action"), .value("save"), .class("secondary"), .text(ProgressText.save.text(lang))),
                .button(.type(.submit), .name("action"), .value("submit"), .text(ProgressText.submit.text(lang))))
        }
        if PageContext.may(.reviewReports), r.status == .submitted, let id = r.reportID {
            // Two forms: Enter in the reason returns the report (the action the field belongs
            // to); approving, which locks the figure, is its own step.
            let review = Layout.link(Site.reportReview.link(id) + here, lang) + nextAnchor(after: r)
            let version = String(r.version ?? 0)
            return .div(.class("toolbar"),
                ConfirmStep(label: ProgressText.approve.text(lang),
                            consequence: ProgressText.approveConsequence(code: r.code, amount: r.amount.map(\.wanText) ?? "—").text(lang),
                            confirm: ProgressText.confirmApproval.text(lang), action: review,
                            hidden: [("version", version), ("decision", "approve")]).node,
                .form(.class("inline"), .method(.post), .action(attr(review)), .csrf(),
                    .input(.type(.hidden), .name("version"), .value(attr(version))),
                    .input(.type(.hidden), .name("decision"), .value("return")),
                    .input(.type(.text), .name("reason"), .placeholder(ProgressText.reasonToReturn.text(lang)), .attribute(named: "size", value: "10")),
                    .button(.type(.submit), .class("secondary"), .text(ProgressText.returnReport.text(lang)))))
        }
        return .empty
    }
}
