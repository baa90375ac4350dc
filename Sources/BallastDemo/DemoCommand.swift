import BallastApp
import BallastStore
import Fluent
import Vapor

/// `ballast demo`: loads the demo district (Erqi's 2023 portfolio) into the database.
public struct DemoCommand: AsyncCommand {
    public init() {}

    /// `ballast demo` among the application's verbs.
    public static func register(on app: Application) {
        app.asyncCommands.use(DemoCommand(), as: "demo")
    }

    public struct Signature: CommandSignature {
        public init() {}
        @Option(name: "as-of", help: "演示地区停在哪一天：2023-06-30（年中，默认）或 2023-12-31（年末）/ The demo's day: 2023-06-30 (mid-year, default) or 2023-12-31 (year end)")
        var asOf: String?
    }
    public var help: String { "载入演示地区（二七区2023年）/ Load the demo district (Erqi 2023)" }

    public func run(using context: CommandContext, signature: Signature) async throws {
        let snapshot = try DemoSnapshot.parse(flag: signature.asOf)
        let loaded = try await TerminalProgress.run("载入演示数据 / loading demo", console: context.console) {
            try await DemoLoader.loadIfEmpty(on: context.application.db, passwordHashing: context.application.passwordHashes,
                                             logger: context.application.logger, asOf: snapshot)
        }
        if loaded {
            context.console.print("演示地区已载入（截至 \(snapshot.rawValue)）/ demo district loaded, as of \(snapshot.rawValue)")
        } else {
            // Say which day the one present stands at: asking for the other day changes nothing.
            let day = try await Districts.find(code: DemoDistrict.code, on: context.application.db)?.frozenOn?.iso ?? "—"
            context.console.print("演示地区已存在（截至 \(day)），未改动；换一天请用新数据库 / demo district already present (as of \(day)), left as it is; "
                                  + "use a new database for another day")
        }
        if loaded {
            let names = DemoUsers.accounts.map(\.username).joined(separator: ", ")
            context.console.print("演示用户 / demo users: \(names)；密码 / password: \(DemoUsers.password)")
        }
    }
}
