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
        case judged([UUID: WarningColour])
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
            let judged = try await WarningEngine.evaluate(districtID: districtID, year: year, asOf: day, on: db)
            source = .judged(Dictionary(judged.map { ($0.projectID, $0.outcome.colour) }, uniquingKeysWith: { a, _ in a }))
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
        case .judged(let colours):
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

    static func list(_ ids: [UUID]) -> SQLQueryString {
        var q: SQLQueryString = ""
        for (i, id) in ids.enumerated() {
            q += i == 0 ? "\(bind: id)" : ", \(bind: id)"
        }
        return q
    }
}
