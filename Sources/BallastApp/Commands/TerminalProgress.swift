import ConsoleKit
import Foundation
import Vapor

/// A spinner with a title while long work runs, on a terminal only: piped output stays clean
/// for scripts and logs.
public enum TerminalProgress {
    public static func run<T>(_ title: String, console: any Console, _ work: () async throws -> T) async throws -> T {
        guard isatty(STDOUT_FILENO) == 1 else { return try await work() }
        let bar = console.loadingBar(title: title)
        bar.start()
        do {
            let result = try await work()
            bar.succeed()
            return result
        } catch {
            bar.fail()
            throw error
        }
    }
}
