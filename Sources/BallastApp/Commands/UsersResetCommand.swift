import BallastCore
import BallastStore
import Foundation
import Vapor

struct UsersResetCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "重置密码，下次登录须修改 / Reset a password; it must be changed at next sign-in" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let (password, generated) = UsersCLI.password()
        try await UsersCLI.run {
            try await UsersCLI.directory(context, district: signature.district)
                .reset(username: signature.username, to: password, on: context.application.db)
            context.console.print("已重置 / reset \(signature.username)")
            if generated { context.console.print("临时密码（仅显示一次）/ temporary password, shown once: \(password)") }
        }
    }
}
