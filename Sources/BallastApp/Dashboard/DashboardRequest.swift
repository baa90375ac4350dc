import BallastCore
import BallastStore
import Fluent
import Vapor

/// What a dashboard, map or big screen is asked for: the year, the day (today unless a past
/// day is asked for: the comparison with any earlier date), and the signed-in user's scope.
package struct DashboardRequest {
    package init(district: DistrictModel, scope: DashboardQuery.Scope, lang: UILanguage) {
        self.district = district; self.scope = scope; self.lang = lang
    }

    var district: DistrictModel
    var scope: DashboardQuery.Scope
    var lang: UILanguage

    static func from(_ req: Request) async throws -> DashboardRequest {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let asOf = try RequestParameters.pastDay(req, district: d, year: year)
        let today = DistrictContext.today(in: d)
        let scope = DashboardQuery.Scope(districtID: try d.requireID(), year: year, asOf: asOf, today: today,
                                         scopeUnitID: try req.requirePrincipal().scopeUnitID)
        return DashboardRequest(district: d, scope: scope, lang: req.language)
    }

    /// The query string that keeps the year and a past day in every drill-down link.
    var keep: String {
        "year=\(scope.year)" + (scope.asOf < scope.today ? "&asOf=\(scope.asOf.iso)" : "")
    }

    /// A drill-down link: the path with the dashboard's year and day, then `extra`, in the page's language.
    func link(_ path: String, _ extra: String = "") -> String {
        Layout.link(path + (path.contains("?") ? "&" : "?") + keep + extra, lang)
    }

    /// The dashboard's figures and its map of every project in scope, for the page and the big
    /// screen. The map's projects are read and drawn while the figures are still being counted:
    /// at 6 000 projects the drawing alone takes tens of milliseconds, which would otherwise
    /// wait for the last figure.
    /// With `kept`, both are kept under the district's data version (`Request.answer`): the big
    /// screens' minute polls and a Monday's dashboards work them out once per change.
    package func figuresAndMap(on db: any Database, alongside: (any Database)?, width: Double, height: Double,
                               kept req: Request? = nil) async throws -> (DashboardFigures, String) {
        let scope = self.scope, request = self
        async let figures = Self.kept(req, "dashboard \(scope.year) \(scope.asOf.iso)") {
            try await DashboardQuery.run(scope, on: db, alongside: alongside)
        }
        let svg = try await Self.kept(req, "dashboard-map \(scope.year) \(scope.asOf.iso) \(Int(width))x\(Int(height)) \(lang.rawValue)", weight: \.utf8.count) {
            let layer = try await MapLayers.current(districtID: scope.districtID, year: scope.year, on: db)
            let points = try await MapPointsQuery.run(scope, filter: .init(), on: db)
            return request.map(points, layer: layer?.layer, width: width, height: height).svg()
        }
        return (try await figures, svg)
    }

    /// `compute`'s answer, kept for the request's caller when there is a request.
    static func kept<T: Sendable>(_ req: Request?, _ what: String, weight: @escaping @Sendable (T) -> Int = { _ in 4_096 },
                                  _ compute: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let req else { return try await compute() }
        return try await req.answer(what, weight: weight, compute)
    }

    /// The dashboard's map: every dot opens its project's card on the map page.
    package func map(_ points: [MapPointsQuery.Point], layer: MapLayer?, width: Double, height: Double) -> DistrictMap {
        DashboardController.districtMap(self, points: points, layer: layer, width: width, height: height) { p in
            link(Site.map.link, "&project=\(p.id.uuidString)#card")
        }
    }
}
