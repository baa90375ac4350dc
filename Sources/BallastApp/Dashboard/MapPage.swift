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
    var map: DistrictMap
    var layer: MapLayers.Current?
    var options: [ReferenceKind: [String]]
    var mayUpload: Bool
    var notice: PageNotice?

    var lang: UILanguage { request.lang }
    var en: Bool { lang == .en }
    func t(_ zh: String, _ en: String) -> String { self.en ? en : zh }

    func render() -> String {
        let place = map.placement()
        return Layout.page(title: t("项目地图", "Project map"), lang: lang, section: .map, path: Site.map.link + "?\(query())",
            .h1(.text(t("\(request.district.name)\(request.scope.year)年重点项目分布图", "\(request.district.name) \(request.scope.year) project map"))),
            .p(.class("muted asof"), .text(t("截至 \(request.scope.asOf.iso)，", "As of \(request.scope.asOf.iso); ")
                + t("上图 \(place.placed.count) 个，无坐标 \(place.unlocated.count) 个，区界外 \(place.outside.count) 个",
                    "\(place.placed.count) mapped, \(place.unlocated.count) without coordinates, \(place.outside.count) outside the district"))),
            Layout.notice(notice),
            filters(),
            .div(.class("map-layout"),
                .div(.class("map-frame"), .raw(map.svg()), legend()),
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
        FormField.select(name, label, values.map { ($0.0, $0.1) }, selected: current, all: t("全部", "All"))
    }

    func filters() -> Node<HTML.BodyContext> {
        let colours = DashboardCharts.lights.map { ($0.rawValue, DashboardCharts.colourName($0, en)) }
        let stages = LifecycleStage.allCases.map { ($0.rawValue, en ? $0.englishName : $0.rawValue) }
        let zones = (options[.zone] ?? []) + [SummaryQuery.unassigned]
        return .form(.class("dash-controls"), .method(.get), .action(Site.map.link),
            .label(.text(t("年度", "Year")), .input(.type(.number), .name("year"), .value(String(request.scope.year)))),
            .label(.text(t("统计日期", "As of")), .input(.type(.date), .name("asOf"), .value(request.scope.asOf.iso))),
            select("category", t("类别", "Category"), (options[.category] ?? []).map { ($0, $0) }, filter.category),
            select("colour", t("预警", "Light"), colours, filter.colour?.rawValue),
            select("zone", t("功能区", "Zone"), zones.map { ($0, $0) }, filter.zone),
            select("stage", t("阶段", "Stage"), stages, filter.stage?.rawValue),
            .unwrap(en ? "en" : nil) { .input(.type(.hidden), .name("lang"), .value($0)) },
            .button(.type(.submit), .text(t("筛选", "Filter"))))
    }

    func legend() -> Node<HTML.BodyContext> {
        .div(.class("map-legend"),
            .forEach(DashboardCharts.lights) { c in .span(.span(.class("swatch c-\(c.rawValue)")), .text(DashboardCharts.colourName(c, en))) },
            .span(.span(.class("swatch outside")), .text(t("区界外（坐标待核）", "Outside the district (check)"))),
            .span(.class("muted"), .text(t("圆点大小表示总投资", "Dot size shows total investment"))))
    }

    func card() -> Node<HTML.BodyContext> {
        guard let id = map.selected, let p = map.points.first(where: { $0.id == id }) else {
            return .div(.class("card project-card muted"), .p(.text(t("点击地图上的项目查看项目卡片。", "Click a project on the map to see its card."))))
        }
        let yi = MoneyScale.yi
        return .div(.class("card project-card"), .attribute(named: "id", value: "card"),
            .h2(.text(p.name)),
            .dl(
                .dt(.text(t("编号", "Code"))), .dd(.text(p.code)),
                .dt(.text(t("责任单位", "Unit"))), .dd(.text(p.unit)),
                .dt(.text(t("类别", "Category"))), .dd(.text(p.category)),
                .dt(.text(t("功能区", "Zone"))), .dd(.text(p.zone ?? SummaryQuery.unassigned)),
                .dt(.text(t("阶段", "Stage"))), .dd(.text(p.stage)),
                .dt(.text(t("预警", "Light"))), .dd(.span(.class("light c-\(p.colour ?? "none")"), .text(p.colour.flatMap(WarningColour.init(rawValue:)).map { DashboardCharts.colourName($0, en) } ?? "—"))),
                .dt(.text(t("总投资", "Total investment"))), .dd(.text(yi.label(Double(p.totalInvestment)))),
                .dt(.text(t("年度计划", "Annual plan"))), .dd(.text(p.annualPlan.map { yi.label(Double($0)) } ?? "—"))),
            .p(.a(.href(attr(Layout.link(Site.project.link(p.id.uuidString), lang))), .text(t("项目详情", "Project details")))))
    }

    func projectList(_ title: String, _ points: [MapPointsQuery.Point], _ cssClass: String) -> Node<HTML.BodyContext> {
        guard !points.isEmpty else { return .empty }
        return .div(.class("card \(cssClass)"),
            .h3(.text("\(title)（\(points.count)）")),
            .ul(.forEach(points.prefix(200)) { p in
                .li(.a(.href(attr(Layout.link(Site.project.link(p.id.uuidString), lang))), .text("\(p.code) \(p.name)")))
            }),
            .if(points.count > 200, .p(.class("muted"), .text(t("仅列前 200 个", "First 200 shown")))))
    }

    func outsideList(_ points: [MapPointsQuery.Point]) -> Node<HTML.BodyContext> {
        projectList(t("坐标在区界外，请核实", "Coordinates outside the district: please check"), points, "outside-list")
    }

    func unlocatedList(_ points: [MapPointsQuery.Point]) -> Node<HTML.BodyContext> {
        projectList(t("无坐标，未上图", "No coordinates, not on the map"), points, "unlocated-list")
    }

    func layerInfo() -> Node<HTML.BodyContext> {
        .div(.class("card layer-info"),
            .h3(.text(t("功能区图层", "Zone layer"))),
            .p(.class("muted"), .text(layer.map { t("\($0.year)年图层第 \($0.version) 版，\($0.layer.features.count) 个要素", "\($0.year) layer, version \($0.version), \($0.layer.features.count) features") }
                ?? t("尚未上传功能区图层：按项目坐标范围绘制", "No zone layer uploaded: drawn to the projects' extent"))),
            .if(layer != nil, .p(.a(.href(attr(Site.API.mapZone.link(request.scope.year))), .text(t("下载 GeoJSON", "Download GeoJSON"))))),
            .if(mayUpload, .form(.method(.post), .action(attr(Site.mapZones.link)), .enctype(.multipartData), .csrf(),
                .input(.type(.hidden), .name("year"), .value(String(request.scope.year))),
                .label(.text(t("上传 GeoJSON（边界 boundary、片区 zone、发展轴 axis）", "Upload GeoJSON (boundary, zone, axis)")),
                       .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".geojson,.json,application/geo+json,application/json"))),
                .button(.type(.submit), .text(t("上传", "Upload"))))))
    }
}
