import BallastCore
import Fluent
import Foundation
import SQLKit

/// One district's portfolio totals in a year, as a city or province sees it: no project, unit
/// or name below the district.
public struct DistrictRollup: Sendable, Equatable {
    public var code: String
    public var name: String
    public var projects: Int
    public var totalInvestment: Money
    public var annualPlan: Money
}

/// Every district's portfolio totals for a year, in one GROUP BY. Districts without a ledger
/// that year appear with zeros, so a missing report shows as such.
public enum RollupQuery {
    public static func run(year: Int, on db: any Database) async throws -> [DistrictRollup] {
        let sql = try db.sql()
        return try await sql.raw("""
            SELECT d.code, d.name, COUNT(yp.id) AS projects,
                   CAST(COALESCE(SUM(p.total_investment), 0) AS BIGINT) AS total,
                   CAST(COALESCE(SUM(yp.annual_plan), 0) AS BIGINT) AS plan
            FROM districts d
            LEFT JOIN year_plans yp ON yp.district_id = d.id AND yp.year = \(bind: year) AND yp.annual_plan IS NOT NULL
            LEFT JOIN projects p ON p.id = yp.project_id
            GROUP BY d.code, d.name
            ORDER BY d.code
            """).all().map { row in
            DistrictRollup(code: try row.decode(column: "code", as: String.self),
                           name: try row.decode(column: "name", as: String.self),
                           projects: try row.decode(column: "projects", as: Int.self),
                           totalInvestment: Money(yuan: try row.decode(column: "total", as: Int64.self)),
                           annualPlan: Money(yuan: try row.decode(column: "plan", as: Int64.self)))
        }
    }
}
