import Fluent
import SQLKit

/// 万人助万企 visits and the problems they raised.
struct CreateVisits: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(VisitModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("enterprise_id", .uuid, .required, .references(EnterpriseModel.schema, "id"))
            .field("unit_id", .uuid, .required, .references(ReferenceEntryModel.schema, "id"))
            .field("visited_on", .string, .required)
            .field("visitors", .string, .required)
            .field("discussed", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema(VisitProblemModel.schema)
            .id()
            .field("visit_id", .uuid, .required, .references(VisitModel.schema, "id", onDelete: .cascade))
            .field("problem_id", .uuid, .required, .references(ProblemModel.schema, "id", onDelete: .cascade))
            .unique(on: "visit_id", "problem_id")
            .create()
        let sql = try db.sql()
        try await sql.create(index: "enterprise_visits_day").on(VisitModel.schema).column("district_id").column("visited_on").run()
        try await sql.create(index: "enterprise_visits_enterprise").on(VisitModel.schema).column("enterprise_id").run()
        try await sql.create(index: "visit_problems_visit").on(VisitProblemModel.schema).column("visit_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(VisitProblemModel.schema).delete()
        try await db.schema(VisitModel.schema).delete()
    }
}
