import Fluent
import Foundation

/// Writes audit entries. Callers pass the database they are changing through, so inside a
/// transaction the entry commits or rolls back with the change.
public enum Audit {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    public static func entry<Before: Encodable, After: Encodable>(
        districtID: UUID?, actor: ChangeActor, action: String, entity: String, entityID: UUID?,
        summary: String? = nil, before: Before?, after: After?
    ) -> AuditEntryModel {
        // The entry's district has changed: its data version advances as the transaction commits.
        DataVersion.touch(districtID)
        let e = AuditEntryModel()
        e.id = UUID()
        e.districtID = districtID
        e.at = Date()
        e.actor = actor.name
        e.role = actor.role
        e.address = actor.address
        e.action = action
        e.entity = entity
        e.entityID = entityID
        e.summary = summary
        e.before = before.flatMap { try? String(decoding: encoder.encode($0), as: UTF8.self) }
        e.after = after.flatMap { try? String(decoding: encoder.encode($0), as: UTF8.self) }
        return e
    }

    public static func record<Before: Encodable, After: Encodable>(
        on db: any Database, districtID: UUID?, actor: ChangeActor, action: String, entity: String, entityID: UUID?,
        summary: String? = nil, before: Before?, after: After?
    ) async throws {
        try await entry(districtID: districtID, actor: actor, action: action, entity: entity, entityID: entityID,
                        summary: summary, before: before, after: after).create(on: db)
        // Outside a write transaction nothing gathers the change: the version advances now.
        if DataVersion.current == nil {
            if let districtID { try await DataVersion.advanceNow(districtID, on: db) }
        }
    }
}

/// For audit entries with nothing on one side.
public struct Nothing: Encodable, Sendable {}
