import BallastCore
import Fluent
import Foundation
import SQLKit

/// Every unit's facts for one or more months of a year, counted in the database: one pass per
/// source (reports, colours, milestones, problems, leads), each month a column of conditional
/// sums, so a ranking with last month's beside it, or a year's assessment, costs what one month
/// does. The units are those responsible for projects in the year's plan: a unit with no
/// project is not ranked.
public enum UnitFactsQuery {
    public struct Unit: Sendable, Equatable {
        public var id: UUID
        public var name: String
        public var facts: UnitFacts
    }

    public static func run(districtID: UUID, year: Int, month: Int, on db: any Database, alongside: (any Database)? = nil) async throws -> [Unit] {
        try await run(districtID: districtID, year: year, months: [month], on: db, alongside: alongside)[month] ?? []
    }

    /// Month → its units, by name.
    /// `alongside`, when given, is a second database handle (another connection) to read from at the same time.
    public static func run(districtID: UUID, year: Int, months: [Int], on db: any Database, alongside: (any Database)? = nil) async throws -> [Int: [Unit]] {
        let months = Array(Set(months.filter { (1...12).contains($0) })).sorted()
        guard let last = months.last else { return [:] }
        let sql = try db.sql()
        let start = CalendarDate.clamped(year: year, month: 1, day: 1).iso
        let ends = months.map { CalendarDate.clamped(year: year, month: $0, day: CalendarDate.daysIn(month: $0, year: year)).iso }
        let cols = months.indices
        func columns(_ each: (Int) -> SQLQueryString) -> SQLQueryString {
            cols.map(each).reduce(SQLQueryString("")) { $0 + ", " + $1 }
        }
        // Unit id → facts per month (index into `months`).
        var facts: [UUID: (name: String, months: [UnitFacts])] = [:]
        // On PostgreSQL the district is named on the plans too, or it hashes every district's
        // plans for the year (50 ms for a 400-project district beside a 60 000-project one).
        // SQLite keeps its plan either way but then checks the district on every plan row it
        // reads: measured slower, so it is not told.
        var portfolio: SQLQueryString = " JOIN year_plans yp ON yp.project_id = p.id"
        if sql.dialect.name == "postgresql" { portfolio += " AND yp.district_id = \(bind: districtID)" }
        portfolio += " AND yp.year = \(bind: year) AND " + Portfolio.everIn()

        // Each month's completed (approved reports to the month's end) and reports on time.
        // PostgreSQL hash-joins the reports to their projects and sums by unit at once; SQLite,
        // which joins row by row, first sums the reports by project along its covering index
        // (migration 028), then joins the 60 000 sums instead of the 360 000 half-year reports.
        let sums: SQLQueryString = columns { i in
            " CAST(SUM(CASE WHEN r.status = 'approved' AND r.month <= \(bind: months[i]) THEN r.amount ELSE 0 END) AS BIGINT) AS d\(unsafeRaw: String(i)),"
                + " SUM(CASE WHEN r.month = \(bind: months[i]) AND " + ReportStanding.onTimeCondition("r") + " THEN 1 ELSE 0 END) AS o\(unsafeRaw: String(i))"
        }
        let reportsWhere: SQLQueryString = " WHERE r.district_id = \(bind: districtID) AND r.year = \(bind: year) AND r.month <= \(bind: last)"
        // A report counts on time only from a project that owed it (`ReportsOwed`), as the
        // expected reports count: a project that joined in June and reported May anyway does not
        // lift May's ratio past 1.
        // In the list at the month's end (动态调整 moves a project in or out from a day) and joined by then.
        func monthEnd(_ i: Int) -> CalendarDate { CalendarDate.clamped(year: year, month: months[i], day: CalendarDate.daysIn(month: months[i], year: year)) }
        func owed(_ i: Int) -> SQLQueryString { Portfolio.on(monthEnd(i)) }
        let reportsByUnit: SQLQueryString
        if sql.dialect.name == "postgresql" {
            let owedSums: SQLQueryString = columns { i in
                " CAST(SUM(CASE WHEN r.status = 'approved' AND r.month <= \(bind: months[i]) THEN r.amount ELSE 0 END) AS BIGINT) AS d\(unsafeRaw: String(i)),"
                    + " SUM(CASE WHEN r.month = \(bind: months[i]) AND " + ReportStanding.onTimeCondition("r") + " AND " + owed(i) + " THEN 1 ELSE 0 END) AS o\(unsafeRaw: String(i))"
            }
            reportsByUnit = "SELECT p.unit_id" + owedSums + " FROM monthly_reports r JOIN projects p ON p.id = r.project_id" + portfolio + reportsWhere + " GROUP BY p.unit_id"
        } else {
            reportsByUnit = "SELECT p.unit_id" + columns { i in " CAST(SUM(x.d\(unsafeRaw: String(i))) AS BIGINT) AS d\(unsafeRaw: String(i)), SUM(CASE WHEN " + owed(i) + " THEN x.o\(unsafeRaw: String(i)) ELSE 0 END) AS o\(unsafeRaw: String(i))" }
                + " FROM (SELECT r.project_id" + sums + " FROM monthly_reports r" + reportsWhere + " GROUP BY r.project_id) x JOIN projects p ON p.id = x.project_id"
                + portfolio + " GROUP BY p.unit_id"
        }
        // The reports are the costliest source: they are read beside the others, on the second
        // connection when there is one (SQLite gives each event loop one connection and runs one
        // query at a time on it), so the two cores share the work.
        async let reportRows = (try (alongside ?? db).sql()).raw(reportsByUnit).all()

        // The portfolio and its plan at each month's end (`Portfolio`: a plan made in June is not
        // among March's); the units' names are looked up once a unit, not once a project.
        let perMonth: SQLQueryString = columns { i in
            " SUM(CASE WHEN " + owed(i) + " THEN 1 ELSE 0 END) AS n\(unsafeRaw: String(i)),"
                + " CAST(COALESCE(SUM(CASE WHEN " + owed(i) + " THEN " + Portfolio.plan(on: monthEnd(i)) + " ELSE 0 END), 0) AS BIGINT) AS plan\(unsafeRaw: String(i))"
        }
        for r in try await sql.raw("SELECT g.*, u.name FROM (SELECT p.unit_id" + perMonth + """
             FROM year_plans yp JOIN projects p ON p.id = yp.project_id
             WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: year) AND
            """ + Portfolio.everIn() + """
             GROUP BY p.unit_id
            ) g JOIN reference_entries u ON u.id = g.unit_id
            """).all() {
            let monthly = try cols.map { i in
                var base = UnitFacts()
                base.projects = try r.decode(column: "n\(i)", as: Int.self)
                base.reportsExpected = base.projects
                base.plan = try r.decode(column: "plan\(i)", as: Int64.self)
                return base
            }
            facts[try r.decode(column: "unit_id", as: UUID.self)] = (try r.decode(column: "name", as: String.self), monthly)
        }
        func add(_ query: SQLQueryString, _ fill: (inout UnitFacts, any SQLRow, Int) throws -> Void) async throws {
            try apply(rows: try await sql.raw(query).all(), fill)
        }
        func apply(rows: [any SQLRow], _ fill: (inout UnitFacts, any SQLRow, Int) throws -> Void) throws {
            for r in rows {
                guard let id = try r.decode(column: "unit_id", as: UUID?.self), var unitFacts = facts[id] else { continue }
                for i in cols { try fill(&unitFacts.months[i], r, i) }
                facts[id] = unitFacts
            }
        }
        func int(_ r: any SQLRow, _ column: String) throws -> Int { Int(try r.decode(column: column, as: Int64?.self) ?? 0) }
        // The reports each month owes: the unit's plans that had joined the portfolio by the
        // month's end (`ReportsOwed`); a project planned in June owes none for May.
        try await add("SELECT p.unit_id" + columns { i in " SUM(CASE WHEN " + owed(i) + " THEN 1 ELSE 0 END) AS e\(unsafeRaw: String(i))" }
            + " FROM year_plans yp JOIN projects p ON p.id = yp.project_id WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: year)"
            + " AND " + Portfolio.everIn() + " GROUP BY p.unit_id") { f, r, i in
            f.reportsExpected = try int(r, "e\(i)")
        }
        // Corrections to approved figures count in the month they correct.
        try await add("SELECT p.unit_id" + columns { i in " CAST(SUM(CASE WHEN a.month <= \(bind: months[i]) THEN a.delta ELSE 0 END) AS BIGINT) AS d\(unsafeRaw: String(i))" }
            + " FROM report_adjustments a JOIN projects p ON p.id = a.project_id" + portfolio
            + " WHERE a.district_id = \(bind: districtID) AND a.year = \(bind: year) GROUP BY p.unit_id") { f, r, i in
            f.completed += try r.decode(column: "d\(i)", as: Int64?.self) ?? 0
        }
        // The projects lit (red or yellow) at each month's end, by `ColourAsOf`, the rule the
        // dashboard and the bulletins read a day's colours by: the history where it covers the
        // day, else the rule judged then (a month before the year's first judgement counted no
        // project lit when this read only the history). One query a month.
        for (i, month) in months.enumerated() {
            let end = CalendarDate.clamped(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
            let colours = try await ColourAsOf.resolve(districtID: districtID, year: year, on: end, db: db)
            // A day before the year's first judgement is judged by the rule here, and each judged
            // project names its unit: counted as it is, not joined back through a list of every
            // project's id bound into the query (38 ms of a 6 000-project ranking's 170).
            if case .judged(let judged) = colours.source {
                var lit: [UUID: Int] = [:]
                for w in judged where w.outcome.colour == .red || w.outcome.colour == .yellow { lit[w.unitID, default: 0] += 1 }
                for (id, n) in lit where facts[id] != nil { facts[id]?.months[i].litProjects = n }
                continue
            }
            for r in try await sql.raw("SELECT p.unit_id, SUM(CASE WHEN col.colour IN ('red', 'yellow') THEN 1 ELSE 0 END) AS lit FROM "
                                       + colours.subquery + " col JOIN projects p ON p.id = col.project_id" + portfolio + " GROUP BY p.unit_id").all() {
                guard let id = try r.decode(column: "unit_id", as: UUID?.self), facts[id] != nil else { continue }
                facts[id]?.months[i].litProjects = try int(r, "lit")
            }
        }
        // 开工 nodes planned by each month's end, and those reached by then.
        try await add("SELECT p.unit_id" + columns { i in
            " SUM(CASE WHEN m.planned <= \(bind: ends[i]) THEN 1 ELSE 0 END) AS due\(unsafeRaw: String(i)),"
                + " SUM(CASE WHEN m.planned <= \(bind: ends[i]) AND m.actual IS NOT NULL AND m.actual <= \(bind: ends[i]) THEN 1 ELSE 0 END) AS done\(unsafeRaw: String(i))"
        } + " FROM milestones m JOIN projects p ON p.id = m.project_id WHERE m.district_id = \(bind: districtID) AND m.year = \(bind: year)"
            + " AND m.name = '开工' AND m.planned <= \(bind: ends.last!) GROUP BY p.unit_id") { f, r, i in
            f.plannedStarts = try int(r, "due\(i)"); f.achievedStarts = try int(r, "done\(i)")
        }
        // Problems and decisions the unit leads whose deadline fell in the year by each month's end.
        try await add("SELECT p.lead_unit_id AS unit_id" + columns { i in
            " SUM(CASE WHEN p.deadline <= \(bind: ends[i]) THEN 1 ELSE 0 END) AS due\(unsafeRaw: String(i)),"
                + " SUM(CASE WHEN p.deadline <= \(bind: ends[i]) AND p.resolved_on IS NOT NULL AND p.resolved_on <= p.deadline THEN 1 ELSE 0 END) AS done\(unsafeRaw: String(i))"
        } + " FROM problems p WHERE p.district_id = \(bind: districtID) AND p.deadline >= \(bind: start) AND p.deadline <= \(bind: ends.last!) GROUP BY p.lead_unit_id") { f, r, i in
            f.problemsDue = try int(r, "due\(i)"); f.problemsOnTime = try int(r, "done\(i)")
        }
        // Leads signed in the year by each month's end.
        try await add("SELECT l.unit_id" + columns { i in " SUM(CASE WHEN l.signed_on <= \(bind: ends[i]) THEN 1 ELSE 0 END) AS s\(unsafeRaw: String(i))" }
            + " FROM leads l WHERE l.district_id = \(bind: districtID) AND l.signed_on >= \(bind: start) AND l.signed_on <= \(bind: ends.last!) GROUP BY l.unit_id") { f, r, i in
            f.signedLeads = try int(r, "s\(i)")
        }
        // The month's reports with a photo judged 现场 (the `photos` indicator).
        try await add("SELECT p.unit_id" + columns { i in " SUM(CASE WHEN r.month = \(bind: months[i]) THEN 1 ELSE 0 END) AS v\(unsafeRaw: String(i))" }
            + " FROM monthly_reports r JOIN projects p ON p.id = r.project_id" + portfolio
            + " WHERE r.district_id = \(bind: districtID) AND r.year = \(bind: year) AND r.month <= \(bind: last)"
            + " AND EXISTS (SELECT 1 FROM report_photos ph WHERE ph.report_id = r.id AND ph.verdict = \(bind: PhotoVerdict.Kind.onSite.rawValue))"
            + " GROUP BY p.unit_id") { f, r, i in
            f.reportsVerified = try int(r, "v\(i)")
        }
        // 前期手续 steps the unit approves (its name is their department) due by each month's end
        // (`due_on`, kept as `ApprovalClock.due`), and those approved by their due day (`approvals`).
        try await add("SELECT u.id AS unit_id" + columns { i in
            " SUM(CASE WHEN a.due_on <= \(bind: ends[i]) THEN 1 ELSE 0 END) AS ad\(unsafeRaw: String(i)),"
                + " SUM(CASE WHEN a.due_on <= \(bind: ends[i]) AND a.actual IS NOT NULL AND a.actual <= a.due_on THEN 1 ELSE 0 END) AS ao\(unsafeRaw: String(i))"
        } + " FROM approval_items a JOIN reference_entries u ON u.district_id = a.district_id AND u.kind = \(bind: ReferenceKind.unit.rawValue)"
            + " AND u.name = a.department WHERE a.district_id = \(bind: districtID) AND a.applied_on IS NOT NULL"
            + " AND a.due_on >= \(bind: start) AND a.due_on <= \(bind: ends.last!) GROUP BY u.id") { f, r, i in
            f.approvalsDue = try int(r, "ad\(i)"); f.approvalsOnTime = try int(r, "ao\(i)")
        }
        // Last, the reports read alongside; their sums add to the corrections above.
        try apply(rows: try await reportRows) { f, r, i in
            f.completed += try r.decode(column: "d\(i)", as: Int64?.self) ?? 0
            f.reportsOnTime = try int(r, "o\(i)")
        }
        // 观摩讲评: each month, the latest tour of the year closed by its end; the unit's mean
        // score there over the sheet's full points (`InspectionResults`, the one combination).
        let tours = try await InspectionModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year)
            .filter(\.$status == InspectionStatus.closed.rawValue).sort(\.$closedOn).sort(\.$heldOn).all()
        var tourRatios: [(closedOn: CalendarDate, byUnit: [String: Double])] = []
        for t in tours {
            guard let closed = t.closedOn, closed.iso <= (ends.last ?? start) else { continue }
            let r = try await InspectionResults.build(t, on: db)
            let full = r.sheet.fullPoints
            guard full > 0 else { continue }
            tourRatios.append((closed, Dictionary(r.units.map { ($0.unit, $0.score / full) }, uniquingKeysWith: { a, _ in a })))
        }
        if !tourRatios.isEmpty {
            for (id, entry) in facts {
                var monthsFacts = entry.months
                for i in months.indices {
                    let latest = tourRatios.last { $0.closedOn.iso <= ends[i] }
                    monthsFacts[i].inspectionRatio = latest?.byUnit[entry.name]
                }
                facts[id] = (entry.name, monthsFacts)
            }
        }
        var out: [Int: [Unit]] = [:]
        for (i, m) in months.enumerated() {
            // A unit whose projects had not yet joined the portfolio by the month's end is not ranked that month.
            out[m] = facts.filter { $0.value.months[i].projects > 0 }
                .map { Unit(id: $0.key, name: $0.value.name, facts: $0.value.months[i]) }.sorted { $0.name < $1.name }
        }
        return out
    }
}
