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
    public var since: CalendarDate
}

/// Computes the 红黄蓝绿 colours of a district's portfolio: the figures come from SQL in two
/// queries, the rule from BallastCore, and the results go back in bulk.
public enum WarningEngine {
    /// The district's thresholds for the year: its latest version, else the standard rule.
    public static func thresholds(districtID: UUID, year: Int, on db: any Database) async throws -> WarningThresholds {
        guard let r = try await WarningRuleModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year)
            .sort(\.$version, .descending).first() else { return .standard }
        return WarningThresholds(version: r.version, blueLagPoints: r.blueLag, yellowLagPoints: r.yellowLag,
                                 blueLateDays: r.blueDays, yellowLateDays: r.yellowDays,
                                 statsYellowMonths: r.statsYellowMonths, statsRedMonths: r.statsRedMonths)
    }

    /// Every portfolio project's colour on `asOf`, without writing anything.
    /// `scopeUnitID` narrows to one unit's projects in the query itself, as every list does.
    public static func evaluate(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID? = nil,
                                on db: any Database) async throws -> [ProjectWarning] {
        try await evaluateWithStates(districtID: districtID, year: year, asOf: asOf, scopeUnitID: scopeUnitID, on: db).map(\.0)
    }

    /// The colours on `asOf` if figures not yet approved were (`adding`, by project): what
    /// approving a month's submitted reports would light, for the review queue.
    public static func wouldGive(districtID: UUID, year: Int, asOf: CalendarDate, adding extra: [UUID: Money], scopeUnitID: UUID? = nil,
                                 on db: any Database) async throws -> [ProjectWarning] {
        wouldGive(try await read(districtID: districtID, year: year, asOf: asOf, scopeUnitID: scopeUnitID, on: db), adding: extra)
    }

    /// The same from a reading made before what is pending was known.
    public static func wouldGive(_ reading: Reading, adding extra: [UUID: Money]) -> [ProjectWarning] {
        judge(reading, adding: extra).map(\.0)
    }

    /// What the rule reads for each portfolio project on a day, read once: judged as it is, or
    /// again with figures not yet approved added (`judge(_:adding:)`). The review queue reads it
    /// beside the month's reports, on the other connection, before it knows what is pending.
    public struct Reading: Sendable {
        struct Entry: Sendable {
            var id: UUID
            var code: String
            var name: String
            var unitID: UUID
            var input: WarningInput
            var state: StoredState?
        }
        var rule: WarningThresholds
        var judgedOn: CalendarDate
        var entries: [Entry]
    }

    /// The colours, each with the state stored for its project (joined in the same query: a
    /// separate read cost a sixth of a recompute). For a recompute (`forRecompute`) code and
    /// name are left empty, as it writes neither, and the whole stored state is read to compare;
    /// otherwise only the stored colour and since-date, which `since` needs.
    static func evaluateWithStates(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID? = nil, forRecompute: Bool = false,
                                   on db: any Database) async throws -> [(ProjectWarning, StoredState?)] {
        judge(try await read(districtID: districtID, year: year, asOf: asOf, scopeUnitID: scopeUnitID, forRecompute: forRecompute, on: db))
    }

    /// The rule's inputs for each project on `asOf` (see `evaluateWithStates` for `forRecompute`).
    public static func read(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID? = nil, forRecompute: Bool = false,
                            on db: any Database) async throws -> Reading {
        let sql = try db.sql()
        let rule = try await thresholds(districtID: districtID, year: year, on: db)
        let throughMonth = asOf.year > year ? 12 : asOf.month
        var query: SQLQueryString = """
            SELECT p.id,
            """ + (forRecompute ? "ws.reasons AS s_reasons, ws.lag AS s_lag, ws.rule_version AS s_rule," : "p.code, p.name,") + """
             p.unit_id, p.stage, p.planned_start,
            """ + Portfolio.plan(on: JudgingDay.of(year: year, asOf: asOf)) + """
             AS annual_plan, ws.colour AS s_colour, ws.since AS s_since,
                   CAST(COALESCE(c.done, 0) AS BIGINT) AS done,
                   st.started_on AS st_started, st.declared_on AS st_declared, st.included_on AS st_included
            FROM year_plans yp
            JOIN projects p ON p.id = yp.project_id
            LEFT JOIN warning_states ws ON ws.project_id = p.id AND ws.year = yp.year
            LEFT JOIN project_statistics st ON st.project_id = p.id
            LEFT JOIN
            """ + CompletedQuery.subquery(districtID: districtID, year: year, throughMonth: throughMonth) + """
             c ON c.project_id = p.id
            WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: year) AND
            """ + Portfolio.on(JudgingDay.of(year: year, asOf: asOf))
        if let scopeUnitID { query += " AND p.unit_id = \(bind: scopeUnitID)" }
        let rows = try await sql.raw(forRecompute ? query : query + " ORDER BY p.code").all()
        // A year that is over is judged at its last day.
        let judgedOn = JudgingDay.of(year: year, asOf: asOf)
        // Only open milestones already past their date can make a project late: the rest are not
        // read, and their (empty) actual date is not either.
        var milestones: [UUID: [WarningInput.Milestone]] = [:]
        for m in try await sql.raw("""
            SELECT project_id, name, planned FROM milestones
            WHERE district_id = \(bind: districtID) AND year = \(bind: year) AND actual IS NULL AND planned < \(bind: judgedOn.iso)
            ORDER BY project_id, seq
            """).all() {
            let planned = try m.decode(column: "planned", as: CalendarDate.self)
            milestones[try m.decode(column: "project_id", as: UUID.self), default: []].append(WarningInput.Milestone(
                name: try m.decode(column: "name", as: String.self), planned: planned, actual: nil))
        }
        return Reading(rule: rule, judgedOn: judgedOn, entries: try rows.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let input = WarningInput(
                asOf: judgedOn, annualPlan: try row.decode(column: "annual_plan", as: Int64?.self).map(Money.init(yuan:)),
                completedYTD: Money(yuan: try row.decode(column: "done", as: Int64.self)),
                plannedStart: try row.decode(column: "planned_start", as: String?.self).flatMap(CalendarDate.parse),
                stage: LifecycleStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .underConstruction,
                milestones: milestones[id] ?? [],
                statistics: try row.decode(column: "st_started", as: String?.self).flatMap(CalendarDate.parse).map { started in
                    StatisticsRecord(startedOn: started,
                                     declaredOn: try row.decode(column: "st_declared", as: String?.self).flatMap(CalendarDate.parse),
                                     includedOn: try row.decode(column: "st_included", as: String?.self).flatMap(CalendarDate.parse))
                })
            var state: StoredState?
            if let colour = try row.decode(column: "s_colour", as: String?.self) {
                state = StoredState(colour: colour, reasons: forRecompute ? try row.decode(column: "s_reasons", as: String.self) : "",
                                    lag: forRecompute ? try row.decode(column: "s_lag", as: Double?.self) : nil,
                                    ruleVersion: forRecompute ? try row.decode(column: "s_rule", as: Int.self) : 0,
                                    since: try row.decode(column: "s_since", as: CalendarDate.self))
            }
            return Reading.Entry(id: id, code: forRecompute ? "" : try row.decode(column: "code", as: String.self),
                                 name: forRecompute ? "" : try row.decode(column: "name", as: String.self),
                                 unitID: try row.decode(column: "unit_id", as: UUID.self), input: input, state: state)
        })
    }

    /// Each read project judged by the rule, with `extra` (figures not yet approved) added to
    /// its completed; the colour's since-day from the stored state when the colour holds.
    static func judge(_ reading: Reading, adding extra: [UUID: Money] = [:]) -> [(ProjectWarning, StoredState?)] {
        reading.entries.map { e in
            var input = e.input
            if let more = extra[e.id] { input.completedYTD = Money(yuan: input.completedYTD.yuan.saturatingAdd(more.yuan)) }
            let outcome = WarningRule.evaluate(input, thresholds: reading.rule)
            let judgedOn = reading.judgedOn
            let from = e.state.flatMap { $0.colour == outcome.colour.rawValue && $0.since <= judgedOn ? $0.since : nil } ?? judgedOn
            return (ProjectWarning(projectID: e.id, code: e.code, name: e.name, unitID: e.unitID, outcome: outcome, since: from), e.state)
        }
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
            // Reasons rarely hold a character JSON escapes: then the string goes in whole, which
            // is what keeps this off the profile of a 60 000-project recompute.
            if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
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

    struct StoredState: Sendable {
        var colour: String
        var reasons: String
        var lag: Double?
        var ruleVersion: Int
        var since: CalendarDate
    }

    /// Recomputes and stores the colours on `asOf`, recording each change of colour. Runs in
    /// one transaction; writes only rows whose colour, reasons or lag moved.
    @discardableResult
    public static func recompute(districtID: UUID, year: Int, asOf: CalendarDate, on db: any Database) async throws -> Recomputed {
        try await db.writeTransaction { tx in
            // Colours are written without audit entries: the district's answers move all the same.
            DataVersion.touch(districtID)
            try await DistrictLock.takeColours(districtID: districtID, year: year, in: tx)
            let judgedOn = JudgingDay.of(year: year, asOf: asOf)
            let latest = try await (try tx.sql()).raw("""
                SELECT MAX(as_of) AS latest FROM warning_states WHERE district_id = \(bind: districtID) AND year = \(bind: year)
                """).first()?.decode(column: "latest", as: CalendarDate?.self)
            let evaluated = try await evaluateWithStates(districtID: districtID, year: year, asOf: asOf, forRecompute: true, on: tx)
            if let latest, latest > judgedOn {
                return Recomputed(projects: evaluated.count, changed: 0, written: false)
            }
            // Stale states are removed by project: the project and year identify a state.
            var replace: [WarningStateModel] = [], stale: [UUID] = [], changes: [WarningChangeModel] = []
            var moves: [SupervisionItems.Move] = []
            // States of projects that have left the year's portfolio on the day: those not judged.
            // Not "no annual plan now": a project moved out from a later day (动态调整) is still
            // in the list today and keeps its colour until then. Each judged project matched its
            // own state in the join, so when the year holds no more states than were matched
            // there are none to look for.
            let storedCount = try await WarningStateModel.query(on: tx).filter(\.$districtID == districtID).filter(\.$year == year).count()
            let matched = evaluated.filter { $0.1 != nil }.count
            let judged = Set(evaluated.map(\.0.projectID))
            for row in storedCount == matched ? [] : try await (try tx.sql()).raw("""
                SELECT ws.project_id, ws.colour FROM warning_states ws
                WHERE ws.district_id = \(bind: districtID) AND ws.year = \(bind: year)
                """).all() {
                let project = try row.decode(column: "project_id", as: UUID.self)
                if judged.contains(project) { continue }
                stale.append(project)
                moves.append(.init(projectID: project, unitID: nil, from: try row.decode(column: "colour", as: String.self), to: nil))
            }
            for (w, old) in evaluated {
                let reasons = Self.json(w.outcome.reasons)
                if let old, old.colour == w.outcome.colour.rawValue, old.reasons == reasons, old.lag == w.outcome.lagPoints,
                   old.ruleVersion == w.outcome.ruleVersion {
                    continue
                }
                if old != nil { stale.append(w.projectID) }
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
                    moves.append(.init(projectID: w.projectID, unitID: w.unitID, from: old?.colour, to: w.outcome))
                    let c = WarningChangeModel()
                    c.id = UUID()
                    c.districtID = districtID
                    c.projectID = w.projectID
                    c.year = year
                    c.fromColour = old?.colour
                    c.toColour = w.outcome.colour.rawValue
                    c.onDate = judgedOn
                    c.ruleVersion = w.outcome.ruleVersion
                    c.reasons = reasons
                    changes.append(c)
                }
            }
            for chunk in stride(from: 0, to: stale.count, by: 500) {
                try await WarningStateModel.query(on: tx).filter(\.$districtID == districtID).filter(\.$year == year)
                    .filter(\.$projectID ~~ Array(stale[chunk..<min(chunk + 500, stale.count)])).delete()
            }
            try await BulkInsert.insert(replace, on: tx)
            try await BulkInsert.insert(changes, on: tx)
            try await SupervisionItems.follow(moves, districtID: districtID, year: year, on: judgedOn, in: tx)
            return Recomputed(projects: evaluated.count, changed: changes.count, written: true)
        }
    }

    /// Stored reasons back as messages.
    public static func reasons(_ json: String) -> [Message] {
        if let read = writtenReasons(json) { return read }
        return (try? JSONDecoder().decode([Message].self, from: Data(json.utf8))) ?? []
    }

    /// Reads what `json(_:)` writes, `[{"en":"…","zh":"…"},…]` with no escapes, by hand:
    /// JSONDecoder, run for a 6 000-project warning list, was a third of its time. Anything
    /// else (an escape, other spacing, another writer's JSON) is nil, for the decoder to read.
    static func writtenReasons(_ json: String) -> [Message]? {
        let bytes = Array(json.utf8)
        var i = 0
        func expect(_ literal: StaticString) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            let ok = literal.withUTF8Buffer { lit in (0..<n).allSatisfy { bytes[i + $0] == lit[$0] } }
            if ok { i += n }
            return ok
        }
        /// The text up to the next quote; nil at an escape or the end.
        func text() -> String? {
            let start = i
            while i < bytes.count, bytes[i] != 0x22 {
                if bytes[i] == 0x5C { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            defer { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        guard expect("[") else { return nil }
        var out: [Message] = []
        if expect("]") { return i == bytes.count ? out : nil }
        while true {
            guard expect("{\"en\":\""), let en = text(), expect(",\"zh\":\""), let zh = text(), expect("}") else { return nil }
            out.append(Message(zh: zh, en: en))
            if expect("]") { return i == bytes.count ? out : nil }
            guard expect(",") else { return nil }
        }
    }
}

extension WarningStateModel: BulkInsertable {
    static let columns = ["id", "district_id", "project_id", "year", "colour", "reasons", "lag", "since", "as_of", "rule_version"]
    var row: [any Encodable & Sendable] { [id, districtID, projectID, year, colour, reasons, lag, since, asOf, ruleVersion] }
}

extension WarningChangeModel: BulkInsertable {
    static let columns = ["id", "district_id", "project_id", "year", "from_colour", "to_colour", "on_date", "rule_version", "reasons"]
    var row: [any Encodable & Sendable] { [id, districtID, projectID, year, fromColour, toColour, onDate, ruleVersion, reasons] }
}

extension Int64 {
    /// A sum that stops at the largest amount instead of trapping: the rule reads such a sum as
    /// far ahead of plan, which any real figure near it would be.
    func saturatingAdd(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
