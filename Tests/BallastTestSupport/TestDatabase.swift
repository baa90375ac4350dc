import BallastApp
import BallastDemo
import BallastStore
import Fluent
import Foundation
import Vapor

/// Every database test runs through here. Without `BALLAST_TEST_DATABASE_URL` it gets an
/// in-memory SQLite of its own; with a PostgreSQL URL there, a fresh schema of its own, so
/// tests run in parallel on either and never touch a developer's data.
public enum TestDatabase {
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["BALLAST_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var kind: String { postgresURL == nil ? "sqlite" : "postgres" }

    public static func location() throws -> DatabaseLocation {
        guard let url = postgresURL else { return .sqliteMemory }
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        return try DatabaseLocation.parse(url + (url.contains("?") ? "&" : "?") + "schema=\(schema)")
    }

    /// Runs `body` with a configured application, then shuts it down and drops its database.
    /// With `demo`, the database starts as a copy of the demo district as of `demoAsOf`
    /// (`DemoTemplates`), loaded once per test process.
    @discardableResult
    public static func withApp<T>(demo: Bool = false, demoAsOf: DemoSnapshot = .midYear,
                                  _ body: (Application) async throws -> T) async throws -> T {
        let template = demo ? try await DemoTemplates.shared.template(demoAsOf) : nil
        let location = try template.map(DemoTemplates.copy) ?? location()
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: location)
            if let template { try await DemoTemplates.fill(app.db, from: template, into: location) }
            let result = try await body(app)
            try await cleanUp(app.db, location)
            try await app.asyncShutdown()
            removeFile(location)
            return result
        } catch {
            try? await cleanUp(app.db, location)
            try? await app.asyncShutdown()
            removeFile(location)
            throw error
        }
    }

    /// Two instances of Ballast on one database, as a city runs it: two `Application`s, each
    /// with its own connection pool, on one PostgreSQL schema (or one SQLite file). The first
    /// migrates (and, with `demo`, holds the demo); the second finds the schema ready.
    public static func withTwoApps<T>(demo: Bool = false, demoAsOf: DemoSnapshot = .midYear,
                                      _ body: (Application, Application) async throws -> T) async throws -> T {
        try await withApps(2, demo: demo, demoAsOf: demoAsOf) { apps in try await body(apps[0], apps[1]) }
    }

    /// `count` instances (each its own connection pool) on one database, as `withTwoApps`: for
    /// tests where three runs at once must not wait on one instance's pool (a loaded CI machine
    /// made the third wait past the pool's 30 s).
    public static func withApps<T>(_ count: Int, demo: Bool = false, demoAsOf: DemoSnapshot = .midYear,
                                   _ body: ([Application]) async throws -> T) async throws -> T {
        let template = demo ? try await DemoTemplates.shared.template(demoAsOf) : nil
        let location: DatabaseLocation
        if let template {
            location = try DemoTemplates.copy(template)
        } else if postgresURL != nil {
            location = try self.location()
        } else {
            location = .sqliteFile(FileManager.default.temporaryDirectory.appendingPathComponent("ballast-two-\(UUID().uuidString).sqlite").path)
        }
        let first = try await Application.make(.testing)
        var others: [Application] = []
        do {
            try await configure(first, database: location)
            if let template { try await DemoTemplates.fill(first.db, from: template, into: location) }
            for _ in 1..<max(2, count) {
                let other = try await Application.make(.testing)
                others.append(other)
                try await configure(other, database: location)
            }
            let result = try await body([first] + others)
            for other in others { try await other.asyncShutdown() }
            try await cleanUp(first.db, location)
            try await first.asyncShutdown()
            removeFile(location)
            return result
        } catch {
            for other in others { try? await other.asyncShutdown() }
            try? await cleanUp(first.db, location)
            try? await first.asyncShutdown()
            removeFile(location)
            throw error
        }
    }

    static func removeFile(_ location: DatabaseLocation) {
        if case .sqliteFile(let path) = location {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    static func cleanUp(_ db: any Database, _ location: DatabaseLocation) async throws {
        if case .postgres(_, let schema?) = location {
            try await db.execute(sql: "DROP SCHEMA IF EXISTS \(schema) CASCADE")
        }
    }
}
