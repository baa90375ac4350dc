import Foundation
import Fluent
import SQLKit

/// 前期手续 as a chain (issue 27): each approval item becomes a step with its place, the day
/// applied for, the promised working days, the 批复文号 and a 容缺受理 reason. The items kept
/// before keep their names, departments, planned and approved days; their place in each
/// project's chain is the order of their planned days, and each is due on its planned day.
/// `due_on` is `ApprovalClock.due` as of the last write or calendar change, for SQL to count.
struct AddApprovalChain: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let columns: [(String, DatabaseSchema.DataType)] = [("seq", .int), ("applied_on", .string), ("promised_days", .int),
                                                            ("approval_no", .string), ("waived_reason", .string),
                                                            ("due_on", .string)]
        for (name, type) in columns {
            try await db.schema(ApprovalItemModel.schema).field(FieldKey(stringLiteral: name), type).update()
        }
        let sql = try db.sql()
        // Only the columns read here: a migration runs before later ones add theirs.
        let rows = try await sql.raw("""
            SELECT id, project_id, year FROM approval_items ORDER BY project_id, year, target, name
            """).all()
        var place: [String: Int] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let key = "\(try row.decode(column: "project_id", as: UUID.self)) \(try row.decode(column: "year", as: Int.self))"
            let seq = (place[key] ?? 0) + 1
            place[key] = seq
            try await sql.raw("UPDATE approval_items SET seq = \(bind: seq) WHERE id = \(bind: id)").run()
        }
        // Kept items are due on their planned day (`ApprovalClock.due` without an application).
        try await sql.raw("UPDATE approval_items SET due_on = target").run()
        try await sql.create(index: "approval_items_applied").on(ApprovalItemModel.schema).column("district_id").column("applied_on").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql().drop(index: "approval_items_applied").run()
        for field in ["seq", "applied_on", "promised_days", "approval_no", "waived_reason", "due_on"] {
            try await db.schema(ApprovalItemModel.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
