import Fluent
import Vapor

/// `ballast demo`: loads the demo district (Erqi's 2023 portfolio) into the database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "载入演示地区（二七区2023年）/ Load the demo district (Erqi 2023)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let loaded = try await TerminalProgress.run("载入演示数据 / loading demo", console: context.console) {
            try await DemoLoader.loadIfEmpty(on: context.application.db, passwordHashing: context.application.passwordHashing,
                                             logger: context.application.logger)
        }
        context.console.print(loaded ? "演示地区已载入 / demo district loaded"
                                     : "演示地区已存在，未改动 / demo district already present, left as it is")
        if loaded {
            let names = DemoUsers.accounts.map(\.username).joined(separator: ", ")
            context.console.print("演示用户 / demo users: \(names)；密码 / password: \(DemoUsers.password)")
        }
    }
}
