import BallastCore
import BallastStore
import Foundation
import Plot

/// 三个一批: the totals since the campaign began, each period's three lists with their rates,
/// and (for the office) the forms to open a period and import a list.
struct CampaignPage {
    var asOf: CalendarDate
    var periods: [CampaignQuery.Period]
    var upcoming: [CampaignQuery.Announced]
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let totals = periods.last?.figures.cumulative ?? [:]
        let all = totals.values.reduce(CampaignTally(), +)
        return Layout.page(title: en ? "三个一批 campaign" : "三个一批", lang: lang, section: .campaign, path: Site.campaign.link,
            .h1(.text(en ? "“三个一批” campaign (as of \(asOf.iso))" : "“三个一批”活动（截至\(asOf.iso)）")),
            Layout.notice(notice),
            .div(.class("figures"),
                Layout.figure(en ? "Since the campaign began" : "活动以来", en ? "\(all.entries) projects, \(Layout.yi(all.investment)) 亿元"
                                                                 : "\(all.entries) 个项目，\(Layout.yi(all.investment)) 亿元"),
                .forEach(CampaignBatch.allCases) { b in
                    let t = totals[b] ?? CampaignTally()
                    return Layout.figure(en ? b.englishName : b.title, "\(t.entries) / \(Layout.yi(t.investment)) 亿",
                                "\(b.rateName.text(lang)) \(CampaignPage.percent(t.rate(for: b)))")
                }),
            .div(.class("card"),
                .h2(.text(en ? "Periods" : "各期")),
                DataTable(periodColumns(), rows: Array(periods.reversed()), empty: en ? "No period yet." : "尚无活动期次。").node,
                .p(.class("muted"), .text(en ? "Projects / 亿元 counted. Rates: share of the batch's entries that have started (签约), gone into production (开工) or reached designed output (投产) by the as-of day."
                                             : "项目数 / 计入投资（亿元）。比率：签约一批中已开工、开工一批中已投产、投产一批中已达效的项目占比（截至统计日）。")),
                .if(!upcoming.isEmpty, .p(.text(announced())))),
            .if(PageContext.may(.manageProjects), officeForms())
        )
    }

    func announced() -> String {
        (lang == .en ? "Announced: " : "已安排：")
            + upcoming.map { lang == .en ? "No. \($0.number) on \($0.heldOn)" : "第\($0.number)期（\($0.heldOn)）" }.joined(separator: "、")
    }

    func periodColumns() -> [DataTable<CampaignQuery.Period>.Column] {
        let en = lang == .en
        var columns: [DataTable<CampaignQuery.Period>.Column] = [
            .init(en ? "Period" : "期次") { p in
                .a(.href(attr(Layout.link(Site.campaignPeriod.link(p.id), lang))), .text(en ? "No. \(p.number)" : "第\(p.number)期"))
            },
            .text(en ? "Held" : "举办日期") { p in p.heldOn.iso },
        ]
        columns += CampaignBatch.allCases.map { b -> DataTable<CampaignQuery.Period>.Column in
            .text(en ? b.englishName : b.title, .number) { p in
                let t = p.figures.batches[b] ?? CampaignTally()
                return "\(t.entries) / \(Layout.yi(t.investment))"
            }
        }
        columns.append(.text(en ? "Total" : "合计", .number) { p in "\(p.figures.entries) / \(Layout.yi(p.figures.investment))" })
        columns += CampaignBatch.allCases.map { b -> DataTable<CampaignQuery.Period>.Column in
            .text(b.rateName.text(lang), .number) { p in CampaignPage.percent((p.figures.batches[b] ?? CampaignTally()).rate(for: b)) }
        }
        return columns
    }

    static func percent(_ p: Double?) -> String { p.map { String(format: "%.1f%%", $0) } ?? "—" }

    func officeForms() -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .div(.class("card"),
            .h2(.text(en ? "Open a period" : "新建期次")),
            .form(.method(.post), .action(attr(Layout.link(Site.campaignPeriods.link, lang))), .class("filters"), .csrf(),
                .label(.text(en ? "Number" : "期次"), .input(.type(.number), .name("number"), .attribute(named: "min", value: "1"))),
                .label(.text(en ? "Held on" : "举办日期"), .input(.type(.date), .name("heldOn"))),
                .label(.text(en ? "Title" : "名称"), .input(.type(.text), .name("title"))),
                .button(.type(.submit), .text(UIText.save.text(lang)))),
            .h2(.text(en ? "Import a list (.xlsx or .csv)" : "导入名单（.xlsx 或 .csv）")),
            .p(.class("muted"), .text(en ? "Columns: 期次, 批次 (签约/开工/投产), 项目编号, 计入投资（万元）; optional 举办日期 (for a new period), 开工日期, 投产日期, 达效日期, 备注. The whole file is stored, or nothing."
                                         : "列：期次、批次（签约/开工/投产）、项目编号、计入投资（万元）；可选 举办日期（新期次须填）、开工日期、投产日期、达效日期、备注。整份文件全部导入，或一行都不导入。")),
            .form(.method(.post), .action(attr(Layout.link(Site.campaignImport.link, lang))), .enctype(.multipartData), .class("filters"), .csrf(),
                .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv")),
                .button(.type(.submit), .text(en ? "Import" : "导入"))))
    }
}
