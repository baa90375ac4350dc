import Fluent

/// The reasons a change of colour was judged for, kept with the change: a bulletin as of a
/// day says why a project was lit then, not why it is lit today.
struct AddWarningChangeReasons: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(WarningChangeModel.schema).field("reasons", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(WarningChangeModel.schema).deleteField("reasons").update()
    }
}
