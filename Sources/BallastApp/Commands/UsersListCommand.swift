import BallastCore
import BallastStore
import Foundation
import Vapor

struct UsersListCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "列出用户 / List users" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let directory = try await UsersCLI.directory(context, district: signature.district)
        for u in try await directory.list(on: context.application.db) {
            let flags = [u.disabled ? "停用/disabled" : nil, u.mustChangePassword ? "须改密/must change password" : nil].compactMap { $0 }
            context.console.print("\(u.username)\t\(u.displayName)\t\(u.roles)\t\(flags.joined(separator: ", "))")
        }
    }
}
