import BallastApp
import BallastDemo
import BallastStore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The demo district loaded once per test process and day, then copied into each test that
/// asks for it: loading it takes seconds through the writers an import uses, copying it
/// milliseconds. On SQLite the template is a file, copied to a file of the test's own; on
/// PostgreSQL a schema, whose rows are copied into the test's freshly migrated schema.
actor DemoTemplates {
    static let shared = DemoTemplates()

    private var built: [DemoSnapshot: Task<DatabaseLocation, any Error>] = [:]
    private var sweep: Task<Void, any Error>?

    /// Where the loaded demo district of `snapshot` lives, built on first use.
    func template(_ snapshot: DemoSnapshot) async throws -> DatabaseLocation {
        let task: Task<DatabaseLocation, any Error>
        if let existing = built[snapshot] {
            task = existing
        } else {
            let sweep = self.sweep ?? Task { try await Self.dropStaleTemplates() }
            self.sweep = sweep
            task = Task {
                try await sweep.value
                return try await Self.build(snapshot)
            }
            built[snapshot] = task
        }
        do {
            return try await task.value
        } catch {
            // A failed build is tried again by the next test rather than failing every one.
            built[snapshot] = nil
            self.sweep = nil
            throw error
        }
    }

    /// Whether the test process that made a template still runs (its templates are in use).
    static func isRunning(_ pid: String) -> Bool {
        FileManager.default.fileExists(atPath: "/proc/\(pid)")
    }

    static func name(_ snapshot: DemoSnapshot) -> String {
        "tpl_\(getpid())_" + snapshot.rawValue.replacingOccurrences(of: "-", with: "")
    }

    static func build(_ snapshot: DemoSnapshot) async throws -> DatabaseLocation {
        let location: DatabaseLocation
        if let url = TestDatabase.postgresURL {
            location = try DatabaseLocation.parse(url + (url.contains("?") ? "&" : "?") + "schema=\(name(snapshot))")
            // A schema left by an earlier process with the same id would be taken as loaded.
            try await StoreDatabase.with { store in try await store.db.execute(sql: "DROP SCHEMA IF EXISTS \(name(snapshot)) CASCADE") }
        } else {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-\(name(snapshot)).sqlite").path
            try? FileManager.default.removeItem(atPath: path)
            location = .sqliteFile(path)
        }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: location)
            try await DemoLoader.serveDemo(app, asOf: snapshot)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        return location
    }

    /// Templates left by test processes that have finished: files in the temporary directory,
    /// schemas in a PostgreSQL database. A running suite's templates are left alone.
    static func dropStaleTemplates() async throws {
        let tmp = FileManager.default.temporaryDirectory
        for file in (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] where file.hasPrefix("ballast-tpl_") {
            let pid = file.dropFirst("ballast-tpl_".count).prefix { $0 != "_" }
            if !isRunning(String(pid)) { try? FileManager.default.removeItem(at: tmp.appendingPathComponent(file)) }
        }
        guard TestDatabase.postgresURL != nil else { return }
        try await StoreDatabase.with { store in
            let sql = try store.db.sql()
            for row in try await sql.raw("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tpl\\_%'").all() {
                let schema = try row.decode(column: "nspname", as: String.self)
                let pid = schema.dropFirst("tpl_".count).prefix { $0 != "_" }
                if !isRunning(String(pid)) { try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run() }
            }
        }
    }

    /// A test's own copy of the template, before the application is configured on it: the
    /// SQLite file copied; nothing yet on PostgreSQL (see `fill`).
    static func copy(_ template: DatabaseLocation) throws -> DatabaseLocation {
        switch template {
        case .sqliteFile(let path):
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-test-\(UUID().uuidString).sqlite").path
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            return .sqliteFile(copy)
        default:
            return try TestDatabase.location()
        }
    }

    /// On PostgreSQL, the template's rows copied into the test's migrated schema, table by
    /// table in the order the migrations created them (so every foreign key finds its row).
    static func fill(_ db: any Database, from template: DatabaseLocation, into location: DatabaseLocation) async throws {
        guard case .postgres(_, let source?) = template, case .postgres(_, let target?) = location else { return }
        let sql = try db.sql()
        let tables = try await sql.raw("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = \(bind: source) AND c.relkind = 'r' AND c.relname <> '_fluent_migrations' ORDER BY c.oid
            """).all().map { try $0.decode(column: "relname", as: String.self) }
        for table in tables {
            try await sql.raw("INSERT INTO \(ident: target).\(ident: table) SELECT * FROM \(ident: source).\(ident: table)").run()
        }
    }
}
