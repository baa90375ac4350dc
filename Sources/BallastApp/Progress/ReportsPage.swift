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

    var monthText: String { YearMonth(year: year, month: month)?.description ?? "" }

    func statusLabel(_ s: ReportStatus?) -> String {
        guard let s else { return lang == .en ? "not reported" : "未填报" }
        return lang == .en ? s.rawValue : s.chineseName
    }

    func render() -> String {
        let en = lang == .en
        let t = { (m: Message) in m.text(self.lang) }
        let reported = rows.filter(\.isReported).count
        let due = ReportingDeadline.dueDate(year: year, month: month)
        return Layout.page(title: t(UIText.reports), lang: lang, section: .reports, path: Site.reports.link + "?month=\(monthText)",
            .h1(.text(en ? "Monthly reports, \(monthText)" : "\(year)年\(month)月 投资进度月报")),
            .form(.class("filters"), .method(.get), .action(Site.reports.link),
                  .label(.text(en ? "Month" : "月份"), .input(.type(.month), .name("month"), .value(attr(monthText)))),
                  .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                  .button(.type(.submit), .text(t(UIText.search)))),
            .p(.class("muted"), .text(en ? "Due \(due.iso). Reported \(reported) of \(rows.count); \(rows.count - reported) still to report."
                                         : "报送截止 \(due.iso)。已报送 \(reported) / \(rows.count) 个项目，尚有 \(rows.count - reported) 个未报送。")),
            Layout.notice(notice),
            DataTable<MonthReportRow>([
                .text(en ? "Code" : "项目编号") { r in r.code },
                .init(t(UIText.name)) { r in .a(.href(attr(Layout.link(Site.project.link(r.projectID), lang))), .text(r.name)) },
                .text(en ? "Unit" : "责任单位") { r in r.unit },
                .init(en ? "Status" : "状态") { r in
                    .group(.span(.class("tag status-\(r.status?.rawValue ?? "missing")"), .text(statusLabel(r.status))),
                           .if(r.late, .span(.class("tag late"), .text(en ? "late" : "逾期"))),
                           .unwrap(r.returnReason) { .div(.class("muted"), .text((en ? "Returned: " : "退回原因：") + $0)) })
                },
                .text(en ? "This month (万元)" : "本月完成（万元）", .number) { r in r.amount.map { $0.formatted(in: .wan) } ?? "—" },
                .init(en ? "Progress" : "形象进度") { r in .group(.text(r.progress ?? ""), photoNodes(r)) },
                .init("") { r in actions(r) },
            ], rows: rows, empty: en ? "No project of the year's plan to report." : "本年度计划暂无须填报的项目。").node
        )
    }

    /// Thumbnails, and for a draft or returned report an upload form (JPEG/PNG, up to 5 MB).
    func photoNodes(_ r: MonthReportRow) -> Node<HTML.BodyContext> {
        let en = lang == .en
        guard let id = r.reportID else { return .empty }
        let editable = PageContext.may(.editProjects) && (r.status == .draft || r.status == .returned)
        return .group(
            PhotoThumbs.node(photos[id] ?? [], lang: lang, deletable: editable, month: monthText),
            .if(editable, .form(.class("inline"), .method(.post), .enctype(.multipartData),
                                .action(attr(Layout.link(Site.reportPhotos.link(id) + "?month=\(monthText)", lang))), .csrf(),
                .input(.type(.file), .name("photo"), .attribute(named: "accept", value: "image/jpeg,image/png")),
                .button(.type(.submit), .class("secondary"), .text(en ? "Upload photo" : "上传照片")))))
    }

    func actions(_ r: MonthReportRow) -> Node<HTML.BodyContext> {
        let en = lang == .en
        if PageContext.may(.editProjects), r.status == nil || r.status == .draft || r.status == .returned {
            return .form(.class("inline"), .method(.post), .action(attr(Layout.link(Site.projectReportSave.link(r.projectID, monthText) + "?month=\(monthText)", lang))), .csrf(),
                .input(.type(.text), .name("amount"), .value(attr(r.amount.map { $0.formatted(in: .wan) } ?? "")),
                       .placeholder(en ? "万元" : "万元"), .class("amount")),
                .input(.type(.text), .name("progress"), .value(attr(r.progress ?? "")), .placeholder(en ? "physical progress" : "形象进度")),
                .unwrap(r.version) { .input(.type(.hidden), .name("version"), .value(attr(String($0)))) },
                .button(.type(.submit), .name("action"), .value("save"), .class("secondary"), .text(en ? "Save" : "保存")),
                .button(.type(.submit), .name("action"), .value("submit"), .text(en ? "Submit" : "报送")))
        }
        if PageContext.may(.reviewReports), r.status == .submitted, let id = r.reportID {
            // Two forms: Enter in the reason returns the report (the action the field belongs
            // to); approving, which locks the figure, is its own step.
            let review = Layout.link(Site.reportReview.link(id) + "?month=\(monthText)", lang)
            let version = String(r.version ?? 0)
            return .div(.class("toolbar"),
                ConfirmStep(label: en ? "Approve" : "审定",
                            consequence: en ? "Approving locks \(r.code)'s figure for the month (\(r.amount.map { $0.formatted(in: .wan) } ?? "—") 万元); later corrections are adjustments."
                                            : "审定后 \(r.code) 本月数字（\(r.amount.map { $0.formatted(in: .wan) } ?? "—") 万元）锁定，之后只能以调整记录更正。",
                            confirm: en ? "Confirm approval" : "确认审定", action: review,
                            hidden: [("version", version), ("decision", "approve")]).node,
                .form(.class("inline"), .method(.post), .action(attr(review)), .csrf(),
                    .input(.type(.hidden), .name("version"), .value(attr(version))),
                    .input(.type(.hidden), .name("decision"), .value("return")),
                    .input(.type(.text), .name("reason"), .placeholder(en ? "reason to return" : "退回原因")),
                    .button(.type(.submit), .class("secondary"), .text(en ? "Return" : "退回"))))
        }
        return .empty
    }
}
