import Fluent

/// The project list's columns a user chose to keep (issue 23), as a comma-separated list.
struct AddUserListColumns: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(UserModel.schema).field("list_columns", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(UserModel.schema).deleteField("list_columns").update()
    }
}
