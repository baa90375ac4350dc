import Fluent
import SQLKit

/// The pools on a past day and a cohort's conversion, read from rows kept beside the step
/// history (`StageHistory`) instead of replaying every project's steps on every view: 200 000
/// steps were a window or a per-project pass each time. Filled from the history already there.
struct CreateStageSpans: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(StageSpanModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id", onDelete: .cascade))
            .field("from_stage", .string)
            .field("stage", .string, .required)
            .field("from_on", .string, .required)
            .field("until_on", .string, .required)
            .create()
        try await db.schema(PoolEntryModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required)
            .field("pool", .string, .required)
            .field("latest_stage", .string, .required)
            .field("latest_on", .string, .required)
            .field("entered_on", .string, .required)
            .field("left_on", .string)
            .field("reached_attracting", .string)
            .field("reached_signed", .string)
            .field("reached_landed", .string)
            .field("reached_under_construction", .string)
            .field("left_days", .int)
            .field("reached_attracting_days", .int)
            .field("reached_signed_days", .int)
            .field("reached_landed_days", .int)
            .field("reached_under_construction_days", .int)
            .unique(on: "project_id", "pool")
            .create()
        let sql = try db.sql()
        // The spans holding at the end of a day: those ending after it, started by it.
        try await sql.create(index: "stage_spans_holding").on(StageSpanModel.schema)
            .column("district_id").column("until_on").column("from_on").column("stage").column("project_id").run()
        // The steps of a period (the year's flows and entries).
        try await sql.create(index: "stage_spans_day").on(StageSpanModel.schema)
            .column("district_id").column("from_on").column("stage").column("from_stage").column("project_id").run()
        // One project's stage on a day.
        try await sql.create(index: "stage_spans_project").on(StageSpanModel.schema)
            .column("project_id").column("until_on").column("from_on").column("stage").run()
        // A cohort: one pool's first entries in a period, with everything it counts.
        try await sql.create(index: "pool_entries_cohort").on(PoolEntryModel.schema)
            .column("district_id").column("pool").column("entered_on").column("unit_id").column("project_id")
            .column("latest_on").column("latest_stage").column("left_on")
            .column("reached_attracting").column("reached_signed").column("reached_landed").column("reached_under_construction")
            .column("left_days").column("reached_attracting_days").column("reached_signed_days").column("reached_landed_days")
            .column("reached_under_construction_days").run()
        try await StageHistory.relinkAll(on: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PoolEntryModel.schema).delete()
        try await db.schema(StageSpanModel.schema).delete()
    }
}
