import Fluent
import SQLKit

/// Site photos of monthly reports, and 亮灯督办 supervision items opened by red and yellow lights.
struct CreatePhotosAndSupervision: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ReportPhotoModel.schema)
            .id()
            .field("district_id", .uuid, .required)
            .field("report_id", .uuid, .required, .references(MonthlyReportModel.schema, "id", onDelete: .cascade))
            .field("project_id", .uuid, .required)
            .field("content_type", .string, .required)
            .field("width", .int, .required)
            .field("height", .int, .required)
            .field("size", .int, .required)
            .field("bytes", .data, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        try await db.schema(SupervisionItemModel.schema)
            .id()
            .field("district_id", .uuid, .required)
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required)
            .field("year", .int, .required)
            .field("source", .string, .required)
            .field("opened_on", .string, .required)
            .field("opened_colour", .string, .required)
            .field("reasons", .string, .required)
            .field("closed_on", .string)
            .field("closed_colour", .string)
            .create()
        let sql = try db.sql()
        try await sql.create(index: "report_photos_report").on(ReportPhotoModel.schema).column("report_id").run()
        try await sql.create(index: "supervision_items_district_year").on(SupervisionItemModel.schema)
            .column("district_id").column("year").column("closed_on").run()
        try await sql.create(index: "supervision_items_project").on(SupervisionItemModel.schema).column("project_id").run()
        // Colours stored before this migration: their lit projects get their items now.
        try await SupervisionItems.backfill(on: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema(SupervisionItemModel.schema).delete()
        try await db.schema(ReportPhotoModel.schema).delete()
    }
}
