import BallastCore
import Fluent
import Foundation
import SQLKit

/// The year summary, aggregated in the database: one GROUP BY per breakdown, never a loop
/// over projects in Swift.
public enum SummaryQuery {
    /// Name given to projects whose year plan has no zone.
    public static let unassigned = "未划分"

    enum Breakdown {
        case category, level, zone, unit

        /// The reference entry each breakdown groups by.
        var joinColumn: SQLQueryString {
            switch self {
            case .category: "p.category_id"
            case .level: "yp.level_id"
            case .zone: "yp.zone_id"
            case .unit: "p.unit_id"
            }
        }
    }

    /// `scopeUnitID` narrows every figure to one unit's projects, as the dashboard does for a
    /// unit's user. `alongside`, when given, is a second connection: the zones, the units and
    /// the pools are counted there while the rest is counted on `db` (each breakdown is a pass
    /// over the portfolio's reports: at 6 000 projects, 25 ms each).
    public static func run(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID? = nil, on db: any Database,
                           alongside: (any Database)? = nil) async throws -> YearSummary {
        let sql = try db.sql()
        let other = alongside ?? db, otherSQL = try other.sql()
        // Completed counts approved months up to the as-of month of the year.
        let month = asOf.year > year ? 12 : asOf.year < year ? 0 : asOf.month
        let scope = Scope(districtID: districtID, year: year, month: month, asOf: asOf, scopeUnitID: scopeUnitID)
        async let sideGroups = (zone: group(.zone, scope, sql: otherSQL), unit: group(.unit, scope, sql: otherSQL),
                                pools: pools(districtID: districtID, year: year, asOf: asOf, scopeUnitID: scopeUnitID, on: other))
        let totals = try await group(nil, scope, sql: sql).first
        let byCategory = try await group(.category, scope, sql: sql), byLevel = try await group(.level, scope, sql: sql)
        let side = try await sideGroups
        var summary = YearSummary(
            year: year, asOf: asOf,
            projects: totals?.projects ?? 0,
            totalInvestment: totals?.totalInvestment ?? .zero,
            annualPlan: totals?.annualPlan ?? .zero,
            completed: totals?.completed ?? .zero,
            byCategory: byCategory,
            byLevel: byLevel,
            byZone: side.zone,
            byUnit: side.unit,
            pools: side.pools)
        summary.colours = try await colours(scope, on: try await ColourAsOf.resolve(districtID: districtID, year: year, on: asOf, db: db), sql: sql)
        return summary
    }

    struct Scope {
        var districtID: UUID
        var year: Int
        var month: Int
        /// The day the portfolio is counted on (`Portfolio`).
        var asOf: CalendarDate
        var scopeUnitID: UUID? = nil

        /// One unit's projects (of `p`), or every project.
        var unit: SQLQueryString { scopeUnitID.map { " AND p.unit_id = \(bind: $0)" } ?? "" }
    }

    /// The colours of the year's portfolio on the day, counted in the database.
    static func colours(_ s: Scope, on colours: ColourAsOf, sql: any SQLDatabase) async throws -> [WarningColour: Int] {
        var out = Dictionary(uniqueKeysWithValues: WarningColour.allCases.map { ($0, 0) })
        for row in try await sql.raw("SELECT w.colour, COUNT(*) AS n FROM " + colours.subquery + " w"
            + " JOIN year_plans yp ON yp.project_id = w.project_id AND yp.year = \(bind: s.year) AND" + Portfolio.on(s.asOf)
            + " JOIN projects p ON p.id = w.project_id" + s.unit
            + " GROUP BY w.colour").all() {
            if let colour = WarningColour(rawValue: try row.decode(column: "colour", as: String.self)) {
                out[colour] = try row.decode(column: "n", as: Int.self)
            }
        }
        return out
    }

    /// Portfolio figures grouped by a breakdown, or in total when `breakdown` is nil.
    static func group(_ breakdown: Breakdown?, _ s: Scope, sql: any SQLDatabase) async throws -> [YearSummary.Group] {
        let figures: SQLQueryString = """
            COUNT(*) AS projects,
            CAST(COALESCE(SUM(p.total_investment), 0) AS BIGINT) AS total,
            CAST(COALESCE(SUM(
            """ + Portfolio.plan(on: s.asOf) + """
            ), 0) AS BIGINT) AS plan,
            CAST(COALESCE(SUM(c.done), 0) AS BIGINT) AS completed
            """
        let from: SQLQueryString = " FROM year_plans yp JOIN projects p ON p.id = yp.project_id LEFT JOIN "
            + CompletedQuery.subquery(districtID: s.districtID, year: s.year, throughMonth: s.month) + " c ON c.project_id = p.id "
        let portfolio: SQLQueryString = """
             WHERE yp.district_id = \(bind: s.districtID) AND yp.year = \(bind: s.year) AND
            """ + Portfolio.on(s.asOf) + s.unit
        let query: SQLQueryString
        if let breakdown {
            query = "SELECT g.name AS name, MIN(g.sort) AS sort, " + figures + from
                + "LEFT JOIN reference_entries g ON g.id = " + breakdown.joinColumn + portfolio
                + " GROUP BY g.name ORDER BY MIN(g.sort), total DESC, g.name"
        } else {
            query = "SELECT NULL AS name, " + figures + from + portfolio
        }
        return try await sql.raw(query).all().map { row in
            YearSummary.Group(
                name: try row.decodeNil(column: "name") ? unassigned : row.decode(column: "name", as: String.self),
                projects: try row.decode(column: "projects", as: Int.self),
                totalInvestment: Money(yuan: try row.decode(column: "total", as: Int64.self)),
                annualPlan: Money(yuan: try row.decode(column: "plan", as: Int64.self)),
                completed: Money(yuan: try row.decode(column: "completed", as: Int64.self)))
        }
    }

    /// The four pools at the end of the day: the pipeline's own count (`PipelineQuery.poolsAt`),
    /// so the summary, the dashboard and the pipeline page show one number.
    static func pools(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID?, on db: any Database) async throws -> [YearSummary.Pool] {
        let (now, _) = try await PipelineQuery.poolsAt(districtID: districtID, year: year, asOf: asOf, scopeUnitID: scopeUnitID, on: db)
        return LifecycleStage.pools.map { stage in
            let (count, total) = now[stage.rawValue] ?? (0, 0)
            return YearSummary.Pool(stage: stage, projects: count, totalInvestment: Money(yuan: total))
        }
    }
}
