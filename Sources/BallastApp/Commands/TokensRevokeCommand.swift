import BallastCore
import BallastStore
import Foundation
import Vapor

struct TokensRevokeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "id") var id: String
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "吊销 API 令牌 / Revoke an API token" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let id = UUID(uuidString: signature.id) else { throw CommandFailure("令牌编号无效 / not a token id: \(signature.id)") }
        try await TokensCLI.run {
            try await TokensCLI.store(context, district: signature.district).revoke(id: id, on: context.application.db)
            context.console.print("已吊销 / revoked \(id)")
        }
    }
}
