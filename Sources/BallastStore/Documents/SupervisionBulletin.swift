import BallastCore
import Fluent
import Foundation
import SQLKit

/// 督查通报: the month's supervision bulletin as the data stood on its as-of day — the units
/// with overdue problems and decisions, the notices issued in the month, the monthly reports
/// not in by the reporting day, and the projects lit all month without improving. Built from
/// the steps' history, so a bulletin for a past month reads that month's state.
public struct SupervisionBulletin: Codable, Sendable, Equatable {
    public struct UnitLine: Codable, Sendable, Equatable {
        public var unit: String
        public var overdueProblems: Int
        public var overdueDecisions: Int
        public var notices: Int
        public var lateReports: Int
    }

    public struct OverdueItem: Codable, Sendable, Equatable {
        public var unit: String
        public var kind: String
        public var title: String
        public var deadline: String
        public var daysOverdue: Int
    }

    public struct NoticeLine: Codable, Sendable, Equatable {
        public var number: String
        public var unit: String
        public var item: String
        public var issuedOn: String
        public var acknowledged: Bool
    }

    public struct LitProject: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public var unit: String
        public var colour: String
        public var since: String
    }

    public var year: Int
    public var month: Int
    public var asOf: String
    public var units: [UnitLine]
    public var overdue: [OverdueItem]
    public var notices: [NoticeLine]
    /// Unit → projects whose month's report was not in by the reporting day.
    public var lateReports: [String: [String]]
    public var litAllMonth: [LitProject]

    public var isEmpty: Bool { overdue.isEmpty && notices.isEmpty && lateReports.isEmpty && litAllMonth.isEmpty }

    public static func build(districtID: UUID, year: Int, month: Int, asOf: CalendarDate, on db: any Database) async throws -> SupervisionBulletin {
        let sql = try db.sql()
        let start = CalendarDate.clamped(year: year, month: month, day: 1)
        let end = CalendarDate.clamped(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        let day = min(asOf, end)
        let overdue = try await overdueItems(districtID: districtID, on: day, sql: sql)
        let notices = try await sql.raw("""
            SELECT n.number, u.name AS unit, n.item, n.issued_on, n.acknowledged_on FROM notices n JOIN reference_entries u ON u.id = n.unit_id
            WHERE n.district_id = \(bind: districtID) AND n.issued_on >= \(bind: start.iso) AND n.issued_on <= \(bind: day.iso) ORDER BY n.seq
            """).all().map { r in
            NoticeLine(number: try r.decode(column: "number", as: String.self), unit: try r.decode(column: "unit", as: String.self),
                       item: try r.decode(column: "item", as: String.self), issuedOn: try r.decode(column: "issued_on", as: String.self),
                       acknowledged: (try r.decode(column: "acknowledged_on", as: String?.self)).map { $0 <= day.iso } ?? false)
        }
        let lateReports = ReportingDeadline.dueDate(year: year, month: month) < day
            ? try await lateReportCodes(districtID: districtID, year: year, month: month, asOf: day, sql: sql) : [:]
        let lit = try await LitProjects.run(districtID: districtID, litBy: LitProjects.wholeMonth(year: year, month: month), stillOn: day, sql: sql).map { r in
            LitProject(code: r.code, name: r.name, unit: r.unit, colour: r.colour, since: r.since.iso)
        }
        var units: [String: UnitLine] = [:]
        func line(_ u: String) -> UnitLine { units[u] ?? UnitLine(unit: u, overdueProblems: 0, overdueDecisions: 0, notices: 0, lateReports: 0) }
        for o in overdue {
            var l = line(o.unit)
            if o.kind == ProblemKind.decision.rawValue { l.overdueDecisions += 1 } else { l.overdueProblems += 1 }
            units[o.unit] = l
        }
        for n in notices { var l = line(n.unit); l.notices += 1; units[n.unit] = l }
        for (u, codes) in lateReports { var l = line(u); l.lateReports = codes.count; units[u] = l }
        let weight = { (l: UnitLine) in l.overdueProblems + l.overdueDecisions + l.notices + l.lateReports }
        return SupervisionBulletin(year: year, month: month, asOf: day.iso,
                                   units: units.values.sorted { weight($0) != weight($1) ? weight($0) > weight($1) : $0.unit < $1.unit },
                                   overdue: overdue, notices: notices, lateReports: lateReports, litAllMonth: lit)
    }

    /// Problems and decisions open and past their deadline on `day`, each read from its last step by then.
    static func overdueItems(districtID: UUID, on day: CalendarDate, sql: any SQLDatabase) async throws -> [OverdueItem] {
        let then = ProblemQuery.stateOn(day)
        let rows = try await sql.raw("SELECT * FROM (SELECT u.name AS unit, p.kind, p.title, " + then.status + " AS status, " + then.deadline
            + " AS deadline FROM problems p JOIN reference_entries u ON u.id = p.lead_unit_id WHERE p.district_id = \(bind: districtID) AND p.raised_on <= \(bind: day.iso)) x"
            + " WHERE " + ProblemQuery.overdue(status: "x.status", deadline: "x.deadline", on: day) + " ORDER BY x.deadline, x.unit, x.title").all()
        return try rows.map { r in
            let deadline = try r.decode(column: "deadline", as: CalendarDate.self)
            return OverdueItem(unit: try r.decode(column: "unit", as: String.self), kind: try r.decode(column: "kind", as: String.self),
                               title: try r.decode(column: "title", as: String.self), deadline: deadline.iso,
                               daysOverdue: deadline.days(until: day))
        }
    }

    /// Unit → codes of the projects that owe the month's report and have none on time (`ReportStanding`: missing, a draft, returned or late).
    static func lateReportCodes(districtID: UUID, year: Int, month: Int, asOf: CalendarDate, sql: any SQLDatabase) async throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for r in try await sql.raw("""
            SELECT u.name AS unit, p.code FROM year_plans yp JOIN projects p ON p.id = yp.project_id JOIN reference_entries u ON u.id = p.unit_id
            LEFT JOIN monthly_reports r ON r.project_id = p.id AND r.year = \(bind: year) AND r.month = \(bind: month)
            WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: year) AND
            """ + ReportsOwed.condition(year: year, month: month, knownBy: asOf) + """
              AND (r.id IS NULL OR NOT
            """ + ReportStanding.onTimeCondition("r") + """
            ) ORDER BY u.name, p.code
            """).all() {
            out[try r.decode(column: "unit", as: String.self), default: []].append(try r.decode(column: "code", as: String.self))
        }
        return out
    }
}
