import Fluent
import SQLKit

extension Database {
    /// A transaction that will write. On SQLite it takes the write lock with its first statement:
    /// SQLite's `BEGIN` is deferred, so two transactions that both read and then write deadlock,
    /// and SQLite answers the second "database is locked" at once instead of waiting. Taking the
    /// lock first makes the second wait its turn (the busy handler retries), and then see the
    /// first one's change: a stale version becomes a clean 409, not a 500. PostgreSQL locks rows
    /// as they are updated and needs nothing.
    ///
    /// As it commits it advances the data version of the districts it changed (`DataVersion`).
    public func writeTransaction<T: Sendable>(_ kind: WriteKind = .records,
                                              _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await transaction { tx in
            let sql = try tx.sql()
            if sql.dialect.name == "sqlite" {
                try await sql.raw("UPDATE districts SET code = code WHERE 1 = 0").run()
            }
            return try await DataVersion.gathering(kind, on: tx, body)
        }
    }
}
