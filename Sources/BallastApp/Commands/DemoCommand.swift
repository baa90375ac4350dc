import Fluent
import Vapor

/// `ballast demo`: loads the demo district (Erqi's 2023 portfolio) into the database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "as-of", help: "演示地区停在哪一天：2023-06-30（年中，默认）或 2023-12-31（年末）/ The demo's day: 2023-06-30 (mid-year, default) or 2023-12-31 (year end)")
        var asOf: String?
    }
    var help: String { "载入演示地区（二七区2023年）/ Load the demo district (Erqi 2023)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let snapshot = try DemoSnapshot.parse(flag: signature.asOf)
        let loaded = try await TerminalProgress.run("载入演示数据 / loading demo", console: context.console) {
            try await DemoLoader.loadIfEmpty(on: context.application.db, passwordHashing: context.application.passwordHashing,
                                             logger: context.application.logger, asOf: snapshot)
        }
        context.console.print(loaded ? "演示地区已载入 / demo district loaded"
                                     : "演示地区已存在，未改动 / demo district already present, left as it is")
        if loaded {
            let names = DemoUsers.accounts.map(\.username).joined(separator: ", ")
            context.console.print("演示用户 / demo users: \(names)；密码 / password: \(DemoUsers.password)")
        }
    }
}
