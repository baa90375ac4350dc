import BallastCore
import Fluent
import Foundation
import SQLKit

/// One enterprise row of a list, with how many projects name it.
public struct EnterpriseRow: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var creditCode: String?
    public var industry: String?
    public var aboveScale: Bool
    public var serviceOfficial: String?
    public var projects: Int
    public var version: Int
}

public enum EnterpriseQuery {
    /// Live records, searched by name or credit code (`q`, wildcards taken literally), by name.
    public static func list(districtID: UUID, q: String?, limit: Int = 200, offset: Int = 0,
                            on db: any Database) async throws -> (total: Int, rows: [EnterpriseRow]) {
        let sql = try db.sql()
        var filter: SQLQueryString = "e.district_id = \(bind: districtID) AND e.merged_into IS NULL"
        if let q = q?.trimmed, !q.isEmpty {
            filter += " AND (LOWER(e.name) LIKE \(bind: "%" + ProjectListQuery.escapeLike(q.lowercased()) + "%") ESCAPE '\\' OR e.credit_code = \(bind: q.uppercased()))"
        }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM enterprises e WHERE " + filter).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT e.id, e.name, e.credit_code, e.industry, e.above_scale, e.service_official, e.version,
                   (SELECT COUNT(*) FROM projects p WHERE p.enterprise_id = e.id) AS projects
            FROM enterprises e WHERE
            """ + " " + filter + " ORDER BY e.name, e.id LIMIT \(unsafeRaw: String(limit)) OFFSET \(unsafeRaw: String(offset))").all()
        return (total, try rows.map(row))
    }

    static func row(_ r: any SQLRow) throws -> EnterpriseRow {
        EnterpriseRow(id: try r.decode(column: "id", as: UUID.self), name: try r.decode(column: "name", as: String.self),
                      creditCode: try r.decode(column: "credit_code", as: String?.self), industry: try r.decode(column: "industry", as: String?.self),
                      aboveScale: try r.decode(column: "above_scale", as: Bool.self),
                      serviceOfficial: try r.decode(column: "service_official", as: String?.self),
                      projects: try r.decode(column: "projects", as: Int.self), version: try r.decode(column: "version", as: Int.self))
    }

    /// Live records sharing a name once spaces, full-width forms and case are set aside:
    /// the candidates for a merge, in groups.
    public static func duplicatesByName(districtID: UUID, on db: any Database) async throws -> [[EnterpriseRow]] {
        let sql = try db.sql()
        let rows = try await sql.raw("""
            SELECT e.id, e.name, e.name_key, e.credit_code, e.industry, e.above_scale, e.service_official, e.version,
                   (SELECT COUNT(*) FROM projects p WHERE p.enterprise_id = e.id) AS projects
            FROM enterprises e
            WHERE e.district_id = \(bind: districtID) AND e.merged_into IS NULL AND e.name_key IN (
                SELECT name_key FROM enterprises WHERE district_id = \(bind: districtID) AND merged_into IS NULL
                GROUP BY name_key HAVING COUNT(*) > 1)
            ORDER BY e.name_key, e.name, e.id
            """).all()
        var groups: [[EnterpriseRow]] = []
        var lastKey: String?
        for r in rows {
            let key = try r.decode(column: "name_key", as: String.self)
            if key != lastKey { groups.append([]); lastKey = key }
            groups[groups.count - 1].append(try row(r))
        }
        return groups
    }

    public static func find(_ id: UUID, districtID: UUID, on db: any Database) async throws -> EnterpriseModel? {
        try await EnterpriseModel.query(on: db).filter(\.$id == id).filter(\.$districtID == districtID).first()
    }

    /// The live (not merged) enterprise of this exact name, if the district has one.
    public static func named(_ name: String, districtID: UUID, on db: any Database) async throws -> UUID? {
        try await EnterpriseModel.query(on: db).filter(\.$districtID == districtID).filter(\.$name == name)
            .filter(\.$mergedInto == nil).first()?.id
    }

    /// The 外出招商 trips that visited an enterprise, newest first.
    public static func trips(visiting enterpriseID: UUID, on db: any Database) async throws -> [TripSummary] {
        let tripIDs = try await TripVisitModel.query(on: db).filter(\.$enterpriseID == enterpriseID).all().map(\.tripID)
        return tripIDs.isEmpty ? [] : try await TripModel.query(on: db).filter(\.$id ~~ tripIDs).sort(\.$startedOn, .descending).all()
            .map(TripSummary.init)
    }

    /// The projects naming an enterprise, narrowed to a unit's own where the reader is a unit.
    public static func projects(enterpriseID: UUID, scopeUnitID: UUID?, on db: any Database) async throws -> [ProjectModel] {
        var q = ProjectModel.query(on: db).filter(\.$enterpriseID == enterpriseID)
        if let scopeUnitID { q = q.filter(\.$unit.$id == scopeUnitID) }
        return try await q.sort(\.$code).all()
    }
}
