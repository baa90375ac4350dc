import BallastDemo
import BallastStore
import Fluent
import Foundation
import NIOCore
import NIOPosix

/// What a store test is given: a migrated database of its own and the handles around it, with
/// no application, routes or middleware booted. (Named like the application so a test reads
/// `app.db` whichever harness it runs under.)
public struct StoreTestContext: @unchecked Sendable {
    public let db: any Database
    public let databases: Databases
    public let eventLoopGroup: any EventLoopGroup
    public let logger: Logger
}

/// The store's tests run on the migrations alone: in-memory SQLite, or a fresh PostgreSQL
/// schema when `BALLAST_TEST_DATABASE_URL` is set; with `demo`, a copy of the demo district.
public enum StoreDatabase {
    struct NoDatabase: Error {}

    /// More threads than SQLite connections that can wait on a lock, for the reason
    /// `configure` gives its application eight: a waiter holds its thread.
    static let threadPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 8)
        pool.start()
        return pool
    }()

    @discardableResult
    public static func with<T>(demo: Bool = false, demoAsOf: DemoSnapshot = .midYear,
                               _ body: (StoreTestContext) async throws -> T) async throws -> T {
        let template = demo ? try await DemoTemplates.shared.template(demoAsOf) : nil
        let location = try template.map(DemoTemplates.copy) ?? TestDatabase.location()
        let group = MultiThreadedEventLoopGroup.singleton
        let databases = Databases(threadPool: threadPool, on: group)
        var logger = Logger(label: "ballast.store-test")
        logger.logLevel = .warning
        let loop = group.any()
        do {
            try DatabaseSetup.use(location, in: databases)
            guard let db = databases.database(logger: logger, on: loop) else { throw NoDatabase() }
            try await DatabaseSetup.prepare(location, on: db)
            let migrations = Migrations()
            migrations.add(BallastMigrations.all)
            let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: loop, migrationLogLevel: .debug)
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            if let template { try await DemoTemplates.fill(db, from: template, into: location) }
            let result = try await body(StoreTestContext(db: db, databases: databases, eventLoopGroup: group, logger: logger))
            try await TestDatabase.cleanUp(db, location)
            await databases.shutdownAsync()
            TestDatabase.removeFile(location)
            return result
        } catch {
            if let db = databases.database(logger: logger, on: loop) { try? await TestDatabase.cleanUp(db, location) }
            await databases.shutdownAsync()
            TestDatabase.removeFile(location)
            throw error
        }
    }
}
