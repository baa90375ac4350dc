import BallastStore
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Sets the application up: database, migrations, middleware, routes and commands.
/// Tests call it with their own database; the executable with what the command line says.
public func configure(_ app: Application, database: DatabaseLocation, demo: Bool = false, demoAsOf: DemoSnapshot = .midYear,
                      scheduleJobs: Bool = false) async throws {
    // A blocking-work pool of the application's own, before the databases take it. SQLite runs
    // every call on this pool, and a connection that finds the database locked retries at once,
    // holding its thread, until the lock is free. The default is the process-wide pool with one
    // thread per core (two here): two such waiters, from two requests or two test apps, took both
    // threads and the holder of the lock could never finish. With more threads than the SQLite
    // connections that can wait, the holder always has one. bcrypt has a pool of its own.
    app.threadPool = NIOThreadPool(numberOfThreads: max(8, System.coreCount * 2))
    HashingPool.install(on: app)
    // A request waits up to 30 s for a pooled connection rather than the drivers' 10: under a
    // burst (or a loaded CI machine opening connections slowly) it is served late, not failed.
    let poolTimeout: TimeAmount = .seconds(30)
    switch database {
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, connectionPoolTimeout: poolTimeout), as: .sqlite)
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), connectionPoolTimeout: poolTimeout), as: .sqlite)
    case .postgres(let url, let schema):
        var config = try SQLPostgresConfiguration(url: url)
        if let schema { config.searchPath = [schema] }
        // Opening a connection may also wait 30 s rather than 10, for the same reason: the
        // PostgreSQL suite failed once on a loaded machine with "Connect timeout (10 s)".
        config.coreConfiguration.options.connectTimeout = .seconds(30)
        app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: poolTimeout), as: .psql)
        if let schema {
            // A schema named in the URL is created on first use: tests isolate themselves this way.
            try await (try app.db.sql()).raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
    }
    app.migrations.add(BallastMigrations.all)

    app.routes.defaultMaxBodySize = "1mb"
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(LanguageCookieMiddleware())
    app.middleware.use(APIErrorMiddleware(environment: app.environment))
    app.middleware.use(BodyLimitMiddleware(max: LedgerUpload.maxSize.value))
    app.middleware.use(MultipartGate())

    try routes(app)

    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(ImportCommandGroup(), as: "import")
    app.asyncCommands.use(ExportCommandGroup(), as: "export")
    app.asyncCommands.use(ReportCommandGroup(), as: "report")
    app.asyncCommands.use(BenchCommandGroup(), as: "bench")
    app.asyncCommands.use(UsersCommandGroup(), as: "users")
    app.asyncCommands.use(TokensCommandGroup(), as: "tokens")
    app.asyncCommands.use(WarningsCommandGroup(), as: "warnings")

    try await app.autoMigrate()
    try await app.tuneSQLiteConnections()
    // Only a serving instance runs the nightly recompute; CLI verbs and tests do not.
    if scheduleJobs {
        NightlyJob.schedule(app)
        WebhookSender.schedule(app)
    }
    if demo {
        try await DemoLoader.loadIfEmpty(on: app.db, passwordHashing: app.passwordHashing, logger: app.logger, asOf: demoAsOf)
        let names = DemoUsers.accounts.map(\.username).joined(separator: ", ")
        app.logger.notice("演示用户 / demo users: \(names) — 密码 / password \(DemoUsers.password)")
    }
}
