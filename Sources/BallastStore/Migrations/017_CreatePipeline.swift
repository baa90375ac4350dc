import Fluent
import SQLKit

/// 四库: the evidence each pool step recorded, and the annual targets per pool.
struct CreatePipeline: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(StageChangeModel.schema).field("evidence", .string).update()
        try await db.schema(PoolTargetModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("year", .int, .required)
            .field("stage", .string, .required)
            .field("target", .int, .required)
            .unique(on: "district_id", "year", "stage")
            .create()
        // A project's stage on any day is one seek: its latest step on or before the day.
        try await (try db.sql()).create(index: "stage_changes_project_day").on(StageChangeModel.schema)
            .column("project_id").column("effective_on").column("created_at").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PoolTargetModel.schema).delete()
        try await db.schema(StageChangeModel.schema).deleteField("evidence").update()
    }
}
