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
        var colours: [String: Int]
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
        return RollupDTO(year: year, districts: rows.map {
            RowDTO(district: $0.code, name: $0.name, asOf: $0.asOf.iso, projects: $0.projects,
                   totalInvestment: $0.totalInvestment.rounded(in: .wan, places: 4),
                   annualPlan: $0.annualPlan.rounded(in: .wan, places: 4), completed: $0.completed.rounded(in: .wan, places: 4),
                   completionRate: $0.completionRate, colours: Dictionary(uniqueKeysWithValues: $0.colours.map { ($0.key.rawValue, $0.value) }))
        })
    }

    func page(req: Request) async throws -> Response {
        let (year, rows) = try await rows(req)
        return .html(RollupPage.render(year: year, rows: rows, lang: req.language))
    }
}
