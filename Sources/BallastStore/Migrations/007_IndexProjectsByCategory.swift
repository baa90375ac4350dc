import Fluent
import SQLKit

/// The ledger is most often filtered by category within a district.
struct IndexProjectsByCategory: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await (try db.sql()).create(index: "projects_district_category").on(ProjectModel.schema)
            .column("district_id").column("category_id").run()
    }

    func revert(on db: any Database) async throws {
        try await (try db.sql()).drop(index: "projects_district_category").run()
    }
}
