import BallastCore
import Fluent
import Foundation
import SQLKit

/// One portfolio project's colour on a date, with what names it.
public struct ProjectWarning: Sendable, Equatable {
    public var projectID: UUID
    public var code: String
    public var name: String
    public var unitID: UUID
    public var outcome: WarningOutcome
    /// The date the project has had this colour since (from the history), or the as-of date.
    public var since: String
}

/// Computes the 红黄蓝绿 colours of a district's portfolio: the figures come from SQL in two
/// queries, the rule from BallastCore, and the results go back in bulk.
public enum WarningEngine {
    /// The district's thresholds for the year: its latest version, else the standard rule.
    public static func thresholds(districtID: UUID, year: Int, on db: any Database) async throws -> WarningThresholds {
        guard let r = try await WarningRuleModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year)
            .sort(\.$version, .descending).first() else { return .standard }
        return WarningThresholds(version: r.version, blueLagPoints: r.blueLag, yellowLagPoints: r.yellowLag,
                                 blueLateDays: r.blueDays, yellowLateDays: r.yellowDays)
    }

    /// Every portfolio project's colour on `asOf`, without writing anything.
    /// `scopeUnitID` narrows to one unit's projects in the query itself, as every list does.
    public static func evaluate(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID? = nil,
                                on db: any Database) async throws -> [ProjectWarning] {
        try await evaluateWithStates(districtID: districtID, year: year, asOf: asOf, scopeUnitID: scopeUnitID, on: db).0
    }

    /// The colours, and the stored states they were compared with (read once, for recompute).
    static func evaluateWithStates(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID? = nil,
                                   on db: any Database) async throws -> ([ProjectWarning], [UUID: StoredState]) {
        let sql = db as! any SQLDatabase
        let rule = try await thresholds(districtID: districtID, year: year, on: db)
        let throughMonth = asOf.year > year ? 12 : asOf.month
        var query: SQLQueryString = """
            SELECT p.id, p.code, p.name, p.unit_id, p.stage, p.planned_start, yp.annual_plan,
                   CAST(COALESCE(c.done, 0) AS BIGINT) AS done
            FROM year_plans yp
            JOIN projects p ON p.id = yp.project_id
            LEFT JOIN
            """ + CompletedQuery.subquery(districtID: districtID, year: year, throughMonth: throughMonth) + """
             c ON c.project_id = p.id
            WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: year) AND yp.annual_plan IS NOT NULL
            """
        if let scopeUnitID { query += " AND p.unit_id = \(bind: scopeUnitID)" }
        let rows = try await sql.raw(query + " ORDER BY p.code").all()
        // A year that is over is judged at its last day.
        let judgedOn = asOf.year > year ? CalendarDate(year: year, month: 12, day: 31)! : asOf
        // Only open milestones already past their date can make a project late: the rest are not read.
        var milestones: [UUID: [WarningInput.Milestone]] = [:]
        for m in try await sql.raw("""
            SELECT project_id, name, planned, actual FROM milestones
            WHERE district_id = \(bind: districtID) AND year = \(bind: year) AND actual IS NULL AND planned < \(bind: judgedOn.iso)
            ORDER BY project_id, seq
            """).all() {
            guard let planned = CalendarDate.parse(try m.decode(column: "planned", as: String.self)) else { continue }
            milestones[try m.decode(column: "project_id", as: UUID.self), default: []].append(WarningInput.Milestone(
                name: try m.decode(column: "name", as: String.self), planned: planned,
                actual: try m.decode(column: "actual", as: String?.self).flatMap(CalendarDate.parse)))
        }
        var stored: [UUID: StoredState] = [:]
        for row in try await sql.raw("""
            SELECT id, project_id, colour, reasons, lag, rule_version, as_of, since FROM warning_states
            WHERE district_id = \(bind: districtID) AND year = \(bind: year)
            """).all() {
            stored[try row.decode(column: "project_id", as: UUID.self)] = StoredState(
                id: try row.decode(column: "id", as: UUID.self), colour: try row.decode(column: "colour", as: String.self),
                reasons: try row.decode(column: "reasons", as: String.self), lag: try row.decode(column: "lag", as: Double?.self),
                ruleVersion: try row.decode(column: "rule_version", as: Int.self), asOf: try row.decode(column: "as_of", as: String.self),
                since: try row.decode(column: "since", as: String.self))
        }
        let warnings = try rows.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let input = WarningInput(
                asOf: judgedOn, annualPlan: try row.decode(column: "annual_plan", as: Int64?.self).map(Money.init(yuan:)),
                completedYTD: Money(yuan: try row.decode(column: "done", as: Int64.self)),
                plannedStart: try row.decode(column: "planned_start", as: String?.self).flatMap(CalendarDate.parse),
                stage: LifecycleStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .underConstruction,
                milestones: milestones[id] ?? [])
            let outcome = WarningRule.evaluate(input, thresholds: rule)
            let state = stored[id]
            let from = state.flatMap { $0.colour == outcome.colour.rawValue && $0.since <= judgedOn.iso ? $0.since : nil } ?? judgedOn.iso
            return ProjectWarning(projectID: id, code: try row.decode(column: "code", as: String.self),
                                  name: try row.decode(column: "name", as: String.self),
                                  unitID: try row.decode(column: "unit_id", as: UUID.self), outcome: outcome, since: from)
        }
        return (warnings, stored)
    }

    public struct Recomputed: Sendable, Equatable {
        public var projects: Int
        /// Projects whose colour changed (a history row each).
        public var changed: Int
        /// False when a later date's colours were already stored: an earlier date is then
        /// computed but not written, so history stays in date order.
        public var written: Bool
    }

    /// The reasons as JSON, written by hand: JSONEncoder, run 60 000 times, was a fifth of a
    /// recompute. Same output as the encoder with sorted keys, which `reasons(_:)` reads back.
    static func json(_ messages: [Message]) -> String {
        func quoted(_ s: String) -> String {
            var out = "\""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if ch.value < 0x20 { out += String(format: "\\u%04x", ch.value) } else { out.unicodeScalars.append(ch) }
                }
            }
            return out + "\""
        }
        return "[" + messages.map { "{\"en\":\(quoted($0.en)),\"zh\":\(quoted($0.zh))}" }.joined(separator: ",") + "]"
    }

    struct StoredState {
        var id: UUID
        var colour: String
        var reasons: String
        var lag: Double?
        var ruleVersion: Int
        var asOf: String
        var since: String
    }

    /// Recomputes and stores the colours on `asOf`, recording each change of colour. Runs in
    /// one transaction; writes only rows whose colour, reasons or lag moved.
    @discardableResult
    public static func recompute(districtID: UUID, year: Int, asOf: CalendarDate, on db: any Database) async throws -> Recomputed {
        try await db.writeTransaction { tx in
            let (warnings, byProject) = try await evaluateWithStates(districtID: districtID, year: year, asOf: asOf, on: tx)
            let judgedOn = (asOf.year > year ? CalendarDate(year: year, month: 12, day: 31)! : asOf).iso
            if byProject.values.contains(where: { $0.asOf > judgedOn }) {
                return Recomputed(projects: warnings.count, changed: 0, written: false)
            }
            var replace: [WarningStateModel] = [], stale: [UUID] = [], changes: [WarningChangeModel] = []
            let current = Set(warnings.map(\.projectID))
            for (project, state) in byProject where !current.contains(project) { stale.append(state.id) }
            for w in warnings {
                let reasons = Self.json(w.outcome.reasons)
                let old = byProject[w.projectID]
                if let old, old.colour == w.outcome.colour.rawValue, old.reasons == reasons, old.lag == w.outcome.lagPoints,
                   old.ruleVersion == w.outcome.ruleVersion {
                    continue
                }
                if let old { stale.append(old.id) }
                let s = WarningStateModel()
                s.id = UUID()
                s.districtID = districtID
                s.projectID = w.projectID
                s.year = year
                s.colour = w.outcome.colour.rawValue
                s.reasons = reasons
                s.lag = w.outcome.lagPoints
                s.since = w.since
                s.asOf = judgedOn
                s.ruleVersion = w.outcome.ruleVersion
                replace.append(s)
                if old?.colour != w.outcome.colour.rawValue {
                    let c = WarningChangeModel()
                    c.id = UUID()
                    c.districtID = districtID
                    c.projectID = w.projectID
                    c.year = year
                    c.fromColour = old?.colour
                    c.toColour = w.outcome.colour.rawValue
                    c.onDate = judgedOn
                    c.ruleVersion = w.outcome.ruleVersion
                    changes.append(c)
                }
            }
            for chunk in stride(from: 0, to: stale.count, by: 500) {
                try await WarningStateModel.query(on: tx).filter(\.$id ~~ Array(stale[chunk..<min(chunk + 500, stale.count)])).delete()
            }
            try await BulkInsert.insert(replace, on: tx)
            try await BulkInsert.insert(changes, on: tx)
            try await SupervisionItems.follow(warnings, districtID: districtID, year: year, on: judgedOn, in: tx)
            return Recomputed(projects: warnings.count, changed: changes.count, written: true)
        }
    }

    /// Stored reasons back as messages.
    public static func reasons(_ json: String) -> [Message] {
        (try? JSONDecoder().decode([Message].self, from: Data(json.utf8))) ?? []
    }
}

extension WarningStateModel: BulkInsertable {
    static let columns = ["id", "district_id", "project_id", "year", "colour", "reasons", "lag", "since", "as_of", "rule_version"]
    var row: [any Encodable & Sendable] { [id, districtID, projectID, year, colour, reasons, lag, since, asOf, ruleVersion] }
}

extension WarningChangeModel: BulkInsertable {
    static let columns = ["id", "district_id", "project_id", "year", "from_colour", "to_colour", "on_date", "rule_version"]
    var row: [any Encodable & Sendable] { [id, districtID, projectID, year, fromColour, toColour, onDate, ruleVersion] }
}
