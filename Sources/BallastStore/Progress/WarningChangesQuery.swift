import BallastCore
import Fluent
import Foundation
import SQLKit

/// One change of a project's colour, named: "new reds this week", "turned green".
public struct ColourChange: Sendable, Equatable {
    public var code: String
    public var name: String
    public var unitID: UUID
    public var from: WarningColour?
    public var to: WarningColour
    public var on: CalendarDate
}

public enum WarningChangesQuery {
    /// Changes of colour in a district year between two dates (inclusive), newest first,
    /// optionally only those to one of `to`.
    public static func run(districtID: UUID, year: Int, from: CalendarDate, through: CalendarDate, to: Set<WarningColour>?,
                           scopeUnitID: UUID? = nil, on db: any Database) async throws -> [ColourChange] {
        let sql = try db.sql()
        var query: SQLQueryString = """
            SELECT p.code, p.name, p.unit_id, c.from_colour, c.to_colour, c.on_date
            FROM warning_changes c JOIN projects p ON p.id = c.project_id
            WHERE c.district_id = \(bind: districtID) AND c.year = \(bind: year)
              AND c.on_date >= \(bind: from.iso) AND c.on_date <= \(bind: through.iso)
            """
        if let to, !to.isEmpty { query += " AND c.to_colour IN (\(binds: to.map(\.rawValue).sorted()))" }
        if let scopeUnitID { query += " AND p.unit_id = \(bind: scopeUnitID)" }
        query += " ORDER BY c.on_date DESC, p.code"
        return try await sql.raw(query).all().map { row in
            ColourChange(code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                         unitID: try row.decode(column: "unit_id", as: UUID.self),
                         from: try row.decode(column: "from_colour", as: String?.self).flatMap(WarningColour.init(rawValue:)),
                         to: WarningColour(rawValue: try row.decode(column: "to_colour", as: String.self)) ?? .green,
                         on: try row.decode(column: "on_date", as: CalendarDate.self))
        }
    }
}
