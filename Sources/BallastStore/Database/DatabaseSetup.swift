import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import SQLKit

/// What a deployment does to its database before serving: the schema a URL names, SQLite's
/// per-connection settings, and the lock that lets one of several instances do the night's work.
public enum DatabaseSetup {
    /// Registers the database a location names as the default one. A request waits up to 30 s
    /// for a pooled connection rather than the drivers' 10: under a burst (or a loaded CI
    /// machine opening connections slowly) it is served late, not failed. Then `prepare`.
    public static func use(_ location: DatabaseLocation, in databases: Databases) throws {
        let poolTimeout: TimeAmount = .seconds(30)
        switch location {
        case .sqliteMemory:
            databases.use(.sqlite(.memory, connectionPoolTimeout: poolTimeout), as: .sqlite)
        case .sqliteFile(let path):
            databases.use(.sqlite(.file(path), connectionPoolTimeout: poolTimeout), as: .sqlite)
        case .postgres(let url, let schema):
            var config = try SQLPostgresConfiguration(url: url)
            if let schema { config.searchPath = [schema] }
            // Opening a connection may also wait 30 s rather than 10, for the same reason: the
            // PostgreSQL suite failed once on a loaded machine with "Connect timeout (10 s)".
            config.coreConfiguration.options.connectTimeout = .seconds(30)
            databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: poolTimeout), as: .psql)
        }
    }

    /// What the registered database needs before migrations: the schema a URL names.
    public static func prepare(_ location: DatabaseLocation, on db: any Database) async throws {
        if case .postgres(_, let schema?) = location { try await createSchema(schema, on: db) }
    }

    /// A schema named in the PostgreSQL URL is created on first use: tests isolate themselves this way.
    public static func createSchema(_ schema: String, on db: any Database) async throws {
        try await (try db.sql()).raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
    }

    /// SQLite's defaults are sized for small devices: a 2 MB page cache and no memory mapping, so
    /// a ranking over 60 000 projects rereads its indexes from the operating system's cache through
    /// system calls. Each connection is given a 64 MB cache and reads the file mapped, and keeps
    /// its temporary tables and sorts in memory (a cohort's GROUP BYs over 50 000 rows: 380 →
    /// 250 ms in the shell). These settings belong to the connection; the pool keeps its
    /// connections open. Nothing on PostgreSQL.
    public static func tuneSQLite(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA cache_size = -65536").run()
        try await sql.raw("PRAGMA mmap_size = 1073741824").run()
        try await sql.raw("PRAGMA temp_store = MEMORY").run()
    }

}
