import Fluent
import SQLKit

/// The audit trail is append-only to the application: the database itself refuses UPDATE and
/// DELETE on it, so no code path (and no SQL injected into one) can rewrite history. Also the
/// indexes the audit search and the sign-in throttle read by.
struct ProtectAuditEntries: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = try db.sql()
        let table = AuditEntryModel.schema
        try await sql.create(index: "audit_entries_actor_at").on(table).column("actor").column("at").run()
        try await sql.create(index: "audit_entries_action_address_at").on(table).column("action").column("address").column("at").run()
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION ballast_audit_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON \(ident: table)
                FOR EACH ROW EXECUTE FUNCTION ballast_audit_append_only()
                """).run()
        default:
            for op in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: "audit_entries_no_\(op.lowercased())") BEFORE \(unsafeRaw: op) ON \(ident: table)
                    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END
                    """).run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql()
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_append_only ON \(ident: AuditEntryModel.schema)").run()
        default:
            try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_no_update").run()
            try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_no_delete").run()
        }
    }
}
