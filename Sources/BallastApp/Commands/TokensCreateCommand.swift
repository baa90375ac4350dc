import BallastCore
import BallastStore
import Foundation
import Vapor

/// `ballast tokens create NAME --role viewer [--unit 单位] [--days 365] [--district CODE]`.
struct TokensCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "name") var name: String
        @Option(name: "role", help: "office,leader,supervision,unit,viewer") var role: String?
        @Option(name: "unit", help: "责任单位名称 / unit name, for the unit role") var unit: String?
        @Option(name: "days", help: "有效天数，缺省长期 / days valid, default: no expiry") var days: Int?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "新建 API 令牌（仅显示一次）/ Create an API token (shown once)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let raw = signature.role, let role = Role(rawValue: raw), role != .admin else {
            throw CommandFailure("请用 --role 指定角色（不可为 admin）/ give --role (not admin)")
        }
        if let days = signature.days, !(1...3650).contains(days) {
            throw CommandFailure("--days 应为 1～3650 / --days must be 1 to 3650")
        }
        try await TokensCLI.run {
            let store = try await TokensCLI.store(context, district: signature.district)
            let (secret, token) = try await store.create(name: signature.name, role: role, unitName: signature.unit,
                                                         expiresAt: signature.days.map { Date().addingTimeInterval(Double($0) * 86_400) },
                                                         on: context.application.db)
            context.console.print("已创建令牌 / created \(token.name) [\(token.role)] id \(token.idString)")
            context.console.print("令牌（仅显示一次）/ token, shown once: \(secret)")
        }
    }
}
