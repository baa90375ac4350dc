import BallastCore
import BallastStore
import Foundation
import Vapor

enum UsersCLI {
    static func directory(_ context: CommandContext, district code: String?) async throws -> UserDirectory {
        let db = context.application.db
        let district = code == nil ? try await DistrictContext.findOrCreate(code: nil, name: nil, on: db)
                                   : try await DistrictContext.require(code: code, on: db)
        return UserDirectory(district: district, actor: ChangeActor(name: "cli:\(NSUserName())", role: "cli"),
                             passwordHashing: context.application.passwordHashing)
    }

    /// A password from standard input when it is piped (never from the command line, where
    /// it would land in the shell's history), or a generated one that is shown once.
    static func password() -> (String, generated: Bool) {
        if isatty(STDIN_FILENO) == 0, let line = readLine(strippingNewline: true), !line.isEmpty { return (line, false) }
        return (UserDirectory.temporaryPassword(), true)
    }

    static func run(_ work: () async throws -> Void) async throws {
        do { try await work() } catch let f as any DomainFailure {
            throw CommandFailure(f)
        }
    }
}
