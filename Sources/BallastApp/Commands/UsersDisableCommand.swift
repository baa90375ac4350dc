import BallastCore
import BallastStore
import Foundation
import Vapor

struct UsersDisableCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "停用用户 / Disable a user" }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await UsersCLI.run {
            try await UsersCLI.directory(context, district: signature.district).disable(username: signature.username, on: context.application.db)
            context.console.print("已停用 / disabled \(signature.username)")
        }
    }
}
