import BallastCore
import BallastStore
import Foundation
import Plot

/// One enterprise: its record, the projects that name it, and (for the office) the merge.
struct EnterprisePage {
    /// What the page shows, read by `EnterprisePageModel.load`.
    var model: EnterprisePageModel
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let (e, projects, leads, trips, service) = (model.enterprise, model.projects, model.leads, model.trips, model.service)
        let id = e.idString
        let fields: [(String, String)] = [
            (EnterpriseText.creditCode.text(lang), e.creditCode ?? "—"), (EnterpriseText.industry.text(lang), e.industry ?? "—"),
            (EnterpriseText.address.text(lang), e.address ?? "—"), (EnterpriseText.aboveScale.text(lang), e.aboveScale ? EnterpriseText.yes.text(lang) : EnterpriseText.no.text(lang)),
            (EnterpriseText.contact.text(lang), [e.contactName, e.contactPhone].compactMap { $0 }.joined(separator: " ").nilIfEmpty ?? "—"),
            (EnterpriseText.serviceOfficial.text(lang), e.serviceOfficial ?? "—"), (EnterpriseText.version.text(lang), String(e.version)),
        ]
        let body = EnterprisesController.Body(name: e.name, creditCode: e.creditCode, industry: e.industry, address: e.address,
                                              aboveScale: e.aboveScale, contactName: e.contactName, contactPhone: e.contactPhone,
                                              serviceOfficial: e.serviceOfficial, confirmDuplicateName: nil, version: e.version)
        let projectColumns: [DataTable<ProjectRef>.Column] = [
            .text(EnterpriseText.projectCode.text(lang)) { p in p.code },
            .init(EnterpriseText.projectName.text(lang)) { p in .a(.href(attr(Layout.link(Site.project.link(p.id), lang))), .text(p.name)) },
            .text(EnterpriseText.stage.text(lang)) { p in en ? p.stage.englishName : p.stage.rawValue },
        ]
        let leadColumns: [DataTable<LeadQuery.Row>.Column] = [
            .init(EnterpriseText.lead.text(lang)) { l in .a(.href(attr(Layout.link(Site.lead.link(l.id), lang))), .text(l.title)) },
            .text(EnterpriseText.status.text(lang)) { l in l.status },
            .text(EnterpriseText.unit.text(lang)) { l in l.unit },
            .text(EnterpriseText.collected.text(lang)) { l in l.collectedOn.iso },
        ]
        return Layout.page(title: e.name, lang: lang, section: .enterprises, path: Site.enterprise.link(id),
            .h1(.text(e.name)),
            Layout.notice(notice),
            .unwrap(e.mergedInto) { into in
                .div(.class("alert bad"), .text(EnterpriseText.mergedInto.text(lang)),
                     .a(.href(attr(Layout.link(Site.enterprise.link(into), lang))), .text(EnterpriseText.keptRecord.text(lang))))
            },
            .div(.class("card"), .dl(.class("fields"), .forEach(fields) { f in .group(.dt(.text(f.0)), .dd(.text(f.1))) })),
            .div(.class("card"),
                .h2(.text(EnterpriseText.projectsHeading(projects.count).text(lang))),
                DataTable(projectColumns, rows: projects, empty: EnterpriseText.noProjects.text(lang)).node),
            .if(!leads.isEmpty, .div(.class("card"),
                .h2(.text(EnterpriseText.leadsHeading(leads.count).text(lang))),
                DataTable(leadColumns, rows: leads, empty: EnterpriseText.noneYet.text(lang)).node)),
            .if(!trips.isEmpty, .div(.class("card"),
                .h2(.text(EnterpriseText.tripsHeading(trips.count).text(lang))),
                .ul(.forEach(trips) { t in .li(.text("\(t.startedOn) \(t.kind) \(t.ledBy)：\(t.destinations)")) }))),
            service.node(enterpriseID: id, lang: lang),
            .if(e.mergedInto == nil && PageContext.may(.editProjects), .div(.class("card"),
                .h2(.text(EnterpriseText.edit.text(lang))),
                .form(.method(.post), .action(attr(Layout.link(Site.enterprise.link(id), lang))), .class("filters"), .csrf(),
                      .input(.type(.hidden), .name("version"), .value(attr(String(e.version)))),
                      EnterpriseFields.nodes(body, lang: lang),
                      .button(.type(.submit), .text(UIText.save.text(lang)))))),
            .if(e.mergedInto == nil && PageContext.may(.manageProjects), .div(.class("card"),
                .h2(.text(EnterpriseText.mergeHeading.text(lang))),
                .p(.class("muted"), .text(EnterpriseText.mergeHelp.text(lang))),
                ConfirmStep(label: EnterpriseText.mergeButton.text(lang),
                            consequence: EnterpriseText.mergeConsequence(e.name).text(lang),
                            confirm: EnterpriseText.confirmMerge.text(lang), action: Layout.link(Site.enterpriseMerge.link(id), lang),
                            hidden: [("version", String(e.version))], fields: mergeTarget(), danger: true).node))
        )
    }

    /// The records with the same name to choose from, or a field for the kept record's id.
    func mergeTarget() -> Node<HTML.FormContext> {
        let candidates = model.candidates
        if candidates.isEmpty {
            return .label(.text(EnterpriseText.keptRecordID.text(lang)), .input(.type(.text), .name("into"), .attribute(named: "size", value: "38")))
        }
        return .label(.text(EnterpriseText.keep.text(lang)), .select(.attribute(named: "name", value: "into"), .forEach(candidates) { c in
            let code: String = c.creditCode ?? EnterpriseText.noCreditCode.text(lang)
            let count: String = EnterpriseText.candidateProjects(c.projects).text(lang)
            return .choice(c.id.uuidString, "\(c.name) · \(code) · \(count)")
        }))
    }
}
