import BallastCore
import Fluent
import Foundation
import SQLKit

/// The year's portfolio projects to put on the map, filtered as the map's controls say, each
/// with its colour on the day. Projects with no coordinates come too (the map lists them
/// beside itself rather than dropping them).
public enum MapPointsQuery {
    public struct Point: Sendable, Equatable, Codable {
        public var id: UUID
        public var code: String
        public var name: String
        public var unit: String
        public var category: String
        public var zone: String?
        public var stage: String
        public var colour: String?
        public var totalInvestment: Int64
        public var annualPlan: Int64?
        public var lng: Double?
        public var lat: Double?
    }

    public struct Filter: Sendable, Equatable {
        public var category: String?
        public var colour: WarningColour?
        public var zone: String?
        public var stage: LifecycleStage?
        public init(category: String? = nil, colour: WarningColour? = nil, zone: String? = nil, stage: LifecycleStage? = nil) {
            self.category = category; self.colour = colour; self.zone = zone; self.stage = stage
        }
    }

    public static func run(_ scope: DashboardQuery.Scope, filter: Filter, on db: any Database) async throws -> [Point] {
        let sql = try db.sql()
        var q: SQLQueryString = """
            SELECT p.id, p.code, p.name, un.name AS unit, cat.name AS category, zn.name AS zone, p.stage, col.colour,
                   p.total_investment,
            """ + Portfolio.plan(on: scope.asOf) + """
             AS annual_plan, p.longitude, p.latitude
            FROM projects p
            """
        q += scope.portfolio()
        q += " JOIN reference_entries un ON un.id = p.unit_id JOIN reference_entries cat ON cat.id = p.category_id"
        q += " LEFT JOIN reference_entries zn ON zn.id = yp.zone_id LEFT JOIN "
            + (try await ColourAsOf.resolve(districtID: scope.districtID, year: scope.year, on: scope.asOf, db: db)).subquery + " col ON col.project_id = p.id"
        q += " WHERE p.district_id = \(bind: scope.districtID)"
        if let v = filter.category { q += " AND cat.name = \(bind: v)" }
        if let v = filter.colour { q += " AND col.colour = \(bind: v.rawValue)" }
        if let v = filter.zone { q += v == SummaryQuery.unassigned ? " AND yp.zone_id IS NULL" : " AND zn.name = \(bind: v)" }
        if let v = filter.stage { q += " AND p.stage = \(bind: v.rawValue)" }
        // Largest first, so small dots are drawn last and stay clickable on top of big ones.
        q += " ORDER BY p.total_investment DESC, p.code"
        return try await sql.raw(q).all().map { r in
            Point(id: try r.decode(column: "id", as: UUID.self), code: try r.decode(column: "code", as: String.self),
                  name: try r.decode(column: "name", as: String.self), unit: try r.decode(column: "unit", as: String.self),
                  category: try r.decode(column: "category", as: String.self), zone: try r.decode(column: "zone", as: String?.self),
                  stage: try r.decode(column: "stage", as: String.self), colour: try r.decode(column: "colour", as: String?.self),
                  totalInvestment: try r.decode(column: "total_investment", as: Int64.self),
                  annualPlan: try r.decode(column: "annual_plan", as: Int64?.self),
                  lng: try r.decode(column: "longitude", as: Double?.self), lat: try r.decode(column: "latitude", as: Double?.self))
        }
    }
}
