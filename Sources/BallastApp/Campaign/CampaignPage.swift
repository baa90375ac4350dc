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
        return Layout.page(title: CampaignText.campaignTitle.text(lang), lang: lang, section: .campaign, path: Site.campaign.link,
            .h1(.text(CampaignText.campaignHeading(asOf: asOf.iso).text(lang))),
            Layout.notice(notice),
            .div(.class("figures"),
                Layout.figure(CampaignText.sinceBegan.text(lang),
                              CampaignText.totals(entries: all.entries, investment: all.investment.yiText).text(lang)),
                .forEach(CampaignBatch.allCases) { b in
                    let t = totals[b] ?? CampaignTally()
                    return Layout.figure(en ? b.englishName : b.title, "\(t.entries) / \(t.investment.yiText) 亿",
                                "\(b.rateName.text(lang)) \(CampaignPage.percent(t.rate(for: b)))")
                }),
            .div(.class("card"),
                .h2(.text(CampaignText.periods.text(lang))),
                DataTable(periodColumns(), rows: Array(periods.reversed()), empty: CampaignText.noPeriods.text(lang)).node,
                .p(.class("muted"), .text(CampaignText.ratesHelp.text(lang))),
                .if(!upcoming.isEmpty, .p(.text(announced())))),
            .if(PageContext.may(.manageProjects), officeForms())
        )
    }

    func announced() -> String {
        CampaignText.announced.text(lang)
            + upcoming.map { CampaignText.announcedPeriod($0.number, heldOn: $0.heldOn.iso).text(lang) }.joined(separator: "、")
    }

    func periodColumns() -> [DataTable<CampaignQuery.Period>.Column] {
        let en = lang == .en
        var columns: [DataTable<CampaignQuery.Period>.Column] = [
            .init(CampaignText.period.text(lang)) { p in
                .a(.href(attr(Layout.link(Site.campaignPeriod.link(p.id), lang))), .text(CampaignText.periodNumber(p.number).text(lang)))
            },
            .text(CampaignText.held.text(lang)) { p in p.heldOn.iso },
        ]
        columns += CampaignBatch.allCases.map { b -> DataTable<CampaignQuery.Period>.Column in
            .text(en ? b.englishName : b.title, .number) { p in
                let t = p.figures.batches[b] ?? CampaignTally()
                return "\(t.entries) / \(t.investment.yiText)"
            }
        }
        columns.append(.text(CampaignText.total.text(lang), .number) { p in "\(p.figures.entries) / \(p.figures.investment.yiText)" })
        columns += CampaignBatch.allCases.map { b -> DataTable<CampaignQuery.Period>.Column in
            .text(b.rateName.text(lang), .number) { p in CampaignPage.percent((p.figures.batches[b] ?? CampaignTally()).rate(for: b)) }
        }
        return columns
    }

    static func percent(_ p: Double?) -> String { p.map { Percent.text(points: $0) } ?? "—" }

    func officeForms() -> Node<HTML.BodyContext> {
        return .div(.class("card"),
            .h2(.text(CampaignText.openPeriod.text(lang))),
            .form(.method(.post), .action(attr(Layout.link(Site.campaignPeriods.link, lang))), .class("filters"), .csrf(),
                .label(.text(CampaignText.number.text(lang)), .input(.type(.number), .name("number"), .attribute(named: "min", value: "1"))),
                .label(.text(CampaignText.heldOn.text(lang)), .input(.type(.date), .name("heldOn"))),
                .label(.text(CampaignText.periodTitle.text(lang)), .input(.type(.text), .name("title"))),
                .button(.type(.submit), .text(UIText.save.text(lang)))),
            .h2(.text(CampaignText.importList.text(lang))),
            .p(.class("muted"), .text(CampaignText.importHelp.text(lang))),
            .form(.method(.post), .action(attr(Layout.link(Site.campaignImport.link, lang))), .enctype(.multipartData), .class("filters"), .csrf(),
                .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"), .attribute(named: "aria-label", value: CampaignText.importList.text(lang))),
                .button(.type(.submit), .text(CampaignText.importButton.text(lang)))))
    }
}
