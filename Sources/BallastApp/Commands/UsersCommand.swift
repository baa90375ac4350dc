import BallastCore
import BallastStore
import Foundation
import Vapor

struct UsersCommandGroup: AsyncCommandGroup {
    var help: String { "用户管理 / Users" }
    var commands: [String: any AnyAsyncCommand] {
        ["create": UsersCreateCommand(), "list": UsersListCommand(), "disable": UsersDisableCommand(), "reset": UsersResetCommand()]
    }
}

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

/// `ballast users create NAME --role office[,leader] [--unit 单位] [--admin] [--display-name 姓名]`.
struct UsersCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Option(name: "role", help: "admin,office,leader,supervision,unit,viewer") var role: String?
        @Flag(name: "admin", help: "系统管理员 / the admin role") var admin: Bool
        @Option(name: "unit", help: "责任单位名称 / unit name, for the unit role") var unit: String?
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
                                                  unitName: signature.unit, password: password, mustChange: generated,
                                                  on: context.application.db)
            context.console.print("已创建用户 / created \(user.username) [\(user.roles)]")
            if generated { context.console.print("临时密码（仅显示一次，首次登录须修改）/ temporary password, shown once: \(password)") }
        }
    }
}

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
