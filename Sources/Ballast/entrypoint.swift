import BallastApp
import BallastBench
import BallastDemo
import BallastStore
import Foundation
import Logging
import Vapor

/// `ballast serve | migrate | demo | import | export | report`, each with `--database URL`.
@main
enum Entrypoint {
    static func main() async {
        let options = LaunchOptions.parse(CommandLine.arguments)
        let database: DatabaseLocation
        do {
            database = try DatabaseLocation.resolve(flag: options.database, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
        do {
            var arguments = options.remaining
            // Commands print their own results; the migrator's INFO lines would bury them.
            if arguments.count > 1, arguments[1] != "serve", !arguments.contains("--log") {
                arguments += ["--log", "warning"]
            }
            var env = try Environment.detect(arguments: arguments)
            try LoggingSystem.bootstrap(from: &env)
            let app = try await Application.make(env)
            do {
                try await configure(app, database: database, scheduleJobs: arguments.count > 1 && arguments[1] == "serve")
                DemoCommand.register(on: app)
                BenchCommandGroup.register(on: app)
                if options.demo { try await DemoLoader.serveDemo(app) }
                try await app.execute()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        } catch {
            FileHandle.standardError.write(Data("错误 / error: \(CommandLineError.text(error))\n".utf8))
            exit(1)
        }
    }
}
