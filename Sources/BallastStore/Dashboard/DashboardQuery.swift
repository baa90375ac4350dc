import BallastCore
import Fluent
import Foundation
import SQLKit

/// Counts the dashboard's figures in the database: one grouped query a figure, never a loop over
/// projects. `scopeUnitID` narrows every figure to one unit's projects (a unit user's view).
public enum DashboardQuery {
    public struct Scope: Sendable {
        public var districtID: UUID
        public var year: Int
        public var asOf: CalendarDate
        public var today: CalendarDate
        public var scopeUnitID: UUID?
        public init(districtID: UUID, year: Int, asOf: CalendarDate, today: CalendarDate, scopeUnitID: UUID?) {
            self.districtID = districtID; self.year = year; self.asOf = asOf; self.today = today; self.scopeUnitID = scopeUnitID
        }

        /// Months of the year counted by the day: all twelve for a past year, none for a future one.
        var month: Int { asOf.year > year ? 12 : asOf.year < year ? 0 : asOf.month }
        /// The portfolio: the year's projects with an annual plan, in the unit's scope. Naming the
        /// district on the plans lets PostgreSQL read them by `year_plans_portfolio` rather than
        /// hash every district's plans for the year (72 800 rows for a 400-project district's 50 ms).
        func portfolio(_ alias: SQLQueryString = "p") -> SQLQueryString {
            var s: SQLQueryString = " JOIN year_plans yp ON yp.project_id = " + alias + ".id AND yp.district_id = \(bind: districtID)"
                + " AND yp.year = \(bind: year) AND" + Portfolio.on(asOf)
            if let scopeUnitID { s += " AND " + alias + ".unit_id = \(bind: scopeUnitID)" }
            return s
        }
    }

    /// `alongside`, when given, is a second connection: the ranking (a month of every unit's
    /// facts, the costliest figure: 130 of a 6 000-project dashboard's 280 ms of queries) is
    /// counted there with the problems and the campaign, while everything else is counted on
    /// `db` at the same time. Measured at 6 000 projects, the two lanes then end within 20 ms of
    /// each other; with the pools and 前期手续 beside the ranking, that lane ran 110 ms longer.
    public static func run(_ scope: Scope, on db: any Database, alongside: (any Database)? = nil) async throws -> DashboardFigures {
        let sql = try db.sql()
        let other = alongside ?? db
        async let side = sideFigures(scope, on: other)
        let pipeline = try await PipelineQuery.run(districtID: scope.districtID, year: scope.year, asOf: scope.asOf, scopeUnitID: scope.scopeUnitID, on: db)
        let groups = try await groupFigures(scope, sql: sql)
        var f = DashboardFigures(
            year: scope.year, asOf: scope.asOf.iso, month: scope.month, timeProgress: Double(scope.month) / 12,
            projects: groups.total.projects, totalInvestment: groups.total.totalInvestment, annualPlan: groups.total.annualPlan,
            completed: groups.total.completed, colours: try await colours(scope, on: try await ColourAsOf.resolve(districtID: scope.districtID, year: scope.year, on: scope.asOf, db: db), sql: sql),
            byCategory: groups.byCategory, byZone: groups.byZone,
            monthly: try await monthly(scope, sql: sql), lastYear: nil, pools: [], campaign: nil,
            problems: .init(raised: 0, solved: 0, onTime: 0, open: 0, overdue: 0, resolutionRate: nil), ranking: nil, unlocated: 0)
        f.lastYear = try await comparison(scope, sql: sql)
        f.preparation = try await preparation(scope, on: db)
        let (problems, campaign, ranking, unlocated) = try await side
        f.problems = problems; f.campaign = campaign; f.ranking = ranking; f.unlocated = unlocated
        f.pools = pipeline.pools.map { .init(stage: $0.stage.rawValue, projects: $0.projects, entered: $0.entered, target: $0.target) }
        return f
    }

    /// 前期手续 overdue, 开工未入库, 待交地, 资金滞后: the same queries as their pages.
    static func preparation(_ scope: Scope, on db: any Database) async throws -> DashboardFigures.Preparation {
        let approvals = try await ApprovalRateQuery.run(districtID: scope.districtID, year: scope.year, asOf: scope.asOf,
                                                        scopeUnitID: scope.scopeUnitID, on: db)
        let missing = try await StatisticsQuery.missing(districtID: scope.districtID, asOf: scope.asOf, scopeUnitID: scope.scopeUnitID, on: db)
        let elements = try await ElementsQuery.figures(districtID: scope.districtID, year: scope.year, asOf: scope.asOf,
                                                       scopeUnitID: scope.scopeUnitID, on: db)
        return .init(approvalsOverdue: approvals.overdue, notInStatistics: missing.count,
                     notInStatisticsReported: missing.reduce(Int64(0)) { $0.saturatingAdd($1.reportedYTD.yuan) },
                     waitingForLand: elements.waitingForLand.count, fundsBehind: elements.fundsBehind.count)
    }

    /// The figures that read no reports: problems, the campaign, the ranking, unlocated projects.
    static func sideFigures(_ scope: Scope, on db: any Database) async throws
        -> (DashboardFigures.Problems, DashboardFigures.Campaign?, DashboardFigures.Ranking?, Int) {
        var campaign: DashboardFigures.Campaign?
        if let period = try await CampaignQuery.periods(districtID: scope.districtID, asOf: scope.asOf, scopeUnitID: scope.scopeUnitID, on: db).last {
            campaign = .init(period: period.number, heldOn: period.heldOn.iso, rates: CampaignBatch.allCases.map { b in
                let t = period.figures.cumulative[b] ?? CampaignTally()
                return .init(batch: b.rawValue, entries: t.entries, done: t.count(b.followUp), rate: t.rate(for: b).map { $0 / 100 })
            })
        }
        return (try await problems(scope, on: db), campaign, try await ranking(scope, on: db), try await unlocated(scope, sql: try db.sql()))
    }

    struct Groups {
        var total: DashboardFigures.Group
        var byCategory: [DashboardFigures.Group]
        var byZone: [DashboardFigures.Group]
    }

    /// The portfolio by category × zone in one pass over the reports (the cells are few: a
    /// handful of categories by a dozen zones), then the cells summed into the total, the
    /// categories and the zones, each in its list's order: the list's sort, then investment.
    static func groupFigures(_ s: Scope, sql: any SQLDatabase) async throws -> Groups {
        let completed = CompletedQuery.subquery(districtID: s.districtID, year: s.year, throughMonth: s.month)
        let rows = try await sql.raw("""
            SELECT cat.name AS category, cat.sort AS category_sort, zn.name AS zone, zn.sort AS zone_sort, COUNT(*) AS projects,
                   CAST(COALESCE(SUM(p.total_investment), 0) AS BIGINT) AS total, CAST(COALESCE(SUM(
            """ + Portfolio.plan(on: s.asOf) + """
            ), 0) AS BIGINT) AS plan,
                   CAST(COALESCE(SUM(c.done), 0) AS BIGINT) AS completed
            FROM projects p
            """ + s.portfolio() + " LEFT JOIN " + completed + " c ON c.project_id = p.id"
            + " LEFT JOIN reference_entries cat ON cat.id = p.category_id LEFT JOIN reference_entries zn ON zn.id = yp.zone_id"
            + " WHERE p.district_id = \(bind: s.districtID) GROUP BY cat.name, cat.sort, zn.name, zn.sort").all()
        var total = DashboardFigures.Group(name: "", projects: 0, totalInvestment: 0, annualPlan: 0, completed: 0)
        var categories: [String: (sort: Int, group: DashboardFigures.Group)] = [:], zones = categories
        func add(_ cell: DashboardFigures.Group, to g: inout DashboardFigures.Group) {
            g.projects += cell.projects; g.totalInvestment += cell.totalInvestment; g.annualPlan += cell.annualPlan; g.completed += cell.completed
        }
        func add(_ cell: DashboardFigures.Group, to groups: inout [String: (sort: Int, group: DashboardFigures.Group)], _ row: any SQLRow, _ column: String) throws {
            let name = try row.decode(column: column, as: String?.self) ?? SummaryQuery.unassigned
            let sort = try row.decode(column: column + "_sort", as: Int?.self) ?? Int.max
            add(cell, to: &groups[name, default: (sort, .init(name: name, projects: 0, totalInvestment: 0, annualPlan: 0, completed: 0))].group)
        }
        for r in rows {
            let cell = DashboardFigures.Group(name: "", projects: try r.decode(column: "projects", as: Int.self),
                                              totalInvestment: try r.decode(column: "total", as: Int64.self),
                                              annualPlan: try r.decode(column: "plan", as: Int64.self), completed: try r.decode(column: "completed", as: Int64.self))
            add(cell, to: &total)
            try add(cell, to: &categories, r, "category")
            try add(cell, to: &zones, r, "zone")
        }
        func ordered(_ d: [String: (sort: Int, group: DashboardFigures.Group)]) -> [DashboardFigures.Group] {
            d.values.sorted { a, b in
                (a.sort, -a.group.totalInvestment, a.group.name) < (b.sort, -b.group.totalInvestment, b.group.name)
            }.map(\.group)
        }
        return Groups(total: total, byCategory: ordered(categories), byZone: ordered(zones))
    }

    static func colours(_ s: Scope, on colours: ColourAsOf, sql: any SQLDatabase) async throws -> [String: Int] {
        var out = Dictionary(uniqueKeysWithValues: WarningColour.allCases.map { ($0.rawValue, 0) })
        for r in try await sql.raw("SELECT col.colour, COUNT(*) AS n FROM projects p" + s.portfolio()
            + " JOIN " + colours.subquery + " col ON col.project_id = p.id"
            + " WHERE p.district_id = \(bind: s.districtID) GROUP BY col.colour").all() {
            out[try r.decode(column: "colour", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        return out
    }

    /// Each month's completed for the portfolio of `year` (the scope's year unless given).
    static func monthly(_ s: Scope, year: Int? = nil, through: Int? = nil, sql: any SQLDatabase) async throws -> [Int64] {
        var scope = s
        if let year { scope.year = year }
        let last = through ?? s.month
        var out = Array(repeating: Int64(0), count: 12)
        guard last > 0 else { return out }
        let portfolio = scope.portfolio()
        let q: SQLQueryString = "SELECT x.month, CAST(SUM(x.amount) AS BIGINT) AS done FROM ("
            + "SELECT r.month, r.amount FROM monthly_reports r JOIN projects p ON p.id = r.project_id" + portfolio
            + " WHERE r.district_id = \(bind: s.districtID) AND r.year = \(bind: scope.year) AND r.month <= \(bind: last) AND r.status = 'approved'"
            + " UNION ALL SELECT a.month, a.delta FROM report_adjustments a JOIN projects p ON p.id = a.project_id" + portfolio
            + " WHERE a.district_id = \(bind: s.districtID) AND a.year = \(bind: scope.year) AND a.month <= \(bind: last)"
            + ") x GROUP BY x.month"
        for r in try await sql.raw(q).all() {
            let m = try r.decode(column: "month", as: Int.self)
            if (1...12).contains(m) { out[m - 1] = try r.decode(column: "done", as: Int64.self) }
        }
        return out
    }

    /// Last year's portfolio through the same month, for year-over-year; nil when it had none.
    static func comparison(_ s: Scope, sql: any SQLDatabase) async throws -> DashboardFigures.Comparison? {
        var last = s
        last.year = s.year - 1
        let row = try await sql.raw("SELECT COUNT(*) AS n, CAST(COALESCE(SUM(" + Portfolio.plan(on: last.asOf) + "), 0) AS BIGINT) AS plan FROM projects p" + last.portfolio()
            + " WHERE p.district_id = \(bind: s.districtID)").first()
        let n = try row?.decode(column: "n", as: Int.self) ?? 0
        guard n > 0 else { return nil }
        let monthly = try await monthly(s, year: last.year, through: 12, sql: sql)
        return .init(year: last.year, projects: n, annualPlan: try row?.decode(column: "plan", as: Int64.self) ?? 0,
                     completed: monthly.prefix(s.month).reduce(0, +), monthly: monthly)
    }

    static func problems(_ s: Scope, on db: any Database) async throws -> DashboardFigures.Problems {
        let from = CalendarDate.clamped(year: s.year, month: 1, day: 1), to = CalendarDate.clamped(year: s.year, month: 12, day: 31)
        let t = try await ProblemFigures.run(districtID: s.districtID, from: from, to: to, asOf: min(s.asOf, to), by: .total,
                                             scopeUnitID: s.scopeUnitID, today: s.today, on: db).first?.tally
            ?? ProblemTally(raised: 0, solved: 0, onTime: 0, open: 0, overdue: 0, daysToResolve: 0)
        return .init(raised: t.raised, solved: t.solved, onTime: t.onTime, open: t.open, overdue: t.overdue, resolutionRate: t.resolutionRate.map { $0 / 100 })
    }

    static func unlocated(_ s: Scope, sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM projects p" + s.portfolio()
            + " WHERE p.district_id = \(bind: s.districtID) AND (p.longitude IS NULL OR p.latitude IS NULL)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// The latest month's ranking by the day: the issued one when there is one, else worked out
    /// for the last month that has ended (the current month while it runs is not ranked).
    static func ranking(_ s: Scope, on db: any Database) async throws -> DashboardFigures.Ranking? {
        let month = s.asOf.year > s.year ? 12 : s.asOf.month - 1
        guard s.asOf.year >= s.year, month >= 1 else { return nil }
        let period = UnitRanking.period(year: s.year, month: month)
        var rows: [UnitRanking.Row]
        var source = "计算"
        if let issued = try await DocumentDesk.issued(districtID: s.districtID, kind: .unitRanking, period: period, on: db),
           let content = try? JSONDecoder().decode(UnitRanking.self, from: Data(issued.payload.utf8)) {
            rows = content.rows
            source = issued.number ?? "已印发"
        } else {
            let scheme = try await ScoringSchemes.current(districtID: s.districtID, year: s.year, on: db).scheme
            rows = try await UnitRanking.rank(districtID: s.districtID, year: s.year, month: month, scheme: scheme, on: db)
        }
        guard !rows.isEmpty else { return nil }
        // Across groups, by the ranking's own order (total, then its tie rule): the dashboard shows
        // the district's best and worst at a glance, ties settled as the issued 月排名 settles them.
        func entry(_ r: UnitRanking.Row) -> RankingOrder.Entry { .init(unit: r.unit, score: r.score, litProjects: r.facts.litProjects) }
        let ordered = rows.sorted { a, b in RankingOrder.precedes(entry(a), entry(b)) }
        let ranked = ordered.enumerated().map { DashboardFigures.RankedUnit(unit: $0.element.unit, rank: $0.offset + 1, total: $0.element.score.total) }
        // Five at each end, or half of a short list each (a lone unit is top only).
        let n = ranked.count < 2 ? ranked.count : min(5, ranked.count / 2)
        return .init(period: period, source: source, units: ranked.count, top: Array(ranked.prefix(n)),
                     bottom: ranked.count > n ? Array(ranked.suffix(n).reversed()) : [])
    }
}
