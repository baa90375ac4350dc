import Fluent
import SQLKit

/// 资金与要素 (issue 27): each project's funding sources by year (planned and arrived) with the
/// year's version, and its land and other quotas.
struct AddElements: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ProjectFundModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id"))
            .field("year", .int, .required)
            .field("source", .string, .required)
            .field("planned", .int64, .required)
            .field("arrived", .int64, .required)
            .field("version", .int, .required)
            .unique(on: "project_id", "year", "source")
            .create()
        try await db.sql().create(index: "project_funds_year").on(ProjectFundModel.schema).column("district_id").column("year").run()
        try await db.schema(ProjectFundYearModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id"))
            .field("year", .int, .required)
            .field("version", .int, .required)
            .unique(on: "project_id", "year")
            .create()
        try await db.schema(ProjectLandModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id"))
            .field("area_mu", .double)
            .field("supply_method", .string)
            .field("handed_over_on", .string)
            .field("quotas", .string)
            .field("version", .int, .required)
            .unique(on: "project_id")
            .create()
        try await db.sql().create(index: "project_land_district").on(ProjectLandModel.schema).column("district_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql().drop(index: "project_land_district").run()
        try await db.schema(ProjectLandModel.schema).delete()
        try await db.schema(ProjectFundYearModel.schema).delete()
        try await db.sql().drop(index: "project_funds_year").run()
        try await db.schema(ProjectFundModel.schema).delete()
    }
}
