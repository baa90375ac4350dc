import BallastStore
import Fluent
import Vapor

/// Sets the application up: database, migrations, middleware, routes and commands.
/// Tests call it with their own database; the executable with what the command line says.
/// The demo district and `ballast demo` (`BallastDemo`) and the `ballast bench` verbs
/// (`BallastBench`) are added by the executable.
public func configure(_ app: Application, database: DatabaseLocation, scheduleJobs: Bool = false) async throws {
    // A blocking-work pool of the application's own, before the databases take it. SQLite runs
    // every call on this pool, and a connection that finds the database locked retries at once,
    // holding its thread, until the lock is free. The default is the process-wide pool with one
    // thread per core (two here): two such waiters, from two requests or two test apps, took both
    // threads and the holder of the lock could never finish. With more threads than the SQLite
    // connections that can wait, the holder always has one. bcrypt has a pool of its own.
    app.threadPool = NIOThreadPool(numberOfThreads: max(8, System.coreCount * 2))
    HashingPool.install(on: app)
    try DatabaseSetup.use(database, in: app.databases)
    try await DatabaseSetup.prepare(database, on: app.db)
    app.migrations.add(BallastMigrations.all)

    app.routes.defaultMaxBodySize = "1mb"
    app.answers = Application.answerCacheFromEnvironment()
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(LanguageCookieMiddleware())
    app.middleware.use(APIErrorMiddleware(environment: app.environment))
    app.middleware.use(QueryLimitMiddleware())
    app.middleware.use(BodyLimitMiddleware(max: LedgerUpload.maxSize.value))
    app.middleware.use(MultipartGate())

    try routes(app)

    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(ImportCommandGroup(), as: "import")
    app.asyncCommands.use(ExportCommandGroup(), as: "export")
    app.asyncCommands.use(ReportCommandGroup(), as: "report")
    app.asyncCommands.use(UsersCommandGroup(), as: "users")
    app.asyncCommands.use(TokensCommandGroup(), as: "tokens")
    app.asyncCommands.use(WarningsCommandGroup(), as: "warnings")
    app.asyncCommands.use(PhotosCommandGroup(), as: "photos")
    app.asyncCommands.use(JobsCommandGroup(), as: "jobs")

    try await app.autoMigrate()
    try await app.tuneSQLiteConnections()
    // Only a serving instance runs the nightly recompute; CLI verbs and tests do not.
    if scheduleJobs {
        NightlyJob.schedule(app)
        WebhookSender.schedule(app)
    }
}
