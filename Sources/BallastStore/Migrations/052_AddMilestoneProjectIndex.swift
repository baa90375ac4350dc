import Fluent
import SQLKit

/// A project's milestones of a year, read by the project page and every milestone edit, were
/// found by a scan of the whole table: 84 ms a page over 600 000 milestones on PostgreSQL, the
/// largest cost of issue 29's Monday-morning load. Indexed by project, year and place.
struct AddMilestoneProjectIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.create(index: "milestones_project_year").on(MilestoneModel.schema).column("project_id").column("year").column("seq").run()
    }

    func revert(on db: any Database) async throws {
        try await (try db.sql()).drop(index: "milestones_project_year").run()
    }
}
