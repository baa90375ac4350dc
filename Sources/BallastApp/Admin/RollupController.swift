import BallastCore
import BallastStore
import Fluent
import Vapor

/// `/rollup` and `/api/v1/rollup`: every district's portfolio totals for city and province
/// users (上级汇总). They read no district's projects, units or names; districts stay tenants.
struct RollupController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let rollup = routes.access(.requires(.readRollups))
        rollup.get(Site.rollup, use: page)
        rollup.get(Site.API.rollup, use: api)
        rollup.get(Site.rollupDistrict, use: districtPage)
        rollup.get(Site.API.rollupDistrict, use: districtAPI)
    }

    /// The asked year, else the latest year any district has a ledger for.
    func year(_ req: Request) async throws -> Int {
        if let y = try RequestParameters.year(req) { return y }
        return try await PlanYears.latest(districtID: nil, on: req.db)
            ?? Calendar(identifier: .gregorian).component(.year, from: Date())
    }

    struct RowDTO: Content {
        var district: String
        var name: String
        var asOf: String
        var projects: Int
        /// 万元.
        var totalInvestment: Double
        var annualPlan: Double
        var completed: Double
        /// A share of 1; absent without a plan.
        var completionRate: Double?
        /// 时序进度 of `asOf`, a share of 1.
        var timeProgress: Double
        var colours: [String: Int]

        init(_ r: DistrictRollup) {
            district = r.code; name = r.name; asOf = r.asOf.iso; projects = r.projects
            totalInvestment = r.totalInvestment.rounded(in: .wan, places: 4)
            annualPlan = r.annualPlan.rounded(in: .wan, places: 4); completed = r.completed.rounded(in: .wan, places: 4)
            completionRate = r.completionRate; timeProgress = r.timeProgress
            colours = Dictionary(uniqueKeysWithValues: r.colours.map { ($0.key.rawValue, $0.value) })
        }
    }

    struct DistrictDTO: Content {
        var year: Int
        var district: RowDTO
        // The district's own summary's shapes (`/api/v1/summary`), without its units.
        var byCategory: [SummaryDTO.Group]
        var byLevel: [SummaryDTO.Group]
        var byZone: [SummaryDTO.Group]
        var pools: [SummaryDTO.Pool]
    }

    struct RollupDTO: Content {
        var year: Int
        var districts: [RowDTO]
    }

    /// `?year=&asOf=`: each district's year summary of the day (by default its judging day).
    func rows(_ req: Request) async throws -> (Int, [DistrictRollup]) {
        let year = try await year(req)
        return (year, try await RollupQuery.run(year: year, asOf: try RequestParameters.asOfParameter(req), today: { DistrictContext.today(in: $0) }, on: req.db))
    }

    func api(req: Request) async throws -> RollupDTO {
        let (year, rows) = try await rows(req)
        return RollupDTO(year: year, districts: rows.map(RowDTO.init))
    }

    /// `/rollup/:district?year=&asOf=`: the district's year summary without its units; 404 for an unknown code.
    func district(_ req: Request) async throws -> (Int, DistrictRollupDetail) {
        let year = try await year(req)
        guard let code = req.parameters.get("district"),
              let d = try await RollupQuery.district(code: code, year: year, asOf: try RequestParameters.asOfParameter(req),
                                                     today: { DistrictContext.today(in: $0) }, on: req.db)
        else { throw BallastError.notFound(AdminText.noSuchDistrict.message) }
        return (year, d)
    }

    func districtAPI(req: Request) async throws -> DistrictDTO {
        let (year, d) = try await district(req)
        let s = d.summary
        return DistrictDTO(year: year, district: RowDTO(d.rollup), byCategory: s.byCategory.map(SummaryDTO.Group.init),
                           byLevel: s.byLevel.map(SummaryDTO.Group.init), byZone: s.byZone.map(SummaryDTO.Group.init),
                           pools: s.pools.map(SummaryDTO.Pool.init))
    }

    func districtPage(req: Request) async throws -> Response {
        let (year, d) = try await district(req)
        return .html(RollupPage.district(year: year, detail: d, lang: req.language))
    }

    func page(req: Request) async throws -> Response {
        let (year, rows) = try await rows(req)
        return .html(RollupPage.render(year: year, rows: rows, lang: req.language))
    }
}
