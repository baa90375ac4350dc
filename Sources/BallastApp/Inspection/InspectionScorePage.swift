import BallastCore
import BallastStore
import Foundation
import Plot

/// A reviewer's sheet for one project, made for a phone at the site: the project and its stop,
/// one number per item with its full points, and one button that says what it does. Saving
/// moves on to the next stop not yet scored.
struct InspectionScorePage {
    var view: InspectionsController.TourView
    var stop: InspectionQuery.Stop
    /// What the reviewer typed, back with the reason when refused.
    var typed: [String: String]?
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        let v = view, lang = lang
        let tourID = v.tour.id ?? UUID()
        let mine = v.mine[stop.projectID]
        let open = v.reviewer != nil && !v.tour.isClosed && v.today >= v.tour.heldOn && !v.standsAside(stop)
        func value(_ key: String) -> String {
            if let typed { return typed[key] ?? "" }
            return mine?[key].map(InspectionScoring.format) ?? ""
        }
        return Layout.page(title: stop.name, lang: lang, section: .inspections, path: Site.inspectionScore.link(tourID, stop.projectID),
            .p(.class("muted"), .a(.href(attr(Layout.link(Site.inspection.link(tourID), lang))), .text("← " + v.tour.title))),
            .h1(.text(stop.name)),
            .p(.class("muted"), .text(t(InspectionText.stopOf(stop.seq, v.stops.count)) + " · " + stop.unit + (stop.address.map { " · " + $0 } ?? ""))),
            Layout.notice(notice),
            .if(!open, .p(.class("notice"), .text(v.reviewer == nil ? (lang == .en ? "You are not a reviewer of this tour." : "您不是这次观摩的评委。")
                : v.standsAside(stop) ? t(InspectionText.standAside) : v.tour.isClosed ? t(InspectionText.closedDone)
                : (lang == .en ? "Scoring opens on \(v.tour.heldOn.iso)." : "观摩当天（\(v.tour.heldOn.iso)）起可打分。")))),
            .if(open, .form(.method(.post), .action(attr(Layout.link(Site.inspectionScore.link(tourID, stop.projectID), lang))), .class("stacked score-sheet"), .csrf(),
                .forEach(v.sheet.items) { item in
                    .label(.text(item.name + InspectionText.aside(t(InspectionText.full(item.points)), lang)),
                           .input(.type(.number), .name("points[\(item.key)]"), .required(true), .value(attr(value(item.key))),
                                  .attribute(named: "min", value: "0"), .attribute(named: "max", value: InspectionScoring.format(item.points)),
                                  .attribute(named: "step", value: "0.1"), .attribute(named: "inputmode", value: "decimal")))
                },
                .p(.class("muted"), .text(InspectionText.labelled(InspectionText.total, mine.map { InspectionScoring.format(InspectionScoring.total($0, sheet: v.sheet)) } ?? "—", lang)
                    + " / " + InspectionScoring.format(v.sheet.fullPoints))),
                .button(.type(.submit), .text(t(InspectionText.save))))))
    }
}
