import BallastCore
import Foundation
import Plot

/// 部门审批时效: per approving department, the steps received in the period, done, done within
/// the promised time, overdue, and the working days taken; the worst first.
struct DepartmentTimesPage {
    var window: DepartmentTimesController.Window
    var rows: [DepartmentTimes.Row]
    var lang: UILanguage
    var notice: PageNotice? = nil

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        let query = "?from=\(window.from.iso)&to=\(window.to.iso)&asOf=\(window.asOf.iso)"
        return Layout.page(title: t(ApprovalText.departmentsTitle), lang: lang, section: .approvals, path: Site.approvalDepartments.link + query,
            .h1(.text(t(ApprovalText.departmentsTitle))),
            Layout.notice(notice),
            .form(.class("filters"), .method(.get), .action(Site.approvalDepartments.link),
                  .label(.text(t(ApprovalText.from)), .input(.type(.date), .name("from"), .value(window.from.iso))),
                  .label(.text(t(ApprovalText.to)), .input(.type(.date), .name("to"), .value(window.to.iso))),
                  .label(.text(t(ApprovalText.asOf)), .input(.type(.date), .name("asOf"), .value(window.asOf.iso))),
                  .if(lang == .en, .input(.type(.hidden), .name("lang"), .value("en"))),
                  .button(.type(.submit), .text(t(UIText.search)))),
            .p(.class("muted"), .text(ApprovalText.explain(window.from.iso, window.to.iso, window.asOf.iso).text(lang))),
            DataTable<DepartmentTimes.Row>([
                .text(t(ApprovalText.department)) { $0.department },
                .text(t(ApprovalText.received), .number) { String($0.received) },
                .text(t(ApprovalText.done), .number) { String($0.done) },
                .text(t(ApprovalText.onTime), .number) { r in
                    String(r.onTime) + (r.onTimeRate.map { String(format: "（%.0f%%）", $0 * 100) } ?? "")
                },
                .init(t(ApprovalText.overdue), .number) { r in
                    r.overdue > 0 ? .span(.class("tag red"), .text(String(r.overdue))) : .text("0")
                },
                .text(t(ApprovalText.averageDays), .number) { $0.averageDays.map { String(format: "%.1f", $0) } ?? "—" },
                .text(t(ApprovalText.p80Days), .number) { $0.p80Days.map(String.init) ?? "—" },
            ], rows: rows, empty: t(ApprovalText.noSteps)).node,
            file())
    }

    /// The 前期手续 file: every step of the year, downloaded to fill in and uploaded for a preview.
    func file() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let year = window.asOf.year
        return .div(.class("card"), .id("file"),
            .h2(.text(t(ApprovalText.fileHeading(year)))),
            .p(.class("muted"), .text(t(ApprovalText.fileExplain))),
            .div(.class("toolbar"),
                .a(.class("button secondary"), .href(attr(Site.approvalsExport.link + "?year=\(year)&format=xlsx")), .text(t(UIText.exportXLSX))),
                .a(.class("button secondary"), .href(attr(Site.approvalsExport.link + "?year=\(year)&format=csv")), .text(t(UIText.exportCSV)))),
            .if(PageContext.may(.editProjects),
                .form(.method(.post), .action(attr(Layout.link(Site.approvalsImport.link + "?year=\(year)", lang))), .enctype(.multipartData),
                      .class("filters"), .csrf(),
                      .label(.text(t(ApprovalText.fileLabel)),
                             .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"), .required(true))),
                      .button(.type(.submit), .text(t(ApprovalText.previewImport))))))
    }
}
