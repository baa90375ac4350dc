import BallastCore
import Fluent
import Foundation
import SQLKit

/// 入库纳统 figures (issue 27), one definition for the page, the API, the CLI and the weekly
/// bulletin: the projects started but not in the statistics database on a day, by unit, and
/// the gap between the investment reported (approved monthly reports with their adjustments)
/// and the investment the statistics office counted, by unit and month.
public enum StatisticsQuery {
    /// A started project not in the statistics database on the day.
    public struct Missing: Sendable, Equatable, Codable {
        public var projectID: UUID
        public var code: String
        public var name: String
        public var unit: String
        public var startedOn: CalendarDate
        public var status: StatisticsStatus
        public var declaredOn: CalendarDate?
        /// Whole months since the start (`StatisticsRule.monthsElapsed`).
        public var months: Int
        /// The year's approved investment: what the district reports and the statistics do not count.
        public var reportedYTD: Money
    }

    public struct UnitMissing: Sendable, Equatable, Codable {
        public var unit: String
        public var projects: Int
        public var reportedYTD: Money
    }

    public struct GapRow: Sendable, Equatable, Codable {
        public var unit: String
        public var month: Int
        public var reported: Money
        public var counted: Money
        /// reported − counted: what the district reports beyond what the statistics counted.
        public var gap: Money
    }

    /// Every started project (start on or before `asOf`) not included by `asOf`, worst first.
    public static func missing(districtID: UUID, asOf: CalendarDate, scopeUnitID: UUID? = nil,
                               on db: any Database) async throws -> [Missing] {
        let sql = try db.sql()
        let through = asOf.month
        var q: SQLQueryString = """
            SELECT p.id, p.code, p.name, u.name AS unit, st.started_on, st.declared_on, st.included_on,
                   CAST(COALESCE(c.done, 0) AS BIGINT) AS done
            FROM project_statistics st
            JOIN projects p ON p.id = st.project_id
            JOIN reference_entries u ON u.id = p.unit_id
            LEFT JOIN
            """ + CompletedQuery.subquery(districtID: districtID, year: asOf.year, throughMonth: through) + """
             c ON c.project_id = p.id
            WHERE st.district_id = \(bind: districtID) AND st.started_on IS NOT NULL AND st.started_on <= \(bind: asOf.iso)
              AND (st.included_on IS NULL OR st.included_on > \(bind: asOf.iso)) AND p.stage <> \(bind: LifecycleStage.exited.rawValue)
            """
        if let scopeUnitID { q += " AND p.unit_id = \(bind: scopeUnitID)" }
        var out: [Missing] = []
        for row in try await sql.raw(q).all() {
            guard let started = try row.decode(column: "started_on", as: String?.self).flatMap(CalendarDate.parse) else { continue }
            let record = StatisticsRecord(startedOn: started,
                                          declaredOn: try row.decode(column: "declared_on", as: String?.self).flatMap(CalendarDate.parse),
                                          includedOn: try row.decode(column: "included_on", as: String?.self).flatMap(CalendarDate.parse))
            let status = record.status(asOf: asOf)
            out.append(Missing(projectID: try row.decode(column: "id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
                               name: try row.decode(column: "name", as: String.self), unit: try row.decode(column: "unit", as: String.self),
                               startedOn: started, status: status, declaredOn: status == .declared ? record.declaredOn : nil,
                               months: StatisticsRule.monthsElapsed(from: started, to: asOf),
                               reportedYTD: Money(yuan: try row.decode(column: "done", as: Int64.self))))
        }
        return out.sorted { ($0.startedOn, $0.code) < ($1.startedOn, $1.code) }
    }

    /// `missing` summed by unit, most projects first.
    public static func byUnit(_ missing: [Missing]) -> [UnitMissing] {
        var units: [String: UnitMissing] = [:]
        for m in missing {
            var u = units[m.unit] ?? UnitMissing(unit: m.unit, projects: 0, reportedYTD: Money(yuan: 0))
            u.projects += 1
            u.reportedYTD = Money(yuan: u.reportedYTD.yuan.saturatingAdd(m.reportedYTD.yuan))
            units[m.unit] = u
        }
        return units.values.sorted { ($1.projects, $0.unit) < ($0.projects, $1.unit) }
    }

    /// Reported and counted investment by unit and month of `year`, through `asOf`'s month (all
    /// twelve for a past year). A unit and month with neither figure is absent.
    public static func gap(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID? = nil,
                           on db: any Database) async throws -> [GapRow] {
        let sql = try db.sql()
        let through = asOf.year > year ? 12 : asOf.month
        let scope: SQLQueryString = scopeUnitID.map { " AND p.unit_id = \(bind: $0)" } ?? ""
        var q: SQLQueryString = """
            SELECT u.name AS unit, x.month, CAST(SUM(x.reported) AS BIGINT) AS reported, CAST(SUM(x.counted) AS BIGINT) AS counted FROM (
                SELECT r.project_id, r.month, r.amount AS reported, 0 AS counted FROM monthly_reports r
                WHERE r.district_id = \(bind: districtID) AND r.year = \(bind: year) AND r.month <= \(bind: through) AND r.status = 'approved'
                UNION ALL
                SELECT a.project_id, a.month, a.delta AS reported, 0 AS counted FROM report_adjustments a
                WHERE a.district_id = \(bind: districtID) AND a.year = \(bind: year) AND a.month <= \(bind: through)
                UNION ALL
                SELECT s.project_id, s.month, 0 AS reported, s.counted FROM statistics_counts s
                WHERE s.district_id = \(bind: districtID) AND s.year = \(bind: year) AND s.month <= \(bind: through)
            ) x
            JOIN projects p ON p.id = x.project_id
            JOIN reference_entries u ON u.id = p.unit_id
            WHERE p.district_id = \(bind: districtID)
            """
        q += scope
        q += " GROUP BY u.name, x.month ORDER BY u.name, x.month"
        return try await sql.raw(q).all().map { row in
            let reported = try row.decode(column: "reported", as: Int64.self), counted = try row.decode(column: "counted", as: Int64.self)
            return GapRow(unit: try row.decode(column: "unit", as: String.self), month: try row.decode(column: "month", as: Int.self),
                          reported: Money(yuan: reported), counted: Money(yuan: counted),
                          gap: Money(yuan: reported.subtractingReportingOverflow(counted).overflow ? .max : reported - counted))
        }
    }

    /// One project's standing: its record (if entered) and, for `year`, each month's reported
    /// (approved, with adjustments) and counted investment.
    public struct ProjectView: Sendable, Equatable {
        public struct Month: Sendable, Equatable {
            public var month: Int
            public var reported: Money?
            public var counted: Money?
        }
        public var record: StatisticsRecord
        /// 0 when nothing was entered yet.
        public var version: Int
        public var year: Int
        public var months: [Month]
    }

    public static func project(_ projectID: UUID, year: Int, on db: any Database) async throws -> ProjectView {
        let stored = try await StatisticsEditor.record(projectID: projectID, on: db)
        var reported: [Int: Int64] = [:], counted: [Int: Int64] = [:]
        for r in try await MonthlyReportModel.query(on: db).filter(\.$project.$id == projectID).filter(\.$year == year)
            .filter(\.$status == ReportStatus.approved.rawValue).all() {
            reported[r.month, default: 0] = reported[r.month, default: 0].saturatingAdd(r.amount)
        }
        for a in try await ReportAdjustmentModel.query(on: db).filter(\.$projectID == projectID).filter(\.$year == year).all() {
            reported[a.month, default: 0] = reported[a.month, default: 0].saturatingAdd(a.delta)
        }
        for c in try await StatisticsCountModel.query(on: db).filter(\.$projectID == projectID).filter(\.$year == year).all() {
            counted[c.month] = c.counted
        }
        return ProjectView(record: stored?.record ?? StatisticsRecord(), version: stored?.version ?? 0, year: year,
                           months: (1...12).map { m in ProjectView.Month(month: m, reported: reported[m].map(Money.init(yuan:)), counted: counted[m].map(Money.init(yuan:))) })
    }
}

extension StatisticsQuery {
    /// The 入库纳统 file of a year (`StatisticsListFile.header`): every portfolio project of the
    /// year in the scope, by code, with its record and the counted months (万元), so that the
    /// office fills it in and imports it back.
    public static func fileRows(districtID: UUID, year: Int, scopeUnitID: UUID? = nil, on db: any Database) async throws -> [[String]] {
        var q = ProjectModel.query(on: db).filter(\.$district.$id == districtID)
            .join(YearPlanModel.self, on: \YearPlanModel.$project.$id == \ProjectModel.$id)
            .filter(YearPlanModel.self, \.$year == year).filter(YearPlanModel.self, \.$annualPlan != nil).sort(\.$code)
        if let scopeUnitID { q = q.filter(\.$unit.$id == scopeUnitID) }
        let projects = try await q.all()
        let ids = projects.compactMap(\.id)
        var records: [UUID: StatisticsRecord] = [:], counts: [UUID: [Int: Int64]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let part = Array(ids[chunk..<min(chunk + 500, ids.count)])
            for r in try await ProjectStatisticsModel.query(on: db).filter(\.$projectID ~~ part).all() { records[r.projectID] = r.record }
            for c in try await StatisticsCountModel.query(on: db).filter(\.$projectID ~~ part).filter(\.$year == year).all() {
                counts[c.projectID, default: [:]][c.month] = c.counted
            }
        }
        return projects.compactMap { p in
            guard let id = p.id else { return nil }
            let r = records[id]
            return [p.code, p.name, r?.startedOn?.iso ?? "", r?.declaredOn?.iso ?? "", r?.includedOn?.iso ?? "", r?.number ?? ""]
                + (1...12).map { m in counts[id]?[m].map { Money(yuan: $0).wanInput } ?? "" }
        }
    }
}
