import Fluent
import SQLKit

/// Meetings, their agendas, and which problems each decision addresses.
struct CreateMeetings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MeetingModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("held_on", .string, .required)
            .field("cutoff_on", .string, .required)
            .field("chaired_by", .string)
            .field("minutes", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema(MeetingItemModel.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id", onDelete: .cascade))
            .field("problem_id", .uuid, .required, .references(ProblemModel.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("reason", .string, .required)
            .unique(on: "meeting_id", "problem_id")
            .create()
        try await db.schema(DecisionProblemModel.schema)
            .id()
            .field("decision_id", .uuid, .required, .references(ProblemModel.schema, "id", onDelete: .cascade))
            .field("problem_id", .uuid, .required, .references(ProblemModel.schema, "id", onDelete: .cascade))
            .unique(on: "decision_id", "problem_id")
            .create()
        let sql = try db.sql()
        try await sql.create(index: "meetings_district_held").on(MeetingModel.schema).column("district_id").column("held_on").run()
        try await sql.create(index: "meeting_items_problem").on(MeetingItemModel.schema).column("problem_id").run()
        try await sql.create(index: "decision_problems_problem").on(DecisionProblemModel.schema).column("problem_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(DecisionProblemModel.schema).delete()
        try await db.schema(MeetingItemModel.schema).delete()
        try await db.schema(MeetingModel.schema).delete()
    }
}
