import Fluent
import SQLKit

/// 观摩讲评 (issue 28, part 2): tours, their stops and reviewers, each reviewer's scores, and the
/// district's versions of the scoring sheet.
struct AddInspections: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(InspectionSheetModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("version", .int, .required)
            .field("payload", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "district_id", "version")
            .create()
        try await db.schema(InspectionModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("held_on", .string, .required)
            .field("status", .string, .required)
            .field("sheet_version", .int, .required)
            .field("sheet", .string, .required)
            .field("drop_extremes_from", .int, .required)
            .field("closed_on", .string)
            .field("created_by", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // One tour a day: the day names its 讲评通报.
            .unique(on: "district_id", "held_on")
            .create()
        try await db.schema(InspectionStopModel.schema)
            .id()
            .field("inspection_id", .uuid, .required, .references(InspectionModel.schema, "id"))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id"))
            .field("seq", .int, .required)
            .field("reasons", .string, .required)
            .field("leg_km", .double)
            .unique(on: "inspection_id", "project_id")
            .create()
        try await db.schema(InspectionReviewerModel.schema)
            .id()
            .field("inspection_id", .uuid, .required, .references(InspectionModel.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("name", .string, .required)
            .field("unit_id", .uuid)
            .unique(on: "inspection_id", "user_id")
            .create()
        try await db.schema(InspectionScoreModel.schema)
            .id()
            .field("inspection_id", .uuid, .required, .references(InspectionModel.schema, "id"))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("points", .string, .required)
            .field("total", .double, .required)
            .field("scored_on", .string, .required)
            .field("updated_at", .datetime)
            // One sheet per reviewer and project: scoring again replaces it.
            .unique(on: "inspection_id", "project_id", "user_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        for schema in [InspectionScoreModel.schema, InspectionReviewerModel.schema, InspectionStopModel.schema,
                       InspectionModel.schema, InspectionSheetModel.schema] {
            try await db.schema(schema).delete()
        }
    }
}
