import BallastCore
import Fluent
import Foundation
import SQLKit

/// Each project's warning colour on a day: the one rule every surface reads it by (the summary,
/// the dashboard, the map, the ledger's colour filter), so no two of them disagree about a day.
///
/// - From the day the stored colours were judged on, it is the stored state: the nightly
///   judgement and every recolour keep it.
/// - A past day the colour history covers (the year had been judged by then) reads the history:
///   the last change by then, so a past dashboard shows what was lit then.
/// - A past day before the year's first judgement (a ledger and its reports imported after the
///   fact) is judged by the rule at that day: never today's state, which judges the year's end.
public struct ColourAsOf: Sendable {
    public enum Source: Sendable, Equatable {
        case stored
        case history
        /// The rule judged at the day, for the whole district.
        case judged([ProjectWarning])
    }

    public var districtID: UUID
    public var year: Int
    public var day: CalendarDate
    public var source: Source

    public static func resolve(districtID: UUID, year: Int, on day: CalendarDate, db: any Database) async throws -> ColourAsOf {
        let sql = try db.sql()
        let bounds = try await sql.raw("""
            SELECT (SELECT MAX(as_of) FROM warning_states WHERE district_id = \(bind: districtID) AND year = \(bind: year)) AS stored,
                   (SELECT MIN(on_date) FROM warning_changes WHERE district_id = \(bind: districtID) AND year = \(bind: year)) AS first
            """).first()
        let stored = try bounds?.decode(column: "stored", as: CalendarDate?.self)
        let first = try bounds?.decode(column: "first", as: CalendarDate?.self)
        let source: Source
        if let stored, day >= stored {
            source = .stored
        } else if let first, first <= day {
            source = .history
        } else {
            source = .judged(try await WarningEngine.evaluate(districtID: districtID, year: year, asOf: day, on: db))
        }
        return ColourAsOf(districtID: districtID, year: year, day: day, source: source)
    }

    /// (project_id, colour) rows to join.
    public var subquery: SQLQueryString {
        switch source {
        case .stored:
            return "(SELECT w.project_id, w.colour FROM warning_states w WHERE w.district_id = \(bind: districtID) AND w.year = \(bind: year))"
        case .history:
            // The latest "date + colour" by then, with the colour read after the ten-character date.
            return "(SELECT c.project_id, substr(MAX(c.on_date || c.to_colour), 11) AS colour FROM warning_changes c"
                + " WHERE c.district_id = \(bind: districtID) AND c.year = \(bind: year) AND c.on_date <= \(bind: day.iso) GROUP BY c.project_id)"
        case .judged(let judged):
            let colours = Dictionary(judged.map { ($0.projectID, $0.outcome.colour) }, uniquingKeysWith: { a, _ in a })
            // The judged colours as rows: each project picked by its id, its colour by the list it is in.
            let byColour = WarningColour.allCases.map { c in (c, colours.filter { $0.value == c }.map(\.key)) }.filter { !$0.1.isEmpty }
            guard !byColour.isEmpty else { return "(SELECT j.id AS project_id, '' AS colour FROM projects j WHERE 1 = 0)" }
            var q: SQLQueryString = "(SELECT j.id AS project_id, CASE"
            for (colour, ids) in byColour {
                q += " WHEN j.id IN (" + Self.list(ids) + ") THEN \(literal: colour.rawValue)"
            }
            q += " END AS colour FROM projects j WHERE j.district_id = \(bind: districtID) AND j.id IN (" + Self.list(Array(colours.keys)) + "))"
            return q
        }
    }

    /// Each portfolio project's colour on the day, with the reasons it was judged for then and
    /// the day it took that colour, in code order: the warning board, its API and the CLI read
    /// this, so they show what the dashboard counts. A day the history covers has no lag (a
    /// change keeps its reasons, not its lag).
    /// `projects`, when given, are the only projects read: a leader's few among a city's
    /// thousands (at 6 000 projects, reading every colour and its reasons took 40 ms).
    public func warnings(scopeUnitID: UUID?, projects: [UUID]? = nil, on db: any Database) async throws -> [ProjectWarning] {
        // Past a few hundred ids the list would cost more than it saves (and bind limits exist).
        let only = projects.flatMap { $0.count <= Self.maxNamedProjects ? $0 : nil }
        switch source {
        case .judged(let judged):
            let named = only.map(Set.init)
            return judged.filter { (scopeUnitID == nil || $0.unitID == scopeUnitID) && (named?.contains($0.projectID) ?? true) }
        case .stored, .history:
            let sql = try db.sql()
            var q: SQLQueryString = "SELECT p.id, p.code, p.name, p.unit_id, "
            if source == .stored {
                q += "w.colour, w.reasons, w.lag, w.since, w.rule_version FROM warning_states w"
            } else {
                q += "w.to_colour AS colour, w.reasons, NULL AS lag, w.on_date AS since, w.rule_version FROM warning_changes w"
            }
            q += " JOIN projects p ON p.id = w.project_id"
                + " JOIN year_plans yp ON yp.project_id = p.id AND yp.year = w.year AND" + Portfolio.on(day)
                + " WHERE w.district_id = \(bind: districtID) AND w.year = \(bind: year)"
            if source == .history {
                // The last change by the day, picked as `subquery` picks it (two changes on one
                // day, which a recolour and the nightly run can make, are told apart by colour).
                q += " AND w.on_date || w.to_colour = (SELECT MAX(c.on_date || c.to_colour) FROM warning_changes c"
                    + " WHERE c.project_id = w.project_id AND c.year = w.year AND c.on_date <= \(bind: day.iso))"
            }
            if let scopeUnitID { q += " AND p.unit_id = \(bind: scopeUnitID)" }
            if let only {
                guard !only.isEmpty else { return [] }
                q += " AND p.id IN (\(binds: only))"
            }
            q += " ORDER BY p.code"
            return try await sql.raw(q).all().compactMap { row in
                guard let colour = WarningColour(rawValue: try row.decode(column: "colour", as: String.self)) else { return nil }
                return ProjectWarning(
                    projectID: try row.decode(column: "id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
                    name: try row.decode(column: "name", as: String.self), unitID: try row.decode(column: "unit_id", as: UUID.self),
                    outcome: WarningOutcome(colour: colour, reasons: WarningEngine.reasons(try row.decode(column: "reasons", as: String?.self) ?? "[]"),
                                            lagPoints: try row.decode(column: "lag", as: Double?.self),
                                            ruleVersion: try row.decode(column: "rule_version", as: Int.self)),
                    since: try row.decode(column: "since", as: CalendarDate.self))
            }
        }
    }

    /// The most projects `warnings(projects:)` names in its query; past it every colour is read.
    static let maxNamedProjects = 500

    static func list(_ ids: [UUID]) -> SQLQueryString {
        var q: SQLQueryString = ""
        for (i, id) in ids.enumerated() {
            q += i == 0 ? "\(bind: id)" : ", \(bind: id)"
        }
        return q
    }
}
