import BallastCore
import BallastStore
import Foundation
import Vapor

/// `ballast users create NAME --role office[,leader] [--unit 单位] [--leader 分包领导] [--admin] [--display-name 姓名]`.
struct UsersCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Option(name: "role", help: "admin,office,leader,supervision,unit,viewer") var role: String?
        @Flag(name: "admin", help: "系统管理员 / the admin role") var admin: Bool
        @Option(name: "unit", help: "责任单位名称 / unit name, for the unit role") var unit: String?
        @Option(name: "leader", help: "分包领导姓名（区领导的仪表盘先列其分包项目）/ contact leader whose projects the dashboard lists first") var leader: String?
        @Option(name: "display-name", help: "姓名 / display name") var displayName: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "新建用户（密码从标准输入读取，否则生成）/ Create a user (password from stdin, else generated)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        var roles: [Role] = signature.admin ? [.admin] : []
        if let text = signature.role {
            switch Role.parseList(text) {
            case .success(let parsed): roles += parsed.filter { !roles.contains($0) }
            case .failure(let e): throw CommandFailure("未知角色 / unknown role “\(e.name)”")
            }
        }
        let (password, generated) = UsersCLI.password()
        try await UsersCLI.run {
            let directory = try await UsersCLI.directory(context, district: signature.district)
            let user = try await directory.create(username: signature.username, displayName: signature.displayName, roles: roles,
                                                  unitName: signature.unit, leaderName: signature.leader, password: password, mustChange: generated,
                                                  on: context.application.db)
            context.console.print("已创建用户 / created \(user.username) [\(user.roles)]")
            if generated { context.console.print("临时密码（仅显示一次，首次登录须修改）/ temporary password, shown once: \(password)") }
        }
    }
}
