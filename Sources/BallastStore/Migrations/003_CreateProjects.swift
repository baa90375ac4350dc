import Fluent
import SQLKit

struct CreateProjects: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let entries = ReferenceEntryModel.schema
        try await db.schema(ProjectModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("category_id", .uuid, .required, .references(entries, "id"))
            .field("chain_id", .uuid, .references(entries, "id"))
            .field("unit_id", .uuid, .required, .references(entries, "id"))
            .field("leader_id", .uuid, .references(entries, "id"))
            .field("task_force_id", .uuid, .references(entries, "id"))
            .field("stage", .string, .required)
            .field("total_investment", .int64, .required)
            .field("investor", .string)
            .field("credit_code", .string)
            .field("content", .string)
            .field("address", .string)
            .field("longitude", .double)
            .field("latitude", .double)
            .field("planned_start", .string)
            .field("planned_end", .string)
            .field("exit_reason", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "district_id", "code")
            .create()
        let sql = try db.sql()
        // Unit scoping and pool counts filter on these in every list and summary.
        try await sql.create(index: "projects_district_unit").on(ProjectModel.schema)
            .column("district_id").column("unit_id").run()
        try await sql.create(index: "projects_district_stage").on(ProjectModel.schema)
            .column("district_id").column("stage").run()
    }

    func revert(on db: any Database) async throws { try await db.schema(ProjectModel.schema).delete() }
}
