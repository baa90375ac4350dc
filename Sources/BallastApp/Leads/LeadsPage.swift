import BallastCore
import BallastStore
import Foundation
import Plot

/// 招商引资: the period's figures as the district reports them, the leads (filtered), the trips,
/// and the forms to register a lead, import a list and record a trip.
struct LeadsPage {
    /// What the page shows, read by `LeadsPageModel.load`.
    var model: LeadsPageModel
    /// The `status` and `q` filters as the request gave them, kept in the form.
    var status: String
    var query: String
    var notice: PageNotice?
    var form: LeadsController.LeadBody?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let (f, from, to, rows) = (model.figures, model.from, model.to, model.rows)
        let columns: [DataTable<LeadQuery.Row>.Column] = [
            .init(LeadsText.lead.text(lang)) { r in .a(.href(attr(Layout.link(Site.lead.link(r.id), lang))), .text(r.title)) },
            .init(LeadsText.enterprise.text(lang)) { r in .a(.href(attr(Layout.link(Site.enterprise.link(r.enterpriseID), lang))), .text(r.enterprise)) },
            .text(LeadsText.source.text(lang)) { r in r.source },
            .text(LeadsText.chain.text(lang)) { r in r.chain ?? "" },
            .text(LeadsText.intendedWan.text(lang), .number) { r in r.intendedInvestment.map(\.wanText) ?? "" },
            .text(LeadsText.unit.text(lang)) { r in r.unit },
            .init(LeadsText.status.text(lang)) { r in .span(.class("tag"), .text(LeadStatus(rawValue: r.status).map(statusName) ?? r.status)) },
            .text(LeadsText.collected.text(lang)) { r in r.collectedOn.iso },
        ]
        return Layout.page(title: LeadsText.promotionTitle.text(lang), lang: lang, section: .leads, path: Site.leads.link,
            .h1(.text(LeadsText.promotionHeading(from: from.iso, to: to.iso).text(lang))),
            Layout.notice(notice),
            .div(.class("figures"),
                Layout.figure(LeadsText.leadsCollected.text(lang), String(f.leads)),
                Layout.figure(LeadsText.enterprisesContacted.text(lang), String(f.enterprisesContacted)),
                Layout.figure(LeadsText.trips.text(lang), String(f.leaderTrips + f.teamTrips),
                              LeadsText.tripsBreakdown(leader: f.leaderTrips, team: f.teamTrips).text(lang)),
                Layout.figure(LeadsText.negotiated.text(lang), String(f.negotiated)),
                Layout.figure(LeadsText.signed.text(lang), String(f.signed), LeadsText.contracted(f.signedAmount.yiText).text(lang))),
            .form(.class("filters"), .method(.get), .action(Site.leads.link),
                .label(.text(LeadsText.from.text(lang)), .input(.type(.date), .name("from"), .value(from.iso))),
                .label(.text(LeadsText.to.text(lang)), .input(.type(.date), .name("to"), .value(to.iso))),
                .label(.text(LeadsText.status.text(lang)), .select(.attribute(named: "name", value: "status"),
                    .choice("", LeadsText.all.text(lang)),
                    .forEach(LeadStatus.allCases) { s in
                        .choice(s.rawValue, statusName(s) + (f.byStatus[s].map { " (\($0))" } ?? ""), selected: status == s.rawValue)
                    })),
                .label(.text(LeadsText.searchLabel.text(lang)), .input(.type(.search), .name("q"), .value(attr(query)))),
                .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                .button(.type(.submit), .text(UIText.search.text(lang)))),
            .p(.class("muted"), .text(LeadsText.leadCount(model.total, shown: rows.count).text(lang))),
            DataTable(columns, rows: rows, empty: LeadsText.noLeads.text(lang)).listed(ListText.leads, lang).node,
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
            .text(LeadsText.tripDates.text(lang)) { t in t.trip.startedOn.iso + (t.trip.endedOn.map { " — " + $0.iso } ?? "") },
            .text(LeadsText.ledBy.text(lang)) { t in t.trip.ledBy },
            .text(LeadsText.tripKind.text(lang)) { t in TripKind(rawValue: t.trip.kind).map { en ? $0.englishName : $0.rawValue } ?? t.trip.kind },
            .text(LeadsText.destinations.text(lang)) { t in t.trip.destinations },
            .text(LeadsText.enterprisesVisited.text(lang), .number) { t in String(t.visits) },
            .init(LeadsText.leadsFromTrip.text(lang), .number) { t in
                .a(.href(attr(Layout.link(Site.leads.link + "?trip=\(t.trip.idString)&from=\(model.from.iso)&to=\(model.to.iso)", lang))), .text(String(t.leads)))
            },
        ]
        return .div(.class("card"),
            .h2(.text(LeadsText.tripsInPeriod.text(lang))),
            DataTable(columns, rows: model.trips, empty: LeadsText.noneYet.text(lang)).node)
    }

    func createForm() -> Node<HTML.BodyContext> {
        return .div(.class("card"),
            .h2(.text(LeadsText.registerLead.text(lang))),
            .form(.method(.post), .action(attr(Layout.link(Site.leads.link, lang))), .class("filters"), .csrf(),
                  LeadFields.nodes(form, units: model.units, lang: lang),
                  .button(.type(.submit), .text(LeadsText.register.text(lang)))))
    }

    func importForm() -> Node<HTML.BodyContext> {
        return .div(.class("card"),
            .h2(.text(LeadsText.importLeads.text(lang))),
            .p(.class("muted"), .text(LeadsText.importHelp.text(lang))),
            .form(.method(.post), .action(attr(Layout.link(Site.leadsImport.link, lang))), .enctype(.multipartData), .class("filters"), .csrf(),
                .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"), .attribute(named: "aria-label", value: LeadsText.importLeads.text(lang))),
                .button(.type(.submit), .text(LeadsText.importButton.text(lang)))))
    }

    func tripForm() -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .div(.class("card"),
            .h2(.text(LeadsText.recordTrip.text(lang))),
            .form(.method(.post), .action(attr(Layout.link(Site.trips.link, lang))), .class("filters"), .csrf(),
                .label(.text(LeadsText.tripKind.text(lang)), .select(.attribute(named: "name", value: "kind"), .forEach(TripKind.allCases) { k in .choice(k.rawValue, en ? k.englishName : k.rawValue) })),
                .label(.text(LeadsText.setOffOn.text(lang)), .input(.type(.date), .name("startedOn"))),
                .label(.text(LeadsText.returnedOn.text(lang)), .input(.type(.date), .name("endedOn"))),
                .label(.text(LeadsText.ledBy.text(lang)), .input(.type(.text), .name("ledBy"), .attribute(named: "size", value: "10"))),
                .label(.text(LeadsText.destinations.text(lang)), .input(.type(.text), .name("destinations"), .attribute(named: "size", value: "20"))),
                .label(.text(LeadsText.enterprisesVisitedLines.text(lang)), .textarea(.name("enterpriseLines"), .attribute(named: "rows", value: "3"))),
                .button(.type(.submit), .text(UIText.save.text(lang)))))
    }
}
