import Fluent
import SQLKit

/// Year-to-date completed is summed over a district year's approved reports by project: an
/// index holding exactly those columns answers it without touching the table.
struct IndexCompletedReports: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await (try db.sql()).create(index: "monthly_reports_completed").on(MonthlyReportModel.schema)
            .column("district_id").column("year").column("project_id").column("status").column("month").column("amount").run()
    }

    func revert(on db: any Database) async throws {
        try await (try db.sql()).drop(index: "monthly_reports_completed").run()
    }
}
