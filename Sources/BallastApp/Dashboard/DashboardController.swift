import BallastCore
import BallastStore
import Fluent
import Vapor

/// 挂图作战: the dashboard (the signed-in home page), the district map and the big screen, with
/// their figures as JSON. Everyone who reads the summary may look (a unit's user sees its own
/// projects); the project office uploads the zone map.
struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readSummary))
        read.get(use: page)
        read.get(Site.API.dashboard, use: figuresAPI)
        read.get(Site.map, use: mapPage)
        read.get(Site.API.mapPoints, use: pointsAPI)
        read.get(Site.API.mapZone, use: zonesAPI)
        read.get(Site.screen, use: screen)
        read.get(Site.screenPanels, use: screenPanels)
        let office = routes.access(.requires(.manageLists))
        office.on(.PUT, Site.API.mapZone, body: .collect(maxSize: "8mb"), use: uploadZonesAPI)
            .uploads("8mb")
        office.on(.POST, Site.mapZones, body: .collect(maxSize: "8mb"), use: uploadZonesPage)
            .uploads("8mb")
    }

    /// The map on the dashboard and the big screen: every project of the scope, no filters.
    static let tilesVariable = "BALLAST_MAP_TILES"

    static func districtMap(_ r: DashboardRequest, points: [MapPointsQuery.Point], layer: MapLayer?, width: Double, height: Double,
                            selected: UUID? = nil, href: @escaping (MapPointsQuery.Point) -> String) -> DistrictMap {
        DistrictMap(id: "district-map", layer: layer, points: points, width: width, height: height, href: href,
                    title: DashboardText.mapSVGTitle(district: r.district.name).text(r.lang),
                    tiles: Environment.get(tilesVariable).flatMap { $0.isEmpty ? nil : $0 }, selected: selected, english: r.lang == .en)
    }

    func page(req: Request) async throws -> Response {
        let r = try await DashboardRequest.from(req)
        let (figures, map) = try await r.figuresAndMap(on: req.db, alongside: req.dbAlongside, width: 960, height: 600, kept: req)
        var page = DashboardPage(request: r, figures: figures, map: map)
        // A leader's own 分包 projects come first, as of the dashboard's day.
        if let leader = try req.requirePrincipal().leaderName {
            let scope = r.scope, db = req.db
            page.own = (leader, try await req.answer("leader-projects \(leader) \(scope.year) \(scope.asOf.iso)") {
                try await LeaderProjects.run(districtID: scope.districtID, year: scope.year, day: scope.asOf, leader: leader, on: db)
            })
        }
        return .html(page.render())
    }

    func figuresAPI(req: Request) async throws -> Response {
        let r = try await DashboardRequest.from(req)
        return try await Self.json(DashboardQuery.run(r.scope, on: req.db, alongside: req.dbAlongside))
    }

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(value)))
    }

    func filter(_ req: Request) throws -> MapPointsQuery.Filter {
        func text(_ key: String) -> String? {
            guard let v = req.param(key)?.trimmed, !v.isEmpty else { return nil }
            return v
        }
        return MapPointsQuery.Filter(category: text("category"), colour: try RequestParameters.colour(req), zone: text("zone"),
                                     stage: try RequestParameters.stage(req))
    }

    func mapPage(req: Request) async throws -> Response {
        try await mapPage(req, notice: nil, status: .ok)
    }

    func mapPage(_ req: Request, notice: PageNotice?, status: HTTPStatus) async throws -> Response {
        let r = try await DashboardRequest.from(req)
        let f = try filter(req)
        let scope = r.scope, district = r.district, db = req.db
        let model = try await req.answer("map-page \(scope.year) \(scope.asOf.iso) \(f)") {
            try await MapPageModel.load(scope: scope, district: district, filter: f, on: db)
        }
        // Only a dot on this map is selected (an id from elsewhere selects nothing, and is not
        // kept as a map of its own).
        let selected = req.param("project").flatMap(UUID.init(uuidString:)).flatMap { id in model.points.contains { $0.id == id } ? id : nil }
        // The drawn map is kept too, for its filter, selected dot and language: at 6 000 dots the
        // drawing took 50 of the kept page's 54 ms.
        let map = try await req.answer("map-svg \(scope.year) \(scope.asOf.iso) \(f) \(selected?.uuidString ?? "-") \(r.lang.rawValue)",
                                       weight: { $0.svg.utf8.count }) {
            Self.districtMap(r, points: model.points, layer: model.layer?.layer, width: 960, height: 720, selected: selected) { p in
                Layout.link(Site.map.link + "?" + MapPage.query(r, f, selected: p.id), r.lang) + "#card"
            }.drawn()
        }
        let page = MapPage(request: r, filter: f, model: model, map: map, mayUpload: try req.requirePrincipal().may(.manageLists), notice: notice)
        return .html(page.render(), status: status)
    }

    struct PointDTO: Content {
        var point: MapPointsQuery.Point
        var outside: Bool
    }

    struct PointsDTO: Content {
        var year: Int
        var asOf: String
        var points: [MapPointsQuery.Point]
        /// Ids of projects whose coordinates lie outside the district's boundary.
        var outside: [UUID]
        /// Ids of projects with no coordinates.
        var unlocated: [UUID]
    }

    func pointsAPI(req: Request) async throws -> Response {
        let r = try await DashboardRequest.from(req)
        let points = try await MapPointsQuery.run(r.scope, filter: try filter(req), on: req.db)
        let layer = try await MapLayers.current(districtID: r.scope.districtID, year: r.scope.year, on: req.db)
        let place = Self.districtMap(r, points: points, layer: layer?.layer, width: 1, height: 1) { _ in "" }.placement()
        return try Self.json(PointsDTO(year: r.scope.year, asOf: r.scope.asOf.iso, points: points,
                                       outside: place.outside.map(\.id), unlocated: place.unlocated.map(\.id)))
    }

    func year(_ req: Request) throws -> Int {
        guard let raw = req.parameters.get("year") ?? req.param("year"), let y = Int(raw), (2000...2100).contains(y) else {
            throw BallastError.badParameter("year", zh: "年度应为四位数字", en: "year must be a four-digit year")
        }
        return y
    }

    func zonesAPI(req: Request) async throws -> Response {
        let d = try req.district()
        guard let current = try await MapLayers.current(districtID: try d.requireID(), year: try year(req), on: req.db) else {
            throw Abort(.notFound, reason: req.language == .en ? "No zone map for that year" : "该年度没有功能区图层")
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "geo+json", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: "X-Layer-Version", value: "\(current.year)-v\(current.version)")
        return Response(status: .ok, headers: headers, body: .init(string: current.geojson))
    }

    func uploadZonesAPI(req: Request) async throws -> Response {
        let y = try year(req)
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw BallastError.badParameter("body", zh: "请求体应为 GeoJSON", en: "The body must be GeoJSON")
        }
        let ctx = try req.itemContext()
        let saved = try await MapLayers.upload(districtID: ctx.districtID, year: y, geojson: Data(buffer: body), actor: ctx.actor, on: req.db)
        return try Self.json(["year": saved.year, "version": saved.version, "features": saved.layer.features.count])
    }

    func uploadZonesPage(req: Request) async throws -> Response {
        try await PageOutcome.run(req, work: {
            let form = try req.multipartForm()
            let y = try RequestParameters.present(RequestParameters.year(text: form.text("year"), required: true), "year")
            guard let file = form.file("file") else {
                throw BallastError.badParameter("file", zh: "请选择 GeoJSON 文件", en: "Choose a GeoJSON file")
            }
            let ctx = try req.itemContext()
            let saved = try await MapLayers.upload(districtID: ctx.districtID, year: y, geojson: file.data, actor: ctx.actor, on: req.db)
            return DashboardText.zoneLayerSaved(year: y, version: saved.version, features: saved.layer.features.count)
        }, render: { notice, status in try await mapPage(req, notice: notice, status: status) })
    }

    func screen(req: Request) async throws -> Response {
        let r = try await DashboardRequest.from(req)
        let size = try ScreenPage.Size.parse(req.param("size"))
        let seconds = try ScreenPage.refresh(req.param("refresh"))
        return .html(ScreenPage(request: r, size: size, seconds: seconds, panels: try await screenPanelsHTML(req, r, size)).render(), noStore: true)
    }

    func screenPanels(req: Request) async throws -> Response {
        let r = try await DashboardRequest.from(req)
        let size = try ScreenPage.Size.parse(req.param("size"))
        return .html(try await screenPanelsHTML(req, r, size), noStore: true)
    }

    func screenPanelsHTML(_ req: Request, _ r: DashboardRequest, _ size: ScreenPage.Size) async throws -> String {
        let (figures, map) = try await r.figuresAndMap(on: req.db, alongside: req.dbAlongside, width: 700, height: 760, kept: req)
        // The lit list and the month's changes are kept with the figures: the screens poll every minute.
        let scope = r.scope, db = req.db
        let lights = try await req.lights(year: scope.year, asOf: scope.asOf)
        let changes = try await req.answer("month-changes \(scope.year) \(scope.asOf.iso)") { try await MonthChanges.run(scope, on: db) }
        let extras = ScreenPage.Extras(lit: WarningDTO.sorted(lights.filter { $0.outcome.colour == .red || $0.outcome.colour == .yellow }),
                                       changes: changes)
        return ScreenPage.panels(r, figures: figures, extras: extras, map: map, size: size, renderedAt: Date())
    }
}
