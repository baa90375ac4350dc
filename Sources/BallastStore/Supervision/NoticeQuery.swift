import BallastCore
import Fluent
import Foundation
import SQLKit

/// Notices as the list and a notice's page show them, with the unit's name.
public enum NoticeQuery {
    public struct Row: Sendable, Equatable {
        public var id: UUID
        public var number: String
        public var unit: String
        public var subject: String
        public var problemID: UUID?
        public var item: String
        public var originalDeadline: CalendarDate?
        public var newDeadline: CalendarDate
        public var issuedOn: CalendarDate
        public var issuedBy: String
        public var automatic: Bool
        public var acknowledgedOn: CalendarDate?
        public var acknowledgedBy: String?
        public var escalatedOn: CalendarDate?
        public var version: Int
    }

    /// 已发 / 未签收 / 已上报: the notices of the year (all years when nil) in the scope, counted
    /// in the database, whichever of them a page lists.
    public struct Figures: Sendable, Equatable {
        public var issued: Int
        public var open: Int
        public var escalated: Int
    }

    public static func figures(districtID: UUID, year: Int?, scopeUnitID: UUID?, on db: any Database) async throws -> Figures {
        var q: SQLQueryString = """
            SELECT COUNT(*) AS issued,
                   SUM(CASE WHEN n.acknowledged_on IS NULL THEN 1 ELSE 0 END) AS still_open,
                   SUM(CASE WHEN n.acknowledged_on IS NULL AND n.escalated_on IS NOT NULL THEN 1 ELSE 0 END) AS escalated
            FROM notices n WHERE n.district_id = \(bind: districtID)
            """
        if let year { q += " AND n.year = \(bind: year)" }
        if let scopeUnitID { q += " AND n.unit_id = \(bind: scopeUnitID)" }
        let r = try await (try db.sql()).raw(q).first()
        func n(_ column: String) throws -> Int { Int(try r?.decode(column: column, as: Int64?.self) ?? 0) }
        return Figures(issued: try n("issued"), open: try n("still_open"), escalated: try n("escalated"))
    }

    /// Newest first; `pending` keeps the unacknowledged only.
    public static func list(districtID: UUID, year: Int?, pending: Bool = false, scopeUnitID: UUID?, id: UUID? = nil, limit: Int = 200,
                            on db: any Database) async throws -> [Row] {
        let sql = try db.sql()
        var q: SQLQueryString = """
            SELECT n.id, n.number, u.name AS unit, n.subject, n.problem_id, n.item, n.original_deadline, n.new_deadline, n.issued_on, n.issued_by,
                   n.automatic, n.acknowledged_on, n.acknowledged_by, n.escalated_on, n.version
            FROM notices n JOIN reference_entries u ON u.id = n.unit_id WHERE n.district_id = \(bind: districtID)
            """
        if let year { q += " AND n.year = \(bind: year)" }
        if pending { q += " AND n.acknowledged_on IS NULL" }
        if let scopeUnitID { q += " AND n.unit_id = \(bind: scopeUnitID)" }
        if let id { q += " AND n.id = \(bind: id)" }
        q += " ORDER BY n.year DESC, n.seq DESC LIMIT \(literal: limit)"
        return try await sql.raw(q).all().map { r in
            Row(id: try r.decode(column: "id", as: UUID.self), number: try r.decode(column: "number", as: String.self),
                unit: try r.decode(column: "unit", as: String.self), subject: try r.decode(column: "subject", as: String.self),
                problemID: try r.decode(column: "problem_id", as: UUID?.self), item: try r.decode(column: "item", as: String.self),
                originalDeadline: try r.decode(column: "original_deadline", as: CalendarDate?.self), newDeadline: try r.decode(column: "new_deadline", as: CalendarDate.self),
                issuedOn: try r.decode(column: "issued_on", as: CalendarDate.self), issuedBy: try r.decode(column: "issued_by", as: String.self),
                automatic: try r.decode(column: "automatic", as: Bool.self), acknowledgedOn: try r.decode(column: "acknowledged_on", as: CalendarDate?.self),
                acknowledgedBy: try r.decode(column: "acknowledged_by", as: String?.self), escalatedOn: try r.decode(column: "escalated_on", as: CalendarDate?.self),
                version: try r.decode(column: "version", as: Int.self))
        }
    }
}
