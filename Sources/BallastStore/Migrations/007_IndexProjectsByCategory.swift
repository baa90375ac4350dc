import Fluent
import SQLKit

/// The ledger is most often filtered by category within a district.
struct IndexProjectsByCategory: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await (db as! any SQLDatabase).create(index: "projects_district_category").on(ProjectModel.schema)
            .column("district_id").column("category_id").run()
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "projects_district_category").run()
    }
}
