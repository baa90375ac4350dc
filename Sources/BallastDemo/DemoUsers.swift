import BallastCore
import BallastStore
import Fluent
import Foundation

/// One user per role in the demo district, all with the same documented password, so anyone
/// trying Ballast can see what each role sees. Created only by the demo loader (`serve --demo`,
/// `ballast demo`): a real deployment has no default password; its first admin comes from
/// `ballast users create --admin`.
enum DemoUsers {
    static let password = "Erqi-demo-2023"
    /// The 责任单位 demo user answers for this unit's projects.
    static let unit = "区住房城乡建设局"
    /// The 分包领导 the demo leader user answers for (王立新副区长).
    static let leader = DemoFigures.leaders[0]

    static let accounts: [(username: String, displayName: String, role: Role)] = [
        ("admin", "系统管理员（演示）", .admin),
        ("office", "项目办 张科长（演示）", .office),
        ("leader", "区领导 王立新副区长（演示）", .leader),
        ("supervision", "督查室 李主任（演示）", .supervision),
        ("unit", "区住房城乡建设局 赵科员（演示）", .unit),
        ("viewer", "只读用户（演示）", .viewer),
        ("city", "郑州市发改委（演示）", .regional),
    ]

    static func create(districtID: UUID, passwordHash: String, on db: any Database) async throws {
        let unitID = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$kind == ReferenceKind.unit.rawValue).filter(\.$name == unit).first()?.id
        for account in accounts where try await UserModel.query(on: db).filter(\.$username == account.username).first() == nil {
            let user = UserModel(districtID: districtID, username: account.username, displayName: account.displayName,
                                 passwordHash: passwordHash, roles: [account.role], unitID: account.role == .unit ? unitID : nil,
                                 mustChangePassword: false)
            // The demo's leader answers for the first leader's projects: their dashboard lists them first.
            if account.role == .leader { user.leaderName = DemoUsers.leader }
            try await user.create(on: db)
            try await Audit.record(on: db, districtID: districtID, actor: ChangeActor(name: "demo", role: "system"), action: "create",
                                   entity: "user", entityID: user.id, summary: "演示用户 \(account.username)", before: Nothing?.none,
                                   after: ["username": account.username, "roles": user.roles])
        }
    }
}
