import Fluent
import SQLKit

/// 入库纳统 (issue 27): each project's days with the statistics database, the investment the
/// statistics office counted by month, and the district's rule (months after the start before
/// 黄 and 红) kept with the year's warning thresholds, so it is versioned with them. Existing
/// rule versions take the default (银川's rule: 1 and 2 months).
struct AddStatistics: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ProjectStatisticsModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id"))
            .field("started_on", .string)
            .field("declared_on", .string)
            .field("included_on", .string)
            .field("stats_number", .string)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .unique(on: "project_id")
            .create()
        try await db.schema(StatisticsCountModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id"))
            .field("year", .int, .required)
            .field("month", .int, .required)
            .field("counted", .int64, .required)
            .unique(on: "project_id", "year", "month")
            .create()
        try await db.sql().create(index: "statistics_counts_year").on(StatisticsCountModel.schema)
            .column("district_id").column("year").run()
        try await db.sql().create(index: "project_statistics_district").on(ProjectStatisticsModel.schema)
            .column("district_id").run()
        for (name, value) in [("stats_yellow_months", 1), ("stats_red_months", 2)] {
            try await db.schema(WarningRuleModel.schema)
                .field(FieldKey(stringLiteral: name), .int, .required, .sql(.default(value))).update()
        }
    }

    func revert(on db: any Database) async throws {
        for field in ["stats_yellow_months", "stats_red_months"] {
            try await db.schema(WarningRuleModel.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
        try await db.sql().drop(index: "project_statistics_district").run()
        try await db.sql().drop(index: "statistics_counts_year").run()
        try await db.schema(StatisticsCountModel.schema).delete()
        try await db.schema(ProjectStatisticsModel.schema).delete()
    }
}
