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
        var projects: Int
        var totalInvestment: Double
        var annualPlan: Double
    }

    struct RollupDTO: Content {
        var year: Int
        var districts: [RowDTO]
    }

    func api(req: Request) async throws -> RollupDTO {
        let year = try await year(req)
        let rows = try await RollupQuery.run(year: year, on: req.db)
        return RollupDTO(year: year, districts: rows.map {
            RowDTO(district: $0.code, name: $0.name, projects: $0.projects,
                   totalInvestment: $0.totalInvestment.rounded(in: .wan, places: 4),
                   annualPlan: $0.annualPlan.rounded(in: .wan, places: 4))
        })
    }

    func page(req: Request) async throws -> Response {
        let year = try await year(req)
        let rows = try await RollupQuery.run(year: year, on: req.db)
        return .html(RollupPage.render(year: year, rows: rows, lang: req.language))
    }
}
