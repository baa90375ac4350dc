import BallastCore
import BallastStore
import Foundation
import Plot

/// One period of 三个一批: its three lists, each entry with its follow-up dates (editable by
/// whoever edits the project), and the form to list another project (the office).
struct CampaignPeriodPage {
    /// What the page shows, read by `CampaignPeriodPageModel.load`.
    var model: CampaignPeriodPageModel
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let period = model.period
        let title = CampaignText.periodHeading(period.number, heldOn: period.heldOn.iso).text(lang)
        return Layout.page(title: title, lang: lang, section: .campaign, path: Site.campaignPeriod.link(period.idString),
            .p(.a(.href(attr(Layout.link(Site.campaign.link, lang))), .text(CampaignText.allPeriodsLink.text(lang)))),
            .h1(.text(title + (period.title.map { " " + $0 } ?? ""))),
            Layout.notice(notice),
            .forEach(CampaignBatch.allCases) { b in batchCard(b) },
            .if(PageContext.may(.manageProjects), addForm())
        )
    }

    func batchCard(_ b: CampaignBatch) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let rows = model.entries.filter { $0.batch == b.rawValue }
        let t = model.figures?.figures.batches[b] ?? CampaignTally()
        let mayEdit = PageContext.may(.editProjects)
        var columns: [DataTable<CampaignQuery.Entry>.Column] = [
            .init(CampaignText.project.text(lang)) { r in
                .a(.href(attr(Layout.link(Site.project.link(r.projectID), lang))), .text("\(r.projectCode) \(r.projectName)"))
            },
            .text(CampaignText.counted.text(lang), .number) { r in r.investment.wanText },
            .init(CampaignText.started.text(lang)) { r in date(r, "startedOn", r.startedOn?.iso, CampaignText.started, mayEdit: mayEdit) },
            .init(CampaignText.inProduction.text(lang)) { r in date(r, "producedOn", r.producedOn?.iso, CampaignText.inProduction, mayEdit: mayEdit) },
            .init(CampaignText.designedOutput.text(lang)) { r in date(r, "atCapacityOn", r.atCapacityOn?.iso, CampaignText.designedOutput, mayEdit: mayEdit) },
            .init(CampaignText.note.text(lang)) { r in
                mayEdit ? .input(.type(.text), .name("note"), .value(attr(r.note ?? "")), .attribute(named: "form", value: formID(r)),
                                 .attribute(named: "aria-label", value: label(CampaignText.note, r))) : .text(r.note ?? "")
            },
        ]
        if mayEdit {
            columns.append(.init("") { r in
                .form(.id(formID(r)), .method(.post), .action(attr(Layout.link(Site.campaignEntry.link(r.idString), lang))), .csrf(),
                      .input(.type(.hidden), .name("version"), .value(String(r.version))),
                      .button(.type(.submit), .text(UIText.save.text(lang))))
            })
        }
        return .div(.class("card"),
            .h2(.text("\(en ? b.englishName : b.title)：\(t.entries) / \(t.investment.yiText) 亿元 · \(b.rateName.text(lang)) \(CampaignPage.percent(t.rate(for: b)))")),
            DataTable(columns, rows: rows, empty: CampaignText.noEntries.text(lang)).node)
    }

    /// The id of the row's save form, which the row's inputs name to be submitted with it.
    func formID(_ e: CampaignQuery.Entry) -> String { "f-\(e.id.uuidString.prefix(8))" }

    func date(_ e: CampaignQuery.Entry, _ name: String, _ value: String?, _ column: CampaignText, mayEdit: Bool) -> Node<HTML.BodyContext> {
        mayEdit ? .input(.type(.date), .name(name), .value(attr(value ?? "")), .attribute(named: "form", value: formID(e)),
                         .attribute(named: "aria-label", value: label(column, e))) : .text(value ?? "—")
    }

    /// A row's input named for a screen reader: the column and the project ("开工日期：EQ2023-0001").
    func label(_ column: CampaignText, _ e: CampaignQuery.Entry) -> String { column.text(lang) + "：" + e.projectCode }

    func addForm() -> Node<HTML.BodyContext> {
        return .div(.class("card"),
            .h2(.text(CampaignText.listAProject.text(lang))),
            .form(.method(.post), .action(attr(Layout.link(Site.campaignPeriodEntries.link(model.period.idString), lang))), .class("filters"), .csrf(),
                .label(.text(CampaignText.batch.text(lang)), .select(.attribute(named: "name", value: "batch"), .forEach(CampaignBatch.allCases) { b in .choice(b.rawValue, b.title) })),
                .label(.text(CampaignText.projectCode.text(lang)), .input(.type(.text), .name("projectCode"), .attribute(named: "size", value: "14"))),
                .label(.text(CampaignText.counted.text(lang)), .input(.type(.text), .name("investment"), .attribute(named: "size", value: "10"))),
                .button(.type(.submit), .text(CampaignText.list.text(lang)))))
    }
}
