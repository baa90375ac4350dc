import BallastCore
import BallastStore
import Foundation
import Plot

/// One period of 三个一批: its three lists, each entry with its follow-up dates (editable by
/// whoever edits the project), and the form to list another project (the office).
struct CampaignPeriodPage {
    var period: CampaignQuery.Announced
    var figures: CampaignQuery.Period?
    var entries: [CampaignQuery.Entry]
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let title = en ? "三个一批 No. \(period.number) (\(period.heldOn))" : "“三个一批”第\(period.number)期（\(period.heldOn)）"
        return Layout.page(title: title, lang: lang, section: .campaign, path: Site.campaignPeriod.link(period.idString),
            .p(.a(.href(attr(Layout.link(Site.campaign.link, lang))), .text(en ? "← All periods" : "← 全部期次"))),
            .h1(.text(title + (period.title.map { " " + $0 } ?? ""))),
            Layout.notice(notice),
            .forEach(CampaignBatch.allCases) { b in batchCard(b) },
            .if(PageContext.may(.manageProjects), addForm())
        )
    }

    func batchCard(_ b: CampaignBatch) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let rows = entries.filter { $0.batch == b.rawValue }
        let t = figures?.figures.batches[b] ?? CampaignTally()
        let mayEdit = PageContext.may(.editProjects)
        return .div(.class("card"),
            .h2(.text("\(en ? b.englishName : b.title)：\(t.entries) / \(Layout.yi(t.investment)) 亿元 · \(b.rateName.text(lang)) \(CampaignPage.percent(t.rate(for: b)))")),
            .if(rows.isEmpty, .p(.class("muted"), .text(en ? "No project listed." : "未列入项目。"))),
            .if(!rows.isEmpty, .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(en ? "Project" : "项目")), .th(.class("num"), .text(en ? "Counted (万元)" : "计入投资（万元）")),
                           .th(.text(en ? "Started" : "开工")), .th(.text(en ? "In production" : "投产")), .th(.text(en ? "Designed output" : "达效")),
                           .th(.text(en ? "Note" : "备注")), .if(mayEdit, .th()))),
                .tbody(.forEach(rows) { r in row(r, mayEdit: mayEdit) })))))
    }

    func row(_ r: CampaignQuery.Entry, mayEdit: Bool) -> Node<HTML.TableContext> {
        let e = r
        let formID = "f-\(e.id.uuidString.prefix(8))"
        func date(_ name: String, _ value: String?) -> Node<HTML.BodyContext> {
            mayEdit ? .input(.type(.date), .name(name), .value(attr(value ?? "")), .attribute(named: "form", value: formID)) : .text(value ?? "—")
        }
        return .tr(
            .td(.a(.href(attr(Layout.link(Site.project.link(r.projectID), lang))), .text("\(r.projectCode) \(r.projectName)"))),
            .td(.class("num"), .text(Layout.wan(e.investment))),
            .td(date("startedOn", e.startedOn)), .td(date("producedOn", e.producedOn)), .td(date("atCapacityOn", e.atCapacityOn)),
            .td(mayEdit ? .input(.type(.text), .name("note"), .value(attr(e.note ?? "")), .attribute(named: "form", value: formID)) : .text(e.note ?? "")),
            .if(mayEdit, .td(.form(.id(formID), .method(.post), .action(attr(Layout.link(Site.campaignEntry.link(e.idString), lang))), .csrf(),
                                   .input(.type(.hidden), .name("version"), .value(String(e.version))),
                                   .button(.type(.submit), .text(UIText.save.text(lang)))))))
    }

    func addForm() -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .div(.class("card"),
            .h2(.text(en ? "List a project" : "列入项目")),
            .form(.method(.post), .action(attr(Layout.link(Site.campaignPeriodEntries.link(period.idString), lang))), .class("filters"), .csrf(),
                .label(.text(en ? "Batch" : "批次"), .select(.attribute(named: "name", value: "batch"), .forEach(CampaignBatch.allCases) { b in .option(.value(attr(b.rawValue)), .label(attr(b.title))) })),
                .label(.text(en ? "Project code" : "项目编号"), .input(.type(.text), .name("projectCode"), .attribute(named: "size", value: "14"))),
                .label(.text(en ? "Counted (万元)" : "计入投资（万元）"), .input(.type(.text), .name("investment"), .attribute(named: "size", value: "10"))),
                .button(.type(.submit), .text(en ? "List" : "列入"))))
    }
}
