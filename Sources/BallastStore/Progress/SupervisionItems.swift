import BallastCore
import Fluent
import Foundation
import SQLKit

/// 亮灯督办: supervision items follow the lights. Each recompute opens an item for every red or
/// yellow project without one, and closes the open item of every project now blue or green
/// (or no longer in the year's portfolio). Items are never deleted: closed ones are the history.
public enum SupervisionItems {
    public static let warningSource = "warning"

    static func follow(_ warnings: [ProjectWarning], districtID: UUID, year: Int, on day: String, in db: any Database) async throws {
        let sql = db as! any SQLDatabase
        var open: [UUID: UUID] = [:]
        for row in try await sql.raw("""
            SELECT id, project_id FROM supervision_items
            WHERE district_id = \(bind: districtID) AND year = \(bind: year) AND source = \(bind: warningSource) AND closed_on IS NULL
            """).all() {
            open[try row.decode(column: "project_id", as: UUID.self)] = try row.decode(column: "id", as: UUID.self)
        }
        var opened: [SupervisionItemModel] = []
        var closing: [String: [UUID]] = [:]
        var seen = Set<UUID>()
        for w in warnings {
            seen.insert(w.projectID)
            let lit = w.outcome.colour >= .yellow
            if lit, open[w.projectID] == nil {
                let item = SupervisionItemModel()
                item.id = UUID(); item.districtID = districtID; item.projectID = w.projectID; item.unitID = w.unitID
                item.year = year; item.source = warningSource; item.openedOn = day
                item.openedColour = w.outcome.colour.rawValue; item.reasons = WarningEngine.json(w.outcome.reasons)
                opened.append(item)
            } else if !lit, let id = open[w.projectID] {
                closing[w.outcome.colour.rawValue, default: []].append(id)
            }
        }
        for (project, id) in open where !seen.contains(project) { closing["removed", default: []].append(id) }
        try await BulkInsert.insert(opened, on: db)
        for (colour, ids) in closing {
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                try await sql.update(SupervisionItemModel.schema)
                    .set("closed_on", to: day).set("closed_colour", to: colour)
                    .where("id", .in, Array(ids[chunk..<min(chunk + 500, ids.count)]))
                    .run()
            }
        }
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
    public var openedOn: String
    public var openedColour: WarningColour
    public var colour: WarningColour?
    public var reasons: [Message]
    public var closedOn: String?
    public var closedColour: String?
}

public enum SupervisionQuery {
    /// Open items first (reddest first, then oldest), then closed ones, newest first.
    public static func run(districtID: UUID, year: Int, open: Bool?, scopeUnitID: UUID?, projectID: UUID? = nil,
                           on db: any Database) async throws -> [SupervisionRow] {
        let sql = db as! any SQLDatabase
        var q: SQLQueryString = """
            SELECT s.id, s.project_id, p.code, p.name, u.name AS unit, s.opened_on, s.opened_colour, ws.colour, ws.reasons AS now_reasons,
                   s.reasons, s.closed_on, s.closed_colour
            FROM supervision_items s
            JOIN projects p ON p.id = s.project_id
            JOIN reference_entries u ON u.id = s.unit_id
            LEFT JOIN warning_states ws ON ws.project_id = s.project_id AND ws.year = s.year
            WHERE s.district_id = \(bind: districtID) AND s.year = \(bind: year)
            """
        if let open { q += open ? " AND s.closed_on IS NULL" : " AND s.closed_on IS NOT NULL" }
        if let scopeUnitID { q += " AND s.unit_id = \(bind: scopeUnitID)" }
        if let projectID { q += " AND s.project_id = \(bind: projectID)" }
        q += """
             ORDER BY CASE WHEN s.closed_on IS NULL THEN 0 ELSE 1 END,
                      CASE ws.colour WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END, s.opened_on, p.code
            """
        return try await sql.raw(q).all().map { r in
            let closed = try r.decode(column: "closed_on", as: String?.self)
            // An open item states why the project is lit now; a closed one why it was lit.
            let now = try r.decode(column: "now_reasons", as: String?.self)
            let reasons = try closed == nil ? now ?? r.decode(column: "reasons", as: String.self) : r.decode(column: "reasons", as: String.self)
            return SupervisionRow(
                id: try r.decode(column: "id", as: UUID.self), projectID: try r.decode(column: "project_id", as: UUID.self),
                code: try r.decode(column: "code", as: String.self), name: try r.decode(column: "name", as: String.self),
                unit: try r.decode(column: "unit", as: String.self), openedOn: try r.decode(column: "opened_on", as: String.self),
                openedColour: WarningColour(rawValue: try r.decode(column: "opened_colour", as: String.self)) ?? .red,
                colour: try r.decode(column: "colour", as: String?.self).flatMap(WarningColour.init(rawValue:)),
                reasons: WarningEngine.reasons(reasons),
                closedOn: closed, closedColour: try r.decode(column: "closed_colour", as: String?.self))
        }
    }
}
