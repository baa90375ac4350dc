import BallastCore
import Fluent
import Foundation
import SQLKit

/// A district's enterprises in memory, to find an investor's record by credit code, else by
/// name, creating the record when there is none. Used by the ledger import (one lookup per
/// row, new records inserted in bulk before the projects that point at them).
public struct EnterpriseIndex: Sendable {
    var districtID: UUID
    var byCode: [String: UUID] = [:]
    var byKey: [String: UUID] = [:]
    /// Records created by `resolve` and not yet stored.
    var created: [EnterpriseModel] = []

    public static func load(districtID: UUID, on db: any Database) async throws -> EnterpriseIndex {
        var index = EnterpriseIndex(districtID: districtID)
        let sql = try db.sql()
        for row in try await sql.raw("""
            SELECT id, name_key, credit_code FROM enterprises WHERE district_id = \(bind: districtID) AND merged_into IS NULL
            """).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            if let code = try row.decode(column: "credit_code", as: String?.self) { index.byCode[code] = id }
            let key = try row.decode(column: "name_key", as: String.self)
            if index.byKey[key] == nil { index.byKey[key] = id }
        }
        return index
    }

    /// The record for an investor: by credit code when it has one, else by name; nil without a name.
    public mutating func resolve(name: String?, creditCode: String?) -> UUID? {
        guard let name = name?.trimmed, !name.isEmpty else { return nil }
        let key = EnterpriseName.key(name)
        if let creditCode, let id = byCode[creditCode] { return id }
        if creditCode == nil, let id = byKey[key] { return id }
        // A code not seen before, on a name already known without a code: the same enterprise.
        // (A stored record found by name keeps its own code, or none: a new record is made and
        // the two show up among the duplicates by name, for someone to merge knowingly.)
        if let creditCode, let id = byKey[key], let known = created.first(where: { $0.id == id }), known.creditCode == nil {
            known.creditCode = creditCode
            byCode[creditCode] = id
            return id
        }
        let e = EnterpriseModel()
        e.id = UUID(); e.districtID = districtID; e.name = name; e.nameKey = key; e.creditCode = creditCode
        e.aboveScale = false; e.version = 1
        created.append(e)
        if let creditCode { byCode[creditCode] = e.id }
        if byKey[key] == nil { byKey[key] = e.id }
        return e.id
    }

    /// Stores the records `resolve` created, returning them (for the audit trail).
    public mutating func save(on db: any Database) async throws -> [EnterpriseModel] {
        let out = created
        try await BulkInsert.insert(created, on: db)
        created = []
        return out
    }

    /// One enterprise by credit code, else name, created (and audited, with `why`) when the
    /// district has none: for a form naming one enterprise (a pool move, a lead, a trip).
    public static func findOrCreate(name: String, creditCode: String?, districtID: UUID, actor: ChangeActor, why: String,
                                    on db: any Database) async throws -> UUID? {
        var index = try await load(districtID: districtID, on: db)
        let id = index.resolve(name: name, creditCode: creditCode)
        for e in try await index.save(on: db) {
            try await Audit.record(on: db, districtID: districtID, actor: actor, action: "create", entity: "enterprise",
                                   entityID: e.id, summary: "\(e.name)（\(why)）", before: Nothing?.none, after: ["name": e.name])
        }
        return id
    }

    /// Links every project with an investor and no enterprise yet (after the migration that
    /// adds enterprises, or a loader that wrote projects directly).
    public static func linkUnlinked(districtID: UUID, on db: any Database) async throws {
        var index = try await load(districtID: districtID, on: db)
        let projects = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$enterpriseID == nil).filter(\.$investor != nil)
            // The columns it needs: it also runs inside the migration that adds enterprises,
            // before later migrations add the model's other columns.
            .field(\.$id).field(\.$investor).field(\.$creditCode).field(\.$enterpriseID).all()
        var links: [(ProjectModel, UUID)] = []
        for p in projects {
            if let id = index.resolve(name: p.investor, creditCode: p.creditCode) { links.append((p, id)) }
        }
        _ = try await index.save(on: db)
        for (p, id) in links {
            p.enterpriseID = id
            try await p.update(on: db)
        }
    }
}

extension EnterpriseModel: BulkInsertable {
    static let columns = ["id", "district_id", "name", "name_key", "credit_code", "industry", "address", "above_scale",
                          "contact_name", "contact_phone", "service_official", "merged_into", "version", "created_at", "updated_at"]
    var row: [any Encodable & Sendable] {
        let now = Date()
        return [id, districtID, name, nameKey, creditCode, industry, address, aboveScale, contactName, contactPhone,
                serviceOfficial, mergedInto, version, now, now]
    }
}
