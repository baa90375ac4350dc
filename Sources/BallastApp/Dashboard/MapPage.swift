import BallastCharts
import BallastCore
import BallastStore
import Foundation
import Plot

/// The district map with its filters; a dot opens the project's card beside the map. Projects
/// with no coordinates are listed, and those outside the district flagged, never dropped.
struct MapPage {
    var request: DashboardRequest
    var filter: MapPointsQuery.Filter
    /// What the page shows, read by `MapPageModel.load`.
    var model: MapPageModel
    /// The model's points drawn on the zone layer, the selected project's dot marked.
    var map: DistrictMap.Drawn
    var mayUpload: Bool
    var notice: PageNotice?

    var lang: UILanguage { request.lang }
    var en: Bool { lang == .en }

    func render() -> String {
        let place = map.placement
        return Layout.page(title: DashboardText.mapTitle.text(lang), lang: lang, section: .map, path: Site.map.link + "?\(query())",
            scripts: [Site.mapScript.link],
            .h1(.text(DashboardText.mapHeading(district: request.district.name, year: request.scope.year).text(lang))),
            .p(.class("muted asof"), .text(DashboardText.mapAsOf(request.scope.asOf.iso).text(lang)
                + DashboardText.placement(placed: place.placed.count, unlocated: place.unlocated.count, outside: place.outside.count).text(lang))),
            Layout.notice(notice),
            filters(),
            .div(.class("map-layout"),
                .div(.class("map-frame"), DashboardCharts.zoomWords(lang), .raw(map.svg), legend()),
                .aside(.class("map-side"), card(), outsideList(place.outside), unlocatedList(place.unlocated), layerInfo()))
        )
    }

    func query(selected: UUID? = nil) -> String { Self.query(request, filter, selected: selected) }

    /// The page's filters as a query string (for links that keep them).
    static func query(_ request: DashboardRequest, _ filter: MapPointsQuery.Filter, selected: UUID? = nil) -> String {
        var items = ["year=\(request.scope.year)"]
        if request.scope.asOf < request.scope.today { items.append("asOf=\(request.scope.asOf.iso)") }
        if let v = filter.category { items.append("category=\(PageQuery.encode(v))") }
        if let v = filter.colour { items.append("colour=\(v.rawValue)") }
        if let v = filter.zone { items.append("zone=\(PageQuery.encode(v))") }
        if let v = filter.stage { items.append("stage=\(PageQuery.encode(v.rawValue))") }
        if let selected { items.append("project=\(selected.uuidString)") }
        return items.joined(separator: "&")
    }

    func select(_ name: String, _ label: String, _ values: [(String, String)], _ current: String?) -> Node<HTML.FormContext> {
        FormField.select(name, label, values.map { ($0.0, $0.1) }, selected: current, all: DashboardText.all.text(lang))
    }

    func filters() -> Node<HTML.BodyContext> {
        let colours = DashboardCharts.lights.map { ($0.rawValue, DashboardCharts.colourName($0, lang)) }
        let stages = LifecycleStage.allCases.map { ($0.rawValue, en ? $0.englishName : $0.rawValue) }
        let zones = (model.options[.zone] ?? []) + [SummaryQuery.unassigned]
        return .form(.class("dash-controls"), .method(.get), .action(Site.map.link),
            .label(.text(DashboardText.year.text(lang)), .input(.type(.number), .name("year"), .value(String(request.scope.year)))),
            .label(.text(DashboardText.asOfLabel.text(lang)), .input(.type(.date), .name("asOf"), .value(request.scope.asOf.iso))),
            select("category", DashboardText.category.text(lang), (model.options[.category] ?? []).map { ($0, $0) }, filter.category),
            select("colour", DashboardText.light.text(lang), colours, filter.colour?.rawValue),
            select("zone", DashboardText.zone.text(lang), zones.map { ($0, $0) }, filter.zone),
            select("stage", DashboardText.stage.text(lang), stages, filter.stage?.rawValue),
            .unwrap(en ? "en" : nil) { .input(.type(.hidden), .name("lang"), .value($0)) },
            .button(.type(.submit), .text(DashboardText.filter.text(lang))))
    }

    func legend() -> Node<HTML.BodyContext> {
        .div(.class("map-legend"),
            .forEach(DashboardCharts.lights) { c in .span(.span(.class("swatch c-\(c.rawValue)")), .text(DashboardCharts.colourName(c, lang))) },
            .span(.span(.class("swatch outside")), .text(DashboardText.outsideLegend.text(lang))),
            .span(.class("muted"), .text(DashboardText.dotSize.text(lang))))
    }

    func card() -> Node<HTML.BodyContext> {
        guard let id = map.selected, let p = model.points.first(where: { $0.id == id }) else {
            return .div(.class("card project-card muted"), .p(.text(DashboardText.clickForCard.text(lang))))
        }
        let yi = MoneyScale.yi
        return .div(.class("card project-card"), .attribute(named: "id", value: "card"),
            .h2(.text(p.name)),
            .dl(
                .dt(.text(DashboardText.code.text(lang))), .dd(.text(p.code)),
                .dt(.text(DashboardText.unit.text(lang))), .dd(.text(p.unit)),
                .dt(.text(DashboardText.category.text(lang))), .dd(.text(p.category)),
                .dt(.text(DashboardText.zone.text(lang))), .dd(.text(p.zone ?? SummaryQuery.unassigned)),
                .dt(.text(DashboardText.stage.text(lang))), .dd(.text(p.stage)),
                .dt(.text(DashboardText.light.text(lang))), .dd(.unwrap(p.colour.flatMap(WarningColour.init(rawValue:))) { .span(.class("light \($0.rawValue)"), .attribute(named: "aria-hidden", value: "true")) },
                    .text(p.colour.flatMap(WarningColour.init(rawValue:)).map { DashboardCharts.colourName($0, lang) } ?? "—")),
                .dt(.text(DashboardText.totalInvestment.text(lang))), .dd(.text(yi.label(Double(p.totalInvestment), english: lang == .en))),
                .dt(.text(DashboardText.annualPlan.text(lang))), .dd(.text(p.annualPlan.map { yi.label(Double($0), english: lang == .en) } ?? "—"))),
            .p(.a(.href(attr(Layout.link(Site.project.link(p.id.uuidString), lang))), .text(DashboardText.projectDetails.text(lang)))))
    }

    func projectList(_ title: String, _ points: [MapPointsQuery.Point], _ cssClass: String) -> Node<HTML.BodyContext> {
        guard !points.isEmpty else { return .empty }
        return .div(.class("card \(cssClass)"),
            .h2(.text("\(title)（\(points.count)）")),
            .ul(.forEach(points.prefix(200)) { p in
                .li(.a(.href(attr(Layout.link(Site.project.link(p.id.uuidString), lang))), .text("\(p.code) \(p.name)")))
            }),
            .if(points.count > 200, .p(.class("muted"), .text(DashboardText.first200Shown.text(lang)))))
    }

    func outsideList(_ points: [MapPointsQuery.Point]) -> Node<HTML.BodyContext> {
        projectList(DashboardText.outsideDistrict.text(lang), points, "outside-list")
    }

    func unlocatedList(_ points: [MapPointsQuery.Point]) -> Node<HTML.BodyContext> {
        projectList(DashboardText.noCoordinates.text(lang), points, "unlocated-list")
    }

    func layerInfo() -> Node<HTML.BodyContext> {
        .div(.class("card layer-info"),
            .h2(.text(DashboardText.zoneLayer.text(lang))),
            .p(.class("muted"), .text(model.layer.map { DashboardText.layerVersion(year: $0.year, version: $0.version, features: $0.layer.features.count).text(lang) }
                ?? DashboardText.noZoneLayer.text(lang))),
            // The zone file is for whoever keeps it (the office, who may upload): a leader reads the map.
            .if(model.layer != nil && mayUpload, .p(.a(.href(attr(Site.API.mapZone.link(request.scope.year))), .text(DashboardText.downloadGeoJSON.text(lang))))),
            .if(mayUpload, .form(.method(.post), .action(attr(Site.mapZones.link)), .enctype(.multipartData), .csrf(),
                .input(.type(.hidden), .name("year"), .value(String(request.scope.year))),
                .label(.text(DashboardText.uploadGeoJSON.text(lang)),
                       .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".geojson,.json,application/geo+json,application/json"))),
                .button(.type(.submit), .text(DashboardText.upload.text(lang))))))
    }
}
