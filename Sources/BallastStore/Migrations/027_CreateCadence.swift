import Fluent
import SQLKit

/// Scoring schemes (versioned) and the office's score adjustments, for rankings and assessments.
struct CreateCadence: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ScoringSchemeModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("year", .int, .required)
            .field("version", .int, .required)
            .field("payload", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "district_id", "year", "version")
            .create()
        try await db.schema(ScoreAdjustmentModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("period", .string, .required)
            .field("unit_id", .uuid, .required, .references(ReferenceEntryModel.schema, "id"))
            .field("points", .double, .required)
            .field("reason", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await (try db.sql()).create(index: "score_adjustments_period").on(ScoreAdjustmentModel.schema)
            .column("district_id").column("period").run()
        // The ranking counts the year's 开工 nodes among ten or so milestones a project.
        try await (try db.sql()).create(index: "milestones_name").on(MilestoneModel.schema)
            .column("district_id").column("year").column("name").column("planned").run()
        // The ranking reads each project's colour at a month's end from its changes.
        try await (try db.sql()).create(index: "warning_changes_project_date").on(WarningChangeModel.schema)
            .column("project_id").column("on_date").run()
    }

    func revert(on db: any Database) async throws {
        try await (try db.sql()).drop(index: "warning_changes_project_date").run()
        try await (try db.sql()).drop(index: "milestones_name").run()
        try await db.schema(ScoreAdjustmentModel.schema).delete()
        try await db.schema(ScoringSchemeModel.schema).delete()
    }
}
