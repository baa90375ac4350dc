import BallastCore
import Fluent
import Foundation
import SQLKit

/// The figures the district reports of its problems, counted in SQL. For a period and an
/// as-of day: problems raised in the period, and of them how many were solved by that day,
/// how many on time, how many still open and overdue then, and the days they took. A past
/// day reads each problem's last step by then, so the figures are what they were.
public enum ProblemFigures {
    public enum Grouping: String, Sendable, CaseIterable {
        case total, unit, category
        /// By 责任领导: a 批示's giver (`LeaderDesk.figures`).
        case leader
    }

    public struct Line: Sendable, Equatable {
        public var group: String
        public var tally: ProblemTally
    }

    public static func run(districtID: UUID, from: CalendarDate, to: CalendarDate, asOf: CalendarDate, by grouping: Grouping,
                           kind: ProblemKind? = .problem, scopeUnitID: UUID?, today: CalendarDate? = nil, on db: any Database) async throws -> [Line] {
        let sql = try db.sql()
        let postgres = sql.dialect.name == "postgresql"
        let last: SQLQueryString = "FROM problem_steps s WHERE s.problem_id = p.id AND s.effective_on <= \(bind: asOf.iso)"
        let lastResolve: SQLQueryString = last + " AND s.action = 'resolve'"
        var where_: SQLQueryString = """
            p.district_id = \(bind: districtID) AND p.raised_on >= \(bind: from.iso) AND p.raised_on <= \(bind: to.iso)
             AND p.raised_on <= \(bind: asOf.iso)
            """ + ProblemScope.visible(to: scopeUnitID)
        if let kind { where_ += " AND p.kind = \(bind: kind.rawValue)" }
        let group: SQLQueryString = switch grouping {
        case .total: "''"
        case .unit: "COALESCE(u.name, '')"
        case .category: "p.category"
        case .leader: "COALESCE(p.leader, '')"
        }
        // On or after today a problem's own columns are its state: a deadline moves only while it
        // is open, so the one it carries is the one it was resolved against. Past days read the
        // last step by then, which costs a lookup per problem.
        let current: SQLQueryString = "SELECT " + group + " AS grp, p.raised_on, p.status, p.deadline, p.resolved_on, p.deadline AS resolved_deadline"
            + " FROM problems p LEFT JOIN reference_entries u ON u.id = p.lead_unit_id WHERE " + where_
        let then = ProblemQuery.stateOn(asOf)
        let state: SQLQueryString = today.map { asOf >= $0 } ?? false ? current : "SELECT " + group + " AS grp, p.raised_on, " + then.status
            + " AS status, " + then.deadline + " AS deadline, (SELECT s.effective_on " + lastResolve
            + " ORDER BY s.seq DESC LIMIT 1) AS resolved_on, (SELECT s.deadline " + lastResolve
            + " ORDER BY s.seq DESC LIMIT 1) AS resolved_deadline FROM problems p LEFT JOIN reference_entries u ON u.id = p.lead_unit_id WHERE "
            + where_
        let solved: SQLQueryString = "st.status IN (\(binds: ProblemQuery.solvedStatuses))"
        let days: SQLQueryString = postgres ? "(CAST(st.resolved_on AS DATE) - CAST(st.raised_on AS DATE))"
            : "CAST(julianday(st.resolved_on) - julianday(st.raised_on) AS INTEGER)"
        let q: SQLQueryString = "SELECT st.grp, COUNT(*) AS raised, SUM(CASE WHEN " + solved + " THEN 1 ELSE 0 END) AS solved, SUM(CASE WHEN " + solved
            + " AND (st.resolved_deadline IS NULL OR st.resolved_on <= st.resolved_deadline) THEN 1 ELSE 0 END) AS on_time, SUM(CASE WHEN " + solved
            + " THEN 0 ELSE 1 END) AS still_open, SUM(CASE WHEN " + ProblemQuery.overdue(status: "st.status", deadline: "st.deadline", on: asOf) + " THEN 1 ELSE 0 END) AS overdue,"
            + " SUM(CASE WHEN " + solved + " THEN " + days + " ELSE 0 END) AS days FROM (" + state + ") st GROUP BY st.grp ORDER BY st.grp"
        return try await sql.raw(q).all().map { r in
            let n = { (c: String) in try r.decode(column: c, as: Int?.self) ?? 0 }
            return Line(group: try r.decode(column: "grp", as: String.self),
                        tally: ProblemTally(raised: try n("raised"), solved: try n("solved"), onTime: try n("on_time"), open: try n("still_open"),
                                            overdue: try n("overdue"), daysToResolve: try n("days")))
        }
    }

    /// 逾期 by lead unit now: open problems and decisions past their deadline, most first.
    /// Read from the problems themselves (their index holds status, deadline and unit), so it
    /// stays quick over hundreds of thousands of problems.
    public static func overdueByUnit(districtID: UUID, today: CalendarDate, scopeUnitID: UUID?, on db: any Database) async throws -> [(unit: String, overdue: Int)] {
        let sql = try db.sql()
        return try await sql.raw("""
            SELECT u.name AS unit, c.n FROM (
              SELECT p.lead_unit_id, COUNT(*) AS n FROM problems p
              WHERE p.district_id = \(bind: districtID) AND
            """ + ProblemQuery.overdue(status: "p.status", deadline: "p.deadline", on: today) + ProblemScope.visible(to: scopeUnitID) + """
              GROUP BY p.lead_unit_id) c JOIN reference_entries u ON u.id = c.lead_unit_id ORDER BY c.n DESC, u.name
            """).all().map { (try $0.decode(column: "unit", as: String.self), try $0.decode(column: "n", as: Int.self)) }
    }
}
