import Fluent

/// A district may be frozen at a date: its "today" stays there. The demo district is Erqi as
/// of 2023-06-30, so its deadlines, lateness and colours read as they did that day.
struct AddDistrictFrozenDate: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(DistrictModel.schema).field("frozen_on", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(DistrictModel.schema).deleteField("frozen_on").update()
    }
}
