import Fluent
import Vapor

/// `ballast migrate`: brings the database schema up to date. Configure has already run the
/// migrations by the time a command runs, so this says what state the schema is in.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "运行数据库迁移 / Run database migrations" }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.autoMigrate()
        context.console.print("数据库已是最新 / database schema is up to date")
    }
}
