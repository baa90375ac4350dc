import Fluent
import SQLKit

/// 催办单, numbered once per district and year: the unique key is what keeps two notices
/// generated at the same moment from sharing a number.
struct CreateNotices: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(NoticeModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("year", .int, .required)
            .field("seq", .int, .required)
            .field("number", .string, .required)
            .field("unit_id", .uuid, .required, .references(ReferenceEntryModel.schema, "id"))
            .field("subject", .string, .required)
            .field("problem_id", .uuid, .references(ProblemModel.schema, "id"))
            .field("subject_key", .string)
            .field("item", .string, .required)
            .field("original_deadline", .string)
            .field("new_deadline", .string, .required)
            .field("issued_on", .string, .required)
            .field("issued_by", .string, .required)
            .field("automatic", .bool, .required)
            .field("acknowledged_on", .string)
            .field("acknowledged_by", .string)
            .field("escalated_on", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "district_id", "year", "seq")
            .create()
        let sql = try db.sql()
        try await sql.create(index: "notices_unit").on(NoticeModel.schema).column("unit_id").column("acknowledged_on").run()
        try await sql.create(index: "notices_problem").on(NoticeModel.schema).column("problem_id").run()
        try await sql.create(index: "notices_subject").on(NoticeModel.schema).column("district_id").column("subject_key").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(NoticeModel.schema).delete()
    }
}
