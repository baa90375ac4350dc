import Fluent

/// The day a project joined a year's portfolio, when it joined during the year (signed, or
/// added on its own): it owes that year's monthly reports from that month on. Empty for the
/// year's ledger, whose projects owe every month.
struct AddPlanEnteredOn: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(YearPlanModel.schema).field("entered_on", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(YearPlanModel.schema).deleteField("entered_on").update()
    }
}
