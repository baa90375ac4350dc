import BallastCore
import Fluent
import Foundation
import SQLKit

/// 重点项目建设周通报: the week's figures as they stood on its as-of day — the headline against
/// 时序进度, by category and level; projects newly lit red or yellow in the week and those lit
/// four weeks or more, with reasons; the week's starts, completions and projects going into
/// production; overdue problems and decisions by unit; and the latest month's late reports.
/// Every project line keeps the project's id, so the issued page links to the record.
public struct WeeklyBulletin: Codable, Sendable, Equatable {
    public struct Figures: Codable, Sendable, Equatable {
        public var name: String
        public var projects: Int
        /// Yuan.
        public var total: Int64
        public var plan: Int64
        public var completed: Int64

        /// nil without a plan (`CompletionRate`).
        public var rate: Double? { CompletionRate.of(completed: completed, plan: plan) }
    }

    public struct ProjectLine: Codable, Sendable, Equatable {
        public var id: UUID
        public var code: String
        public var name: String
        public var unit: String
        /// The day it happened (lit, started, completed…).
        public var on: String
        /// Colour for the lights, stage for the milestones.
        public var what: String
        public var reasons: String?
    }

    public struct UnitOverdue: Codable, Sendable, Equatable {
        public var unit: String
        public var problems: Int
        public var decisions: Int
        public var oldestDeadline: String
    }

    public var week: String
    public var from: String
    public var to: String
    public var asOf: String
    public var year: Int
    /// 时序进度 on the as-of day (month ÷ 12).
    public var timeProgress: Double
    public var headline: Figures
    public var byCategory: [Figures]
    public var byLevel: [Figures]
    public var newlyLit: [ProjectLine]
    public var litFourWeeks: [ProjectLine]
    /// Started (在建), completed (竣工) and in production (投产) within the week: moves from
    /// one stage to the next, not a project's first stage as entered in the ledger.
    public var milestones: [ProjectLine]
    public var overdue: [UnitOverdue]
    public var overdueItems: [SupervisionBulletin.OverdueItem]
    /// The month whose reports were last due by the as-of day, and what was late for it.
    public var lateMonth: Int?
    public var lateReports: [String: [String]]
    /// 前期手续 overdue by approving department (`DepartmentTimes`, steps applied for since the
    /// year before), only those with a step overdue. Optional: bulletins issued before it still read.
    public var approvalsOverdue: [DepartmentTimes.Row]?
    /// 开工未入库: started projects not in the statistics database on the day (`StatisticsQuery`).
    /// Optional: bulletins issued before it still read.
    public var statisticsMissing: [StatisticsQuery.Missing]?

    static let weekStages: [LifecycleStage] = [.underConstruction, .completed, .inProduction]

    public static func noPortfolio(_ year: Int) -> ProjectItemContext.Failure {
        .invalid(field: "week", Message(zh: "\(year)年没有重点项目年度计划，该周无数据可通报", en: "There is no year plan for \(year): the week has nothing to report"))
    }

    /// Builds the bulletin; refused (naming the week) when its year has no portfolio at all.
    public static func build(districtID: UUID, week: ISOWeek, asOf: CalendarDate, on db: any Database) async throws -> WeeklyBulletin {
        let sql = try db.sql()
        let day = min(asOf, week.sunday)
        let year = day.year
        let scope = SummaryQuery.Scope(districtID: districtID, year: year, month: day.month, asOf: day)
        guard let headline = try await SummaryQuery.group(nil, scope, sql: sql).first.map({ figures($0, name: "合计") }), headline.projects > 0 else {
            throw noPortfolio(year)
        }
        let monday = week.monday
        let changes = try await sql.raw("""
            SELECT p.id, p.code, p.name, u.name AS unit, c.to_colour, c.on_date,
                   COALESCE(c.reasons, CASE WHEN w.as_of <= \(bind: day.iso) THEN w.reasons END) AS reasons FROM warning_changes c
            JOIN projects p ON p.id = c.project_id JOIN reference_entries u ON u.id = p.unit_id
            LEFT JOIN warning_states w ON w.project_id = c.project_id AND w.year = c.year
            WHERE c.district_id = \(bind: districtID) AND c.year = \(bind: year) AND c.on_date >= \(bind: monday.iso) AND c.on_date <= \(bind: day.iso)
              AND c.to_colour IN ('red', 'yellow') AND (c.from_colour IS NULL OR c.from_colour NOT IN ('red', 'yellow') OR c.to_colour = 'red' AND c.from_colour = 'yellow')
            ORDER BY CASE c.to_colour WHEN 'red' THEN 0 ELSE 1 END, c.on_date, p.code
            """).all().map { try line($0, on: "on_date", what: "to_colour", reasons: "reasons") }
        let lit = try await LitProjects.run(districtID: districtID, litBy: LitProjects.fourWeeks(before: day), stillOn: day, sql: sql).map { r in
            ProjectLine(id: r.projectID, code: r.code, name: r.name, unit: r.unit, on: r.since.iso, what: r.colour, reasons: r.reasons.map(reasonText))
        }
        let milestones = try await sql.raw("""
            SELECT p.id, p.code, p.name, u.name AS unit, c.to_stage, c.effective_on FROM stage_changes c
            JOIN projects p ON p.id = c.project_id JOIN reference_entries u ON u.id = p.unit_id
            WHERE p.district_id = \(bind: districtID) AND c.effective_on >= \(bind: monday.iso) AND c.effective_on <= \(bind: day.iso)
              AND c.to_stage IN (\(binds: weekStages.map(\.rawValue))) AND c.from_stage IS NOT NULL
            ORDER BY c.to_stage, c.effective_on, p.code
            """).all().map { try line($0, on: "effective_on", what: "to_stage", reasons: nil) }
        let items = try await SupervisionBulletin.overdueItems(districtID: districtID, on: day, sql: sql)
        var byUnit: [String: UnitOverdue] = [:]
        for o in items {
            var u = byUnit[o.unit] ?? UnitOverdue(unit: o.unit, problems: 0, decisions: 0, oldestDeadline: o.deadline)
            if o.kind == ProblemKind.decision.rawValue { u.decisions += 1 } else { u.problems += 1 }
            u.oldestDeadline = min(u.oldestDeadline, o.deadline)
            byUnit[o.unit] = u
        }
        // The latest month whose reporting day has passed by the as-of day.
        let lateMonth = (1...12).last { m in CalendarDate.clamped(year: year, month: m, day: 1) <= day && ReportingDeadline.dueDate(year: year, month: m) < day }
        var late: [String: [String]] = [:]
        if let lateMonth { late = try await SupervisionBulletin.lateReportCodes(districtID: districtID, year: year, month: lateMonth, asOf: day, sql: sql) }
        let approvals = try await DepartmentTimesQuery.run(districtID: districtID, from: CalendarDate.clamped(year: year - 1, month: 1, day: 1),
                                                           to: day, asOf: day, on: db).filter { $0.overdue > 0 }
        var bulletin = WeeklyBulletin(
            week: week.description, from: monday.iso, to: week.sunday.iso, asOf: day.iso, year: year,
            timeProgress: WarningRule.timeProgress(asOf: day), headline: headline,
            byCategory: try await SummaryQuery.group(.category, scope, sql: sql).map { figures($0, name: $0.name) },
            byLevel: try await SummaryQuery.group(.level, scope, sql: sql).map { figures($0, name: $0.name) },
            newlyLit: changes, litFourWeeks: lit, milestones: milestones,
            overdue: byUnit.values.sorted { ($0.problems + $0.decisions, $1.unit) > ($1.problems + $1.decisions, $0.unit) },
            overdueItems: items, lateMonth: lateMonth, lateReports: late)
        bulletin.approvalsOverdue = approvals.isEmpty ? nil : approvals
        let missing = try await StatisticsQuery.missing(districtID: districtID, asOf: day, on: db)
        bulletin.statisticsMissing = missing.isEmpty ? nil : missing
        return bulletin
    }

    static func figures(_ g: YearSummary.Group, name: String) -> Figures {
        Figures(name: name, projects: g.projects, total: g.totalInvestment.yuan, plan: g.annualPlan.yuan, completed: g.completed.yuan)
    }

    static func line(_ r: any SQLRow, on: String, what: String, reasons: String?) throws -> ProjectLine {
        ProjectLine(id: try r.decode(column: "id", as: UUID.self), code: try r.decode(column: "code", as: String.self),
                    name: try r.decode(column: "name", as: String.self), unit: try r.decode(column: "unit", as: String.self),
                    on: try r.decode(column: on, as: String.self), what: try r.decode(column: what, as: String.self),
                    reasons: try reasons.flatMap { try r.decode(column: $0, as: String?.self) }.map(reasonText))
    }

    /// The stored reasons (JSON of bilingual messages) as the bulletin prints them.
    static func reasonText(_ json: String) -> String {
        let messages = (try? JSONDecoder().decode([Message].self, from: Data(json.utf8))) ?? []
        return messages.map(\.zh).joined(separator: "；")
    }
}
