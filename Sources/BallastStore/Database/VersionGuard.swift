import Fluent
import Foundation
import SQLKit

/// Optimistic concurrency: an edit names the version it was made against, and loses if
/// someone else saved first.
public enum VersionGuard {
    public struct Conflict: Error, Sendable {
        public let current: Int?
    }

    /// Atomically bumps the row's version if it is still `expected`, and returns the new one.
    /// The compare-and-set is one UPDATE, so two concurrent editors cannot both pass it,
    /// on SQLite or PostgreSQL alike; the caller then saves its fields in the same transaction.
    public static func claim(table: String, id: UUID, expected: Int, on db: any Database) async throws -> Int {
        let sql = try db.sql()
        let row = try await sql.update(table)
            .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, id)
            .where("version", .equal, expected)
            .returning("version")
            .first()
        if let row { return try row.decode(column: "version", as: Int.self) }
        let current = try await sql.select().column("version").from(table).where("id", .equal, id).first()
        throw Conflict(current: try current?.decode(column: "version", as: Int.self))
    }

    /// The same, with a lost race thrown as the caller's own failure (its `versionConflict`
    /// case), so every editor answers a stale version alike.
    public static func claim<F: Error>(table: String, id: UUID, expected: Int, on db: any Database,
                                       orElse conflict: (Int?) -> F) async throws -> Int {
        do {
            return try await claim(table: table, id: id, expected: expected, on: db)
        } catch let c as Conflict {
            throw conflict(c.current)
        }
    }
}
