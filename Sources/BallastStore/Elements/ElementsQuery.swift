import BallastCore
import Fluent
import Foundation
import SQLKit

/// 资金与要素 figures (issue 27), one definition for the page, the API and the meeting's
/// suggestions: 专项债 planned and arrived by unit, the projects waiting for land, the projects
/// whose funds are behind their spending; and one project's lines, land and findings.
public enum ElementsQuery {
    public struct UnitBonds: Sendable, Equatable, Codable {
        public var unit: String
        public var projects: Int
        public var planned: Money
        public var arrived: Money
    }

    public struct ProjectLine: Sendable, Equatable, Codable {
        public var projectID: UUID
        public var code: String
        public var name: String
        public var unit: String
        public var plannedStart: CalendarDate?
        /// The shortfall or note, said as the project page says it.
        public var reason: Message
    }

    public struct Figures: Sendable {
        public var year: Int
        public var asOf: CalendarDate
        public var bondsByUnit: [UnitBonds]
        public var waitingForLand: [ProjectLine]
        public var fundsBehind: [ProjectLine]
        public var arrivedAbovePlanned: [ProjectLine]
    }

    struct Base {
        var id: UUID, code: String, name: String, unit: String, unitID: UUID, plannedStart: CalendarDate?
    }

    /// Every project with funds for the year or a land record, judged on `asOf`.
    public static func figures(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID? = nil,
                               on db: any Database) async throws -> Figures {
        let sql = try db.sql()
        var funds: [UUID: [FundLine]] = [:]
        var fq: SQLQueryString = """
            SELECT f.project_id, f.source, f.planned, f.arrived FROM project_funds f JOIN projects p ON p.id = f.project_id
            WHERE f.district_id = \(bind: districtID) AND f.year = \(bind: year)
            """
        if let scopeUnitID { fq += " AND p.unit_id = \(bind: scopeUnitID)" }
        for r in try await sql.raw(fq).all() {
            guard let source = FundingSource(rawValue: try r.decode(column: "source", as: String.self)) else { continue }
            funds[try r.decode(column: "project_id", as: UUID.self), default: []].append(
                FundLine(source: source, planned: Money(yuan: try r.decode(column: "planned", as: Int64.self)),
                         arrived: Money(yuan: try r.decode(column: "arrived", as: Int64.self))))
        }
        var lands: [UUID: LandRecord] = [:]
        var lq: SQLQueryString = """
            SELECT l.project_id, l.area_mu, l.supply_method, l.handed_over_on FROM project_land l JOIN projects p ON p.id = l.project_id
            WHERE l.district_id = \(bind: districtID)
            """
        if let scopeUnitID { lq += " AND p.unit_id = \(bind: scopeUnitID)" }
        for r in try await sql.raw(lq).all() {
            lands[try r.decode(column: "project_id", as: UUID.self)] = LandRecord(
                areaMu: try r.decode(column: "area_mu", as: Double?.self), supplyMethod: try r.decode(column: "supply_method", as: String?.self),
                handedOverOn: try r.decode(column: "handed_over_on", as: String?.self).flatMap(CalendarDate.parse))
        }
        let ids = Array(Set(funds.keys).union(lands.keys))
        var bases: [Base] = []
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let part = Array(ids[chunk..<min(chunk + 500, ids.count)])
            bases += try await sql.raw("""
                SELECT p.id, p.code, p.name, p.unit_id, p.planned_start, u.name AS unit FROM projects p JOIN reference_entries u ON u.id = p.unit_id
                WHERE p.id IN (\(binds: part)) AND p.stage <> \(bind: LifecycleStage.exited.rawValue)
                """).all().map { r in
                Base(id: try r.decode(column: "id", as: UUID.self), code: try r.decode(column: "code", as: String.self),
                     name: try r.decode(column: "name", as: String.self), unit: try r.decode(column: "unit", as: String.self),
                     unitID: try r.decode(column: "unit_id", as: UUID.self),
                     plannedStart: try r.decode(column: "planned_start", as: String?.self).flatMap(CalendarDate.parse))
            }
        }
        bases.sort { $0.code < $1.code }
        let completed = try await CompletedQuery.byProject(districtID: districtID, year: year, throughMonth: asOf.year > year ? 12 : asOf.month, on: db)
        var out = Figures(year: year, asOf: asOf, bondsByUnit: [], waitingForLand: [], fundsBehind: [], arrivedAbovePlanned: [])
        var bonds: [String: UnitBonds] = [:]
        for b in bases {
            let lines = funds[b.id] ?? []
            if let bond = lines.first(where: { $0.source == .specialBonds }) {
                var u = bonds[b.unit] ?? UnitBonds(unit: b.unit, projects: 0, planned: .zero, arrived: .zero)
                u.projects += 1
                u.planned = Money(yuan: u.planned.yuan.saturatingAdd(bond.planned.yuan))
                u.arrived = Money(yuan: u.arrived.yuan.saturatingAdd(bond.arrived.yuan))
                bonds[b.unit] = u
            }
            let found = ElementsRule.findings(funds: lines, land: lands[b.id], plannedStart: b.plannedStart,
                                              completedYTD: completed[b.id] ?? .zero, asOf: asOf)
            for f in found {
                let line = ProjectLine(projectID: b.id, code: b.code, name: b.name, unit: b.unit, plannedStart: b.plannedStart, reason: f.message)
                switch f.kind {
                case .fundsBehind: out.fundsBehind.append(line)
                case .landLate: break
                case .arrivedAbovePlanned: out.arrivedAbovePlanned.append(line)
                }
            }
            // Waiting for land: land to hand over, not handed over by the day (whether or not
            // the planned start has come; the reason says so when it has).
            if let land = lands[b.id], land.needsHandover, !(land.handedOverOn.map { $0 <= asOf } ?? false) {
                let late = found.first { $0.kind == .landLate }
                out.waitingForLand.append(ProjectLine(projectID: b.id, code: b.code, name: b.name, unit: b.unit, plannedStart: b.plannedStart,
                                                      reason: late?.message ?? Message(zh: "待交地", en: "Waiting for land")))
            }
        }
        out.waitingForLand.sort { ($0.plannedStart?.iso ?? "9", $0.code) < ($1.plannedStart?.iso ?? "9", $1.code) }
        out.bondsByUnit = bonds.values.sorted { ($1.planned, $0.unit) < ($0.planned, $1.unit) }
        return out
    }

    /// The projects with a shortfall on the day (funds behind spending, land late): the meeting's
    /// suggestions name them.
    public static func shortfalls(districtID: UUID, asOf: CalendarDate, on db: any Database) async throws -> [UUID: [Message]] {
        let f = try await figures(districtID: districtID, year: asOf.year, asOf: asOf, on: db)
        var out: [UUID: [Message]] = [:]
        for l in f.fundsBehind { out[l.projectID, default: []].append(l.reason) }
        for l in f.waitingForLand where l.plannedStart.map({ $0 <= asOf }) ?? false { out[l.projectID, default: []].append(l.reason) }
        return out
    }

    /// One project: its year's lines (with the version to send back), its land, and what they say.
    public struct ProjectView: Sendable {
        public var year: Int
        public var funds: [FundLine]
        public var fundsVersion: Int
        public var land: LandRecord?
        public var landVersion: Int
        public var findings: [ElementsRule.Finding]
    }

    public static func project(_ p: ProjectModel, year: Int, asOf: CalendarDate, on db: any Database) async throws -> ProjectView {
        let id = try p.requireID()
        let rows = try await ElementsEditor.funds(projectID: id, year: year, on: db)
        let land = try await ElementsEditor.land(projectID: id, on: db)
        let completed = try await CompletedQuery.byProject(districtID: p.$district.id, year: year, throughMonth: asOf.year > year ? 12 : asOf.month, on: db)
        let lines = rows.compactMap(\.line)
        return ProjectView(year: year, funds: lines, fundsVersion: try await ElementsEditor.fundsVersion(projectID: id, year: year, on: db), land: land?.record, landVersion: land?.version ?? 0,
                           findings: ElementsRule.findings(funds: lines, land: land?.record, plannedStart: p.plannedStart,
                                                           completedYTD: completed[id] ?? .zero, asOf: asOf))
    }
}

extension ElementsQuery {
    /// The 资金来源 file of a year (`FundsListFile.header`): every portfolio project of the year
    /// in the scope, by code, with each source's planned and arrived (万元).
    public static func fileRows(districtID: UUID, year: Int, scopeUnitID: UUID? = nil, on db: any Database) async throws -> [[String]] {
        var q = ProjectModel.query(on: db).filter(\.$district.$id == districtID)
            .join(YearPlanModel.self, on: \YearPlanModel.$project.$id == \ProjectModel.$id)
            .filter(YearPlanModel.self, \.$year == year).filter(YearPlanModel.self, \.$annualPlan != nil).sort(\.$code)
        if let scopeUnitID { q = q.filter(\.$unit.$id == scopeUnitID) }
        let projects = try await q.all()
        let ids = projects.compactMap(\.id)
        var lines: [UUID: [FundingSource: FundLine]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            for f in try await ProjectFundModel.query(on: db).filter(\.$projectID ~~ Array(ids[chunk..<min(chunk + 500, ids.count)]))
                .filter(\.$year == year).all() {
                if let l = f.line { lines[f.projectID, default: [:]][l.source] = l }
            }
        }
        return projects.compactMap { p in
            guard let id = p.id else { return nil }
            return [p.code, p.name] + FundingSource.allCases.flatMap { s -> [String] in
                guard let l = lines[id]?[s] else { return ["", ""] }
                return [l.planned.wanInput, l.arrived.wanInput]
            }
        }
    }
}
