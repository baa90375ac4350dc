import BallastCore
import BallastStore
import Foundation
import Vapor

struct TokensListCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "列出 API 令牌 / List API tokens" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let f = ISO8601DateFormatter()
        for t in try await TokensCLI.store(context, district: signature.district).list(on: context.application.db) {
            context.console.print([t.idString, t.name, t.prefix + "…", t.role, t.status(at: Date()).rawValue,
                                   "last used " + (t.lastUsedAt.map(f.string) ?? "never")].joined(separator: "\t"))
        }
    }
}
