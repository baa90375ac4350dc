import Fluent

/// The 分包领导 a leader's account answers for (issue 23): the name on the district's leader
/// list, so the dashboard can put that leader's own projects first. A name, as the project
/// list's filters are, so it holds across the years' lists.
struct AddUserLeaderName: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(UserModel.schema).field("leader_name", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(UserModel.schema).deleteField("leader_name").update()
    }
}
