import BallastCore
import BallastStore
import Foundation
import Plot

/// The scoring sheet in force, and the office's form for a new version (items as lines of
/// "name points", and the drop-extremes setting). Tours keep the version they were planned on.
struct InspectionSheetPage {
    var current: InspectionSheets.Current
    var form: InspectionsController.SheetForm?
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        let c = current
        let lines = form?.lines ?? c.sheet.items.map { "\($0.name) \(InspectionScoring.format($0.points))" }.joined(separator: "\n")
        return Layout.page(title: t(InspectionText.sheetTitle), lang: lang, section: .inspections, path: Site.inspectionSheet.link,
            .h1(.text(t(InspectionText.sheetTitle) + " · " + t(InspectionText.version(c.sheet.version)))),
            Layout.notice(notice),
            .div(.class("card"), .id("sheet"),
                DataTable<InspectionSheet.Item>([
                    .text(t(InspectionText.item)) { $0.name },
                    .text(t(InspectionText.points), .number) { InspectionScoring.format($0.points) },
                ], rows: c.sheet.items, empty: "—", totals: [t(InspectionText.total), InspectionScoring.format(c.sheet.fullPoints)]).node,
                .p(.class("muted"), .text(InspectionText.labelled(InspectionText.dropFrom, String(c.settings.dropExtremesFrom), lang)))),
            .div(.class("card"), .id("edit"),
                .p(.class("muted"), .text(t(InspectionText.sheetExplain))),
                .form(.method(.post), .action(attr(Layout.link(Site.inspectionSheet.link, lang))), .class("stacked"), .csrf(),
                    .input(.type(.hidden), .name("version"), .value(String(c.sheet.version))),
                    .label(.text(t(InspectionText.sheetLines)), .textarea(.name("lines"), .attribute(named: "rows", value: "7"), .required(true), .text(lines))),
                    .label(.text(t(InspectionText.dropFrom)), .input(.type(.number), .name("dropExtremesFrom"), .attribute(named: "min", value: "0"),
                                                                    .attribute(named: "max", value: "50"), .value(attr(form?.dropExtremesFrom ?? String(c.settings.dropExtremesFrom))))),
                    .button(.type(.submit), .text(t(InspectionText.saveSheet))))))
    }
}
