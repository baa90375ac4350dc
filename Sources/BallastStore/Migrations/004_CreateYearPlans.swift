import Fluent
import SQLKit

struct CreateYearPlans: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let entries = ReferenceEntryModel.schema
        try await db.schema(YearPlanModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("level_id", .uuid, .required, .references(entries, "id"))
            .field("nature", .string)
            .field("zone_id", .uuid, .references(entries, "id"))
            .field("annual_plan", .int64)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "project_id", "year")
            .create()
        try await (try db.sql()).create(index: "year_plans_district_year").on(YearPlanModel.schema)
            .column("district_id").column("year").run()
    }

    func revert(on db: any Database) async throws { try await db.schema(YearPlanModel.schema).delete() }
}
