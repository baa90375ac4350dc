import BallastCore
import BallastStore
import Foundation
import Plot

/// 动态调整: the year's changes to its list, newest first, and for the office a batch to check
/// (预览调整) and then apply (确认调整, behind a confirmation that says what follows).
struct PlanChangesPage {
    var year: Int
    var today: CalendarDate
    var changes: [PlanChangeQuery.Row]
    var form: PlanChangesController.FormBody?
    var preview: [PlanChangeEditor.Row]?
    var notice: PageNotice?
    var lang: UILanguage

    static func kindName(_ k: PlanChangeKind, _ lang: UILanguage) -> String { lang == .en ? k.englishName : k.chineseName }

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        let en = lang == .en, lang = lang
        return Layout.page(title: t(PlanChangesText.title), lang: lang, section: .tables, path: Site.planChanges.link + "?year=\(year)",
            .h1(.text(t(PlanChangesText.title))),
            Layout.notice(notice),
            .form(.class("filters"), .method(.get), .action(Site.planChanges.link),
                  .label(.text(t(PlanChangesText.year)), .input(.type(.number), .name("year"), .value(String(year)),
                                                              .attribute(named: "min", value: "2000"), .attribute(named: "max", value: "2100"))),
                  .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                  .button(.type(.submit), .text(t(UIText.search)))),
            .unwrap(preview) { previewCard($0) },
            .if(PageContext.may(.manageProjects), batchForm()),
            .div(.class("card"), .id("changes"),
                Self.table(changes, today: today, lang: lang).node))
    }

    /// `today`: a change that takes effect after it is marked 待生效 (the figures do not have it yet).
    static func table(_ rows: [PlanChangeQuery.Row], today: CalendarDate? = nil, lang: UILanguage) -> DataTable<PlanChangeQuery.Row> {
        let t = { (m: Message) in m.text(lang) }
        var table = DataTable<PlanChangeQuery.Row>([
            .text(t(PlanChangesText.effectiveOn), .date) { r in
                r.effectiveOn.iso + (today.map { r.effectiveOn > $0 } == true ? t(PlanChangesText.pendingMark) : "")
            },
            .init(t(PlanChangesText.project)) { r in .a(.href(attr(Layout.link(Site.project.link(r.projectID), lang))), .text(r.code + " " + r.name)) },
            .text(t(PlanChangesText.kind)) { kindName($0.kind, lang) },
            .text(t(PlanChangesText.before), .number) { $0.before?.wanText ?? "—" },
            .text(t(PlanChangesText.after), .number) { $0.after?.wanText ?? "—" },
            .text(t(PlanChangesText.reason)) { $0.reason },
        ], rows: rows, empty: t(PlanChangesText.none))
        table.tableClass = "changes-table"
        return table
    }

    func previewCard(_ rows: [PlanChangeEditor.Row]) -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let lang = lang
        let f = form ?? PlanChangesController.FormBody()
        return .div(.class("card"), .id("preview"),
            .h2(.text(t(PlanChangesText.previewHeading))),
            .p(.class("muted"), .text("\(t(PlanChangesText.effectiveOn))：\(f.effectiveOn ?? "")　\(t(PlanChangesText.reason))：\(f.reason ?? "")")),
            DataTable<PlanChangeEditor.Row>([
                .text(t(PlanChangesText.project)) { $0.code + " " + $0.name },
                .text(t(PlanChangesText.unit)) { $0.unit },
                .text(t(PlanChangesText.kind)) { Self.kindName($0.kind, lang) },
                .text(t(PlanChangesText.before), .number) { $0.before?.wanText ?? "—" },
                .text(t(PlanChangesText.after), .number) { $0.after?.wanText ?? "—" },
            ], rows: rows, empty: "—").node,
            ConfirmStep(label: t(PlanChangesText.confirm), consequence: t(PlanChangesText.confirmConsequence), confirm: t(PlanChangesText.confirm),
                        action: Layout.link(Site.planChanges.link, lang),
                        hidden: [("year", f.year ?? String(year)), ("effectiveOn", f.effectiveOn ?? ""), ("reason", f.reason ?? ""), ("lines", f.lines ?? "")]).node)
    }

    func batchForm() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let f = form
        return .div(.class("card"), .id("batch"),
            .h2(.text(t(PlanChangesText.batchHeading))),
            .p(.class("muted"), .text(t(PlanChangesText.batchExplain))),
            .form(.method(.post), .action(attr(Layout.link(Site.planChangesPreview.link, lang))), .class("stacked"), .csrf(),
                .input(.type(.hidden), .name("year"), .value(String(year))),
                .label(.text(t(PlanChangesText.effectiveOn)),
                       .input(.type(.date), .name("effectiveOn"), .required(true), .attribute(named: "min", value: today.iso),
                              .value(attr(f?.effectiveOn ?? today.iso)))),
                .label(.text(t(PlanChangesText.reasonLabel)),
                       .input(.type(.text), .name("reason"), .required(true), .attribute(named: "maxlength", value: String(PlanChange.maxReason)),
                              .value(attr(f?.reason ?? "")))),
                .label(.text(t(PlanChangesText.lines)),
                       .textarea(.name("lines"), .attribute(named: "rows", value: "6"), .required(true),
                                 .attribute(named: "placeholder", value: lang == .en ? "EQ2023-0001 adjust 2000" : "EQ2023-0001 调整 2000"), .text(f?.lines ?? ""))),
                .button(.type(.submit), .text(t(PlanChangesText.preview)))))
    }
}
