import Fluent
import SQLKit

/// The ranking reads each unit's facts from the year's reports, colour changes and plans of up
/// to 60 000 projects. SQLite answers from an index only when the index holds every column the
/// query reads, and a text UUID key costs two lookups (key, then row) unless the index holds
/// the column wanted too. These indexes hold exactly what the ranking reads:
/// - reports: the completed sum (status, month, amount) and on-time count (late, submitted);
///   it replaces the narrower index of migration 014, which answered the completed sum only;
/// - colour changes: each project's latest "date + colour" by a month's end;
/// - plans: the year's portfolio and its plan;
/// - projects: a project's unit, from its id.
struct IndexRankingFacts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.drop(index: "monthly_reports_completed").run()
        try await sql.create(index: "monthly_reports_facts").on(MonthlyReportModel.schema)
            .column("district_id").column("year").column("project_id").column("month")
            .column("status").column("amount").column("late").column("submitted_at").run()
        try await sql.create(index: "warning_changes_facts").on(WarningChangeModel.schema)
            .column("district_id").column("year").column("project_id").column("on_date").column("to_colour").run()
        try await sql.create(index: "year_plans_portfolio").on(YearPlanModel.schema)
            .column("district_id").column("year").column("project_id").column("annual_plan").run()
        try await sql.create(index: "projects_id_unit").on(ProjectModel.schema)
            .column("id").column("unit_id").run()
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql()
        for index in ["projects_id_unit", "year_plans_portfolio", "warning_changes_facts", "monthly_reports_facts"] {
            try await sql.drop(index: SQLIdentifier(index)).run()
        }
        try await sql.create(index: "monthly_reports_completed").on(MonthlyReportModel.schema)
            .column("district_id").column("year").column("project_id").column("status").column("month").column("amount").run()
    }
}
