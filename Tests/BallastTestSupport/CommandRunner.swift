@testable import BallastApp
import Foundation
import Vapor

/// Runs a `ballast` command in the test's application, as the binary would, and returns what it
/// printed: the agreement harness reads the CLI this way, on the same database as the API.
final class CapturingConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var printed = ""
    private var info: [AnySendableHashable: any Sendable] = [:]

    var text: String { lock.withLock { printed } }
    var size: (width: Int, height: Int) { (200, 50) }
    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) {
        lock.withLock { printed += text.description + (newLine ? "\n" : "") }
    }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) {
        lock.withLock { printed += error + (newLine ? "\n" : "") }
    }
    var userInfo: [AnySendableHashable: any Sendable] {
        get { lock.withLock { info } }
        set { lock.withLock { info = newValue } }
    }
}

extension Application {
    /// `ballast <arguments>` against this application's database; throws what the command throws.
    public func run(command arguments: [String]) async throws -> String {
        let console = CapturingConsole()
        var context = CommandContext(console: console, input: CommandInput(arguments: ["ballast"] + arguments))
        context.application = self
        try await asyncCommands.group().run(using: &context)
        return console.text
    }
}
