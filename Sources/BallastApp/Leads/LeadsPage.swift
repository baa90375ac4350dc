import BallastCore
import BallastStore
import Foundation
import Plot

/// 招商引资: the period's figures as the district reports them, the leads (filtered), the trips,
/// and the forms to register a lead, import a list and record a trip.
struct LeadsPage {
    var from: CalendarDate
    var to: CalendarDate
    var figures: PromotionQuery.Figures
    var total: Int
    var rows: [LeadQuery.Row]
    var trips: [(trip: TripSummary, visits: Int, leads: Int)]
    var units: [String]
    var status: String
    var query: String
    var notice: PageNotice?
    var form: LeadsController.LeadBody?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let f = figures
        let columns: [DataTable<LeadQuery.Row>.Column] = [
            .init(en ? "Lead" : "线索") { r in .a(.href(attr(Layout.link(Site.lead.link(r.id), lang))), .text(r.title)) },
            .init(en ? "Enterprise" : "企业") { r in .a(.href(attr(Layout.link(Site.enterprise.link(r.enterpriseID), lang))), .text(r.enterprise)) },
            .text(en ? "Source" : "来源") { r in r.source },
            .text(en ? "Chain" : "产业链") { r in r.chain ?? "" },
            .text(en ? "Intended (万元)" : "意向投资（万元）", .number) { r in r.intendedInvestment.map(Layout.wan) ?? "" },
            .text(en ? "Unit" : "责任单位") { r in r.unit },
            .init(en ? "Status" : "状态") { r in .span(.class("tag"), .text(LeadStatus(rawValue: r.status).map(statusName) ?? r.status)) },
            .text(en ? "Collected" : "收集日期") { r in r.collectedOn },
        ]
        return Layout.page(title: en ? "Investment promotion" : "招商引资", lang: lang, section: .leads, path: Site.leads.link,
            .h1(.text(en ? "Investment promotion, \(from.iso) to \(to.iso)" : "招商引资（\(from.iso) 至 \(to.iso)）")),
            Layout.notice(notice),
            .div(.class("figures"),
                Layout.figure(en ? "Leads collected" : "收集线索", String(f.leads)),
                Layout.figure(en ? "Enterprises contacted" : "对接企业", String(f.enterprisesContacted)),
                Layout.figure(en ? "Trips" : "外出招商", String(f.leaderTrips + f.teamTrips),
                              en ? "leader-led \(f.leaderTrips), small team \(f.teamTrips)" : "领导带队 \(f.leaderTrips) 次，小分队 \(f.teamTrips) 次"),
                Layout.figure(en ? "Negotiated" : "洽谈项目", String(f.negotiated)),
                Layout.figure(en ? "Signed" : "签约项目", String(f.signed), en ? "\(Layout.yi(f.signedAmount)) 亿元 contracted" : "合同金额 \(Layout.yi(f.signedAmount)) 亿元")),
            .form(.class("filters"), .method(.get), .action(Site.leads.link),
                .label(.text(en ? "From" : "自"), .input(.type(.date), .name("from"), .value(from.iso))),
                .label(.text(en ? "To" : "至"), .input(.type(.date), .name("to"), .value(to.iso))),
                .label(.text(en ? "Status" : "状态"), .select(.attribute(named: "name", value: "status"),
                    .option(.value(attr("")), .label(attr(en ? "All" : "全部"))),
                    .forEach(LeadStatus.allCases) { s in
                        .option(.value(attr(s.rawValue)), .label(attr(statusName(s) + (f.byStatus[s].map { " (\($0))" } ?? ""))), .isSelected(status == s.rawValue))
                    })),
                .label(.text(en ? "Title, enterprise or chain" : "线索、企业或产业链"), .input(.type(.search), .name("q"), .value(attr(query)))),
                .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                .button(.type(.submit), .text(UIText.search.text(lang)))),
            .p(.class("muted"), .text(en ? "\(total) leads collected in the period" + (rows.count < total ? ", newest \(rows.count) shown" : "")
                                         : "期内收集线索 \(total) 条" + (rows.count < total ? "，显示最新 \(rows.count) 条" : ""))),
            DataTable(columns, rows: rows, empty: en ? "No leads match." : "没有符合条件的线索。").node,
            tripsCard(),
            .if(PageContext.may(.editProjects), createForm()),
            .if(PageContext.may(.editProjects), importForm()),
            .if(PageContext.may(.manageProjects), tripForm())
        )
    }

    func statusName(_ s: LeadStatus) -> String { lang == .en ? s.englishName : s.rawValue }

    func tripsCard() -> Node<HTML.BodyContext> {
        let en = lang == .en
        let columns: [DataTable<(trip: TripSummary, visits: Int, leads: Int)>.Column] = [
            .text(en ? "Dates" : "日期") { t in t.trip.startedOn + (t.trip.endedOn.map { " — " + $0 } ?? "") },
            .text(en ? "Led by" : "带队") { t in t.trip.ledBy },
            .text(en ? "Kind" : "形式") { t in TripKind(rawValue: t.trip.kind).map { en ? $0.englishName : $0.rawValue } ?? t.trip.kind },
            .text(en ? "Destinations" : "目的地") { t in t.trip.destinations },
            .text(en ? "Enterprises visited" : "拜访企业", .number) { t in String(t.visits) },
            .init(en ? "Leads" : "产生线索", .number) { t in
                .a(.href(attr(Layout.link(Site.leads.link + "?trip=\(t.trip.idString)&from=\(from.iso)&to=\(to.iso)", lang))), .text(String(t.leads)))
            },
        ]
        return .div(.class("card"),
            .h2(.text(en ? "Trips in the period" : "期内外出招商")),
            DataTable(columns, rows: trips, empty: en ? "None." : "暂无。").node)
    }

    func createForm() -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .div(.class("card"),
            .h2(.text(en ? "Register a lead" : "登记线索")),
            .form(.method(.post), .action(attr(Layout.link(Site.leads.link, lang))), .class("filters"), .csrf(),
                  LeadFields.nodes(form, units: units, lang: lang),
                  .button(.type(.submit), .text(en ? "Register" : "登记"))))
    }

    func importForm() -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .div(.class("card"),
            .h2(.text(en ? "Import leads (.xlsx or .csv)" : "导入线索（.xlsx 或 .csv）")),
            .p(.class("muted"), .text(en ? "Columns: 线索名称, 企业名称, 来源, 责任单位, 收集日期; optional 统一社会信用代码, 产业链, 意向投资（万元）, 状态, 放弃原因, 备注. The whole file is stored, or nothing."
                                         : "列：线索名称、企业名称、来源、责任单位、收集日期；可选 统一社会信用代码、产业链、意向投资（万元）、状态、放弃原因、备注。整份文件全部导入，或一行都不导入。")),
            .form(.method(.post), .action(attr(Layout.link(Site.leadsImport.link, lang))), .enctype(.multipartData), .class("filters"), .csrf(),
                .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv")),
                .button(.type(.submit), .text(en ? "Import" : "导入"))))
    }

    func tripForm() -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .div(.class("card"),
            .h2(.text(en ? "Record a trip" : "记录外出招商")),
            .form(.method(.post), .action(attr(Layout.link(Site.trips.link, lang))), .class("filters"), .csrf(),
                .label(.text(en ? "Kind" : "形式"), .select(.attribute(named: "name", value: "kind"), .forEach(TripKind.allCases) { k in .option(.value(attr(k.rawValue)), .label(attr(en ? k.englishName : k.rawValue))) })),
                .label(.text(en ? "From" : "出发"), .input(.type(.date), .name("startedOn"))),
                .label(.text(en ? "To" : "返回"), .input(.type(.date), .name("endedOn"))),
                .label(.text(en ? "Led by" : "带队"), .input(.type(.text), .name("ledBy"), .attribute(named: "size", value: "10"))),
                .label(.text(en ? "Destinations" : "目的地"), .input(.type(.text), .name("destinations"), .attribute(named: "size", value: "20"))),
                .label(.text(en ? "Enterprises visited (one per line)" : "拜访企业（每行一家）"), .textarea(.name("enterpriseLines"), .attribute(named: "rows", value: "3"))),
                .button(.type(.submit), .text(UIText.save.text(lang)))))
    }
}
