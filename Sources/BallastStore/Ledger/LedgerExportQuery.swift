import BallastCore
import Fluent
import Foundation
import SQLKit

/// A year's ledger as records: every project listed that year, in or outside the portfolio,
/// with the names of what it points at. The importer reads this back to the same records.
public enum LedgerExportQuery {
    public static func records(districtID: UUID, year: Int, scopeUnitID: UUID? = nil,
                               projectID: UUID? = nil, on db: any Database) async throws -> [LedgerRecord] {
        let sql = try db.sql()
        var query: SQLQueryString = """
            SELECT p.code, p.name, cat.name AS category, lvl.name AS level, yp.nature, zn.name AS zone,
                   un.name AS unit, ld.name AS leader, tf.name AS task_force, p.stage, p.total_investment,
                   yp.annual_plan, p.planned_start, p.planned_end, p.investor, p.credit_code,
                   p.longitude, p.latitude, p.content, p.project_code
            FROM year_plans yp
            JOIN projects p ON p.id = yp.project_id
            JOIN reference_entries cat ON cat.id = p.category_id
            JOIN reference_entries un ON un.id = p.unit_id
            JOIN reference_entries lvl ON lvl.id = yp.level_id
            LEFT JOIN reference_entries zn ON zn.id = yp.zone_id
            LEFT JOIN reference_entries ld ON ld.id = p.leader_id
            LEFT JOIN reference_entries tf ON tf.id = p.task_force_id
            WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: year)
            """
        if let scopeUnitID { query += " AND p.unit_id = \(bind: scopeUnitID)" }
        if let projectID { query += " AND p.id = \(bind: projectID)" }
        query += " ORDER BY p.code"
        return try await sql.raw(query).all().enumerated().map { index, row in
            LedgerRecord(
                row: index + 2,
                code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                category: try row.decode(column: "category", as: String.self),
                level: try row.decode(column: "level", as: String.self),
                nature: try row.decode(column: "nature", as: String?.self).flatMap(ProjectNature.init(rawValue:)),
                zone: try row.decode(column: "zone", as: String?.self),
                unit: try row.decode(column: "unit", as: String.self),
                leader: try row.decode(column: "leader", as: String?.self),
                taskForce: try row.decode(column: "task_force", as: String?.self),
                stage: LifecycleStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .conceived,
                totalInvestment: Money(yuan: try row.decode(column: "total_investment", as: Int64.self)),
                annualPlan: try row.decode(column: "annual_plan", as: Int64?.self).map(Money.init(yuan:)),
                plannedStart: try row.decode(column: "planned_start", as: String?.self).flatMap(CalendarDate.parse),
                plannedEnd: try row.decode(column: "planned_end", as: String?.self).flatMap(CalendarDate.parse),
                investor: try row.decode(column: "investor", as: String?.self),
                creditCode: try row.decode(column: "credit_code", as: String?.self),
                longitude: try row.decode(column: "longitude", as: Double?.self),
                latitude: try row.decode(column: "latitude", as: Double?.self),
                content: try row.decode(column: "content", as: String?.self),
                projectCode: try row.decode(column: "project_code", as: String?.self))
        }
    }
}
