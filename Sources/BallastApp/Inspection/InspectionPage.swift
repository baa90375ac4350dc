import BallastCore
import BallastStore
import Foundation
import Plot

/// One 观摩: its route in visiting order with the map, the reviewers and their progress, each
/// reviewer's own scoring links, and the results (everyone's once closed; before that the
/// office's provisional view). The office closes the scoring and drafts the 讲评通报 here.
struct InspectionPage {
    var view: InspectionsController.TourView
    var layer: MapLayer?
    var points: [MapPointsQuery.Point]
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        let v = view, tour = view.tour
        let office = PageContext.may(.manageProjects)
        return Layout.page(title: tour.title, lang: lang, section: .inspections, path: Site.inspection.link(v.tour.id ?? UUID()),
            .h1(.text(tour.title)),
            Layout.notice(notice),
            .p(.class("muted"), .text([
                InspectionText.labelled(InspectionText.heldOn, tour.heldOn.iso, lang),
                InspectionText.labelled(InspectionText.status, t(tour.isClosed ? InspectionText.closed : InspectionText.open), lang)
                    + (tour.closedOn.map { InspectionText.aside($0.iso, lang) } ?? ""),
                InspectionText.labelled(InspectionText.sheetVersion, t(InspectionText.version(tour.sheetVersion)), lang)
                    + (lang == .en ? ", " : "，") + t(InspectionText.full(v.sheet.fullPoints)),
            ].joined(separator: lang == .en ? " · " : "　"))),
            .if(office, actions()),
            stops(),
            map(),
            reviewers(),
            .if(v.showResults, results()))
    }

    func actions() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let v = view, lang = lang
        guard let id = v.tour.id else { return .empty }
        if !v.tour.isClosed {
            // What closing now leaves out: the sheets not yet in.
            let scored = v.results.reviewers.reduce(0) { $0 + $1.scored }, owed = v.results.reviewers.reduce(0) { $0 + $1.owed }
            let consequence = t(InspectionText.sheetsIn(scored, owed)) + t(InspectionText.closeConsequence)
            return .div(.class("card"), .id("actions"), ConfirmStep(label: t(InspectionText.close), consequence: consequence,
                                                               confirm: t(InspectionText.close), action: Layout.link(Site.inspectionClose.link(id), lang),
                                                               hidden: [("version", String(v.tour.version))]).node)
        }
        if let doc = v.review?.id {
            return .div(.class("card"), .id("actions"), .a(.class("button"), .href(attr(Layout.link(Site.document.link(doc), lang))), .text(t(InspectionText.openReview))))
        }
        return .div(.class("card"), .id("actions"),
            .form(.method(.post), .action(attr(Layout.link(Site.documents.link, lang))), .csrf(),
                  .input(.type(.hidden), .name("kind"), .value(DocumentKind.inspectionReview.rawValue)),
                  .input(.type(.hidden), .name("period"), .value(v.tour.heldOn.iso)),
                  .button(.type(.submit), .text(t(InspectionText.draftReview)))))
    }

    func stops() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let v = view, lang = lang
        let ranks = Dictionary(v.results.projects.map { ($0.projectID, $0) }, uniquingKeysWith: { a, _ in a })
        let scoring = v.reviewer != nil && !v.tour.isClosed && v.today >= v.tour.heldOn
        var table = DataTable<InspectionQuery.Stop>([
            .init(t(InspectionText.project)) { s in
                .group(.text("\(s.seq). "), .a(.href(attr(Layout.link(Site.project.link(s.projectID), lang))), .text(s.name)),
                       .span(.class("muted"), .text(" " + s.unit)))
            },
            .init(t(InspectionText.reasons)) { s in
                .group(.forEach(s.reasons) { r in .span(.class("tag"), .text(r.name.text(lang))) },
                       .unwrap(s.address) { .span(.class("muted"), .text(" " + $0)) })
            },
            .init(scoring ? t(InspectionText.myScore) : t(InspectionText.score), .number) { s in
                if scoring {
                    if v.standsAside(s) { return .span(.class("muted"), .text(t(InspectionText.standAside))) }
                    let mine = v.total(s.projectID).map { InspectionScoring.format($0) }
                    guard let id = v.tour.id else { return .text(mine ?? "—") }
                    return .a(.class(mine == nil ? "button" : ""), .href(attr(Layout.link(Site.inspectionScore.link(id, s.projectID), lang))),
                              .text(mine.map { "\($0) · \(t(InspectionText.rescore))" } ?? t(InspectionText.scoreIt)))
                }
                guard v.showResults, let r = ranks[s.projectID], let score = r.score else { return .text("—") }
                return .text(String(format: "%.2f", score))
            },
            .init(t(InspectionText.leg), .number) { s in
                .group(.span(.class("phone-label"), .text(t(InspectionText.leg) + " ")), .text(s.legKm.map { String(format: "%.1f km", $0) } ?? "—"))
            },
            .init(t(InspectionText.rank), .number) { s in
                .group(.span(.class("phone-label"), .text(t(InspectionText.rank) + " ")),
                       .text(v.showResults ? (ranks[s.projectID]?.rank.map(String.init) ?? "—") : "—"))
            },
        ], rows: v.stops, empty: "—")
        table.tableClass = "desk"
        return .div(.class("card"), .id("route"), .h2(.text(t(InspectionText.route))), table.node)
    }

    func map() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let lang = lang
        let svg = DistrictMap(id: "route-map", layer: layer, points: points, width: 640, height: 420,
                              href: { Layout.link(Site.project.link($0.id), lang) }, title: t(InspectionText.routeMap), tiles: nil,
                              selected: nil, english: lang == .en, route: view.stops.map(\.projectID)).svg()
        return .div(.class("card"), .id("map"), .h2(.text(t(InspectionText.routeMap))), .div(.class("map-frame"), .raw(svg)))
    }

    func reviewers() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        return .div(.class("card"), .id("reviewers"), .h2(.text(t(InspectionText.reviewers))),
            .p(.class("muted"), .text(t(InspectionText.reviewersHint))),
            DataTable<InspectionResults.Reviewer>([
                .text(t(InspectionText.reviewers)) { $0.name },
                .text(t(InspectionText.scored), .number) { String($0.scored) },
                .text(t(InspectionText.owed), .number) { String($0.owed) },
            ], rows: view.results.reviewers, empty: "—").node)
    }

    func results() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let r = view.results, lang = lang
        return .div(.class("card"), .id("results"),
            .h2(.text(t(view.tour.isClosed ? InspectionText.results : InspectionText.provisional))),
            .h3(.text(t(InspectionText.projectRanking))),
            DataTable<InspectionResults.ProjectRow>([
                .text(t(InspectionText.rank), .number) { $0.rank.map(String.init) ?? "—" },
                .init(t(InspectionText.project)) { p in .a(.href(attr(Layout.link(Site.project.link(p.projectID), lang))), .text(p.name)) },
                .text(t(InspectionText.unit)) { $0.unit },
                .text(t(InspectionText.score), .number) { $0.score.map { String(format: "%.2f", $0) } ?? t(InspectionText.notYet) },
                .text(t(InspectionText.reviewers), .number) { String($0.reviewers) },
                .text(t(InspectionText.dropped), .number) { $0.dropped.map(InspectionScoring.format).joined(separator: "、") },
            ], rows: r.projects, empty: "—").node,
            .h3(.text(t(InspectionText.unitRanking))),
            DataTable<InspectionResults.UnitRow>([
                .text(t(InspectionText.rank), .number) { String($0.rank) },
                .text(t(InspectionText.unit)) { $0.unit },
                .text(t(InspectionText.projects), .number) { String($0.projects) },
                .text(t(InspectionText.score), .number) { String(format: "%.2f", $0.score) },
            ], rows: r.units, empty: "—").node)
    }
}
