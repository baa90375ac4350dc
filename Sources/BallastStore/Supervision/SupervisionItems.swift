import BallastCore
import Fluent
import Foundation
import SQLKit

/// 亮灯督办: supervision items follow the lights. A project has an open item exactly while its
/// stored colour is red or yellow, so only colour changes touch items: a change into red or
/// yellow from anything else opens one, a change out of them (or the project leaving the year's
/// portfolio) closes it. Items are never deleted: closed ones are the history.
public enum SupervisionItems {
    public static let warningSource = "warning"

    /// One project's move between stored colours; `to` is nil when it left the portfolio.
    struct Move {
        var projectID: UUID
        var unitID: UUID?
        var from: String?
        var to: WarningOutcome?
    }

    static func isLit(_ colour: String?) -> Bool { colour == WarningColour.red.rawValue || colour == WarningColour.yellow.rawValue }

    static func follow(_ moves: [Move], districtID: UUID, year: Int, on day: CalendarDate, in db: any Database) async throws {
        var opened: [SupervisionItemModel] = []
        var closing: [String: [UUID]] = [:]
        for m in moves {
            let wasLit = isLit(m.from), nowLit = isLit(m.to?.colour.rawValue)
            if nowLit, !wasLit, let to = m.to, let unitID = m.unitID {
                let item = SupervisionItemModel()
                item.id = UUID(); item.districtID = districtID; item.projectID = m.projectID; item.unitID = unitID
                item.year = year; item.source = warningSource; item.openedOn = day
                item.openedColour = to.colour.rawValue; item.reasons = WarningEngine.json(to.reasons)
                opened.append(item)
            } else if wasLit, !nowLit {
                closing[m.to?.colour.rawValue ?? "removed", default: []].append(m.projectID)
            }
        }
        try await BulkInsert.insert(opened, on: db)
        let sql = try db.sql()
        for (colour, projects) in closing {
            for chunk in stride(from: 0, to: projects.count, by: 500) {
                try await sql.update(SupervisionItemModel.schema)
                    .set("closed_on", to: day).set("closed_colour", to: colour)
                    .where("district_id", .equal, districtID).where("year", .equal, year)
                    .where("source", .equal, warningSource).where("closed_on", .is, SQLLiteral.null)
                    .where("project_id", .in, Array(projects[chunk..<min(chunk + 500, projects.count)]))
                    .run()
            }
        }
    }

    /// Opens an item for every lit project that has none: for databases whose colours were
    /// stored before items existed (run by the migration that adds them).
    static func backfill(on db: any Database) async throws {
        let sql = try db.sql()
        var items: [SupervisionItemModel] = []
        for row in try await sql.raw("""
            SELECT ws.district_id, ws.project_id, p.unit_id, ws.year, ws.colour, ws.reasons, ws.since
            FROM warning_states ws JOIN projects p ON p.id = ws.project_id
            WHERE ws.colour IN ('red', 'yellow')
            """).all() {
            let item = SupervisionItemModel()
            item.id = UUID(); item.districtID = try row.decode(column: "district_id", as: UUID.self)
            item.projectID = try row.decode(column: "project_id", as: UUID.self); item.unitID = try row.decode(column: "unit_id", as: UUID.self)
            item.year = try row.decode(column: "year", as: Int.self); item.source = warningSource
            item.openedOn = try row.decode(column: "since", as: CalendarDate.self); item.openedColour = try row.decode(column: "colour", as: String.self)
            item.reasons = try row.decode(column: "reasons", as: String.self)
            items.append(item)
        }
        try await BulkInsert.insert(items, on: db)
    }
}

extension SupervisionItemModel: BulkInsertable {
    static let columns = ["id", "district_id", "project_id", "unit_id", "year", "source", "opened_on", "opened_colour", "reasons",
                          "closed_on", "closed_colour"]
    var row: [any Encodable & Sendable] {
        [id, districtID, projectID, unitID, year, source, openedOn, openedColour, reasons, closedOn, closedColour]
    }
}

/// One supervision item as the lists show it, with the project and its colour now.
public struct SupervisionRow: Sendable, Equatable {
    public var id: UUID
    public var projectID: UUID
    public var code: String
    public var name: String
    public var unit: String
    public var openedOn: CalendarDate
    public var openedColour: WarningColour
    public var colour: WarningColour?
    public var reasons: [Message]
    public var closedOn: CalendarDate?
    public var closedColour: String?
}

public enum SupervisionQuery {
    /// Open items first (reddest first, then oldest), then closed ones, newest first.
    public static func run(districtID: UUID, year: Int, open: Bool?, scopeUnitID: UUID?, projectID: UUID? = nil,
                           on db: any Database) async throws -> [SupervisionRow] {
        let sql = try db.sql()
        var q: SQLQueryString = """
            SELECT s.id, s.project_id, p.code, p.name, u.name AS unit, s.opened_on, s.opened_colour, ws.colour, ws.reasons AS now_reasons,
                   s.reasons, s.closed_on, s.closed_colour
            FROM supervision_items s
            JOIN projects p ON p.id = s.project_id
            JOIN reference_entries u ON u.id = p.unit_id
            LEFT JOIN warning_states ws ON ws.project_id = s.project_id AND ws.year = s.year
            WHERE s.district_id = \(bind: districtID) AND s.year = \(bind: year)
            """
        if let open { q += open ? " AND s.closed_on IS NULL" : " AND s.closed_on IS NOT NULL" }
        // The unit responsible now, which is the project's: a project handed over takes its items along.
        if let scopeUnitID { q += " AND p.unit_id = \(bind: scopeUnitID)" }
        if let projectID { q += " AND s.project_id = \(bind: projectID)" }
        q += """
             ORDER BY CASE WHEN s.closed_on IS NULL THEN 0 ELSE 1 END,
                      CASE ws.colour WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END, s.opened_on, p.code
            """
        return try await sql.raw(q).all().map { r in
            let closed = try r.decode(column: "closed_on", as: CalendarDate?.self)
            // An open item states why the project is lit now; a closed one why it was lit.
            let now = try r.decode(column: "now_reasons", as: String?.self)
            let reasons = try closed == nil ? now ?? r.decode(column: "reasons", as: String.self) : r.decode(column: "reasons", as: String.self)
            return SupervisionRow(
                id: try r.decode(column: "id", as: UUID.self), projectID: try r.decode(column: "project_id", as: UUID.self),
                code: try r.decode(column: "code", as: String.self), name: try r.decode(column: "name", as: String.self),
                unit: try r.decode(column: "unit", as: String.self), openedOn: try r.decode(column: "opened_on", as: CalendarDate.self),
                openedColour: WarningColour(rawValue: try r.decode(column: "opened_colour", as: String.self)) ?? .red,
                colour: try r.decode(column: "colour", as: String?.self).flatMap(WarningColour.init(rawValue:)),
                reasons: WarningEngine.reasons(reasons),
                closedOn: closed, closedColour: try r.decode(column: "closed_colour", as: String?.self))
        }
    }
}
