import BallastApp
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

    /// Runs `body` with a configured application, then shuts it down and drops its schema.
    @discardableResult
    public static func withApp<T>(demo: Bool = false, demoAsOf: DemoSnapshot = .midYear,
                                  _ body: (Application) async throws -> T) async throws -> T {
        let app = try await Application.make(.testing)
        let location = try location()
        do {
            try await configure(app, database: location, demo: demo, demoAsOf: demoAsOf)
            let result = try await body(app)
            try await cleanUp(app, location)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await cleanUp(app, location)
            try? await app.asyncShutdown()
            throw error
        }
    }

    static func cleanUp(_ app: Application, _ location: DatabaseLocation) async throws {
        if case .postgres(_, let schema?) = location {
            try await app.db.execute(sql: "DROP SCHEMA IF EXISTS \(schema) CASCADE")
        }
    }
}
