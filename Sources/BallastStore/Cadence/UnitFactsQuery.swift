import BallastCore
import Fluent
import Foundation
import SQLKit

/// Every unit's facts for a month, one GROUP BY per indicator in the database. The units are
/// those responsible for projects in the year's plan: a unit with no project is not ranked.
public enum UnitFactsQuery {
    public struct Unit: Sendable, Equatable {
        public var id: UUID
        public var name: String
        public var facts: UnitFacts
    }

    public static func run(districtID: UUID, year: Int, month: Int, on db: any Database) async throws -> [Unit] {
        let sql = db as! any SQLDatabase
        let start = CalendarDate(year: year, month: 1, day: 1)!.iso
        let end = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!.iso
        var units: [UUID: Unit] = [:]
        for r in try await sql.raw("""
            SELECT p.unit_id, u.name, COUNT(*) AS n, CAST(COALESCE(SUM(yp.annual_plan), 0) AS BIGINT) AS plan,
                   CAST(COALESCE(SUM(c.done), 0) AS BIGINT) AS done
            FROM year_plans yp JOIN projects p ON p.id = yp.project_id JOIN reference_entries u ON u.id = p.unit_id
            LEFT JOIN 
            """ + CompletedQuery.subquery(districtID: districtID, year: year, throughMonth: month) + """
             c ON c.project_id = p.id
            WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: year) AND yp.annual_plan IS NOT NULL
            GROUP BY p.unit_id, u.name
            """).all() {
            var f = UnitFacts()
            f.projects = try r.decode(column: "n", as: Int.self)
            f.reportsExpected = f.projects
            f.plan = try r.decode(column: "plan", as: Int64.self)
            f.completed = try r.decode(column: "done", as: Int64.self)
            let id = try r.decode(column: "unit_id", as: UUID.self)
            units[id] = Unit(id: id, name: try r.decode(column: "name", as: String.self), facts: f)
        }
        func add(_ query: SQLQueryString, _ apply: (inout UnitFacts, any SQLRow) throws -> Void) async throws {
            for r in try await sql.raw(query).all() {
                guard let id = try r.decode(column: "unit_id", as: UUID?.self), units[id] != nil else { continue }
                try apply(&units[id]!.facts, r)
            }
        }
        let portfolio: SQLQueryString = " JOIN year_plans yp ON yp.project_id = p.id AND yp.year = \(bind: year) AND yp.annual_plan IS NOT NULL"
        // 开工 nodes planned by the month's end, and those reached by then.
        try await add("""
            SELECT p.unit_id, COUNT(*) AS due, SUM(CASE WHEN m.actual IS NOT NULL AND m.actual <= \(bind: end) THEN 1 ELSE 0 END) AS done
            FROM milestones m JOIN projects p ON p.id = m.project_id
            WHERE m.district_id = \(bind: districtID) AND m.year = \(bind: year) AND m.name = '开工' AND m.planned <= \(bind: end)
            GROUP BY p.unit_id
            """) { f, r in f.plannedStarts = try r.decode(column: "due", as: Int.self); f.achievedStarts = try r.decode(column: "done", as: Int.self) }
        // Problems and decisions the unit leads whose deadline fell in the year by the month's end.
        try await add("""
            SELECT p.lead_unit_id AS unit_id, COUNT(*) AS due,
                   SUM(CASE WHEN p.resolved_on IS NOT NULL AND p.resolved_on <= p.deadline THEN 1 ELSE 0 END) AS done
            FROM problems p WHERE p.district_id = \(bind: districtID) AND p.deadline >= \(bind: start) AND p.deadline <= \(bind: end)
            GROUP BY p.lead_unit_id
            """) { f, r in f.problemsDue = try r.decode(column: "due", as: Int.self); f.problemsOnTime = try r.decode(column: "done", as: Int.self) }
        // The month's reports submitted by the reporting day.
        try await add("""
            SELECT p.unit_id, COUNT(*) AS n FROM monthly_reports r JOIN projects p ON p.id = r.project_id
            """ + portfolio + """
             WHERE r.district_id = \(bind: districtID) AND r.year = \(bind: year) AND r.month = \(bind: month)
              AND r.submitted_at IS NOT NULL AND r.late = \(bind: false)
            GROUP BY p.unit_id
            """) { f, r in f.reportsOnTime = try r.decode(column: "n", as: Int.self) }
        // Projects red or yellow at the month's end: each project's last change of colour by then.
        try await add("""
            SELECT x.unit_id, COUNT(*) AS n FROM (
                SELECT p.unit_id, c.to_colour, ROW_NUMBER() OVER (PARTITION BY c.project_id ORDER BY c.on_date DESC) AS k
                FROM warning_changes c JOIN projects p ON p.id = c.project_id
            """ + portfolio + """
                WHERE c.district_id = \(bind: districtID) AND c.year = \(bind: year) AND c.on_date <= \(bind: end)
            ) x WHERE x.k = 1 AND x.to_colour IN ('red', 'yellow') GROUP BY x.unit_id
            """) { f, r in f.litProjects = try r.decode(column: "n", as: Int.self) }
        // Leads signed in the year by the month's end.
        try await add("""
            SELECT l.unit_id, COUNT(*) AS n FROM leads l
            WHERE l.district_id = \(bind: districtID) AND l.signed_on >= \(bind: start) AND l.signed_on <= \(bind: end)
            GROUP BY l.unit_id
            """) { f, r in f.signedLeads = try r.decode(column: "n", as: Int.self) }
        return units.values.sorted { $0.name < $1.name }
    }
}
