import Fluent
import SQLKit

/// 动态调整 (issue 28): the year's list changed mid-year, each change with the plan before and
/// after and the day it takes effect, so figures of any day read the plan then in force.
struct AddPlanChanges: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(PlanChangeModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("batch_id", .uuid, .required)
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id"))
            .field("year", .int, .required)
            .field("kind", .string, .required)
            .field("effective_on", .string, .required)
            .field("before_plan", .int64)
            .field("after_plan", .int64)
            .field("reason", .string, .required)
            .field("source", .string, .required)
            .field("created_by", .string, .required)
            .field("created_on", .string, .required)
            .field("created_at", .datetime)
            .create()
        // The plan in force on a day looks for the first change after it, per project and year.
        try await db.sql().create(index: "plan_changes_project").on(PlanChangeModel.schema)
            .column("project_id").column("year").column("effective_on").run()
        try await db.sql().create(index: "plan_changes_district").on(PlanChangeModel.schema)
            .column("district_id").column("year").column("effective_on").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql().drop(index: "plan_changes_district").run()
        try await db.sql().drop(index: "plan_changes_project").run()
        try await db.schema(PlanChangeModel.schema).delete()
    }
}
