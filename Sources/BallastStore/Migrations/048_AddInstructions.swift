import Fluent
import SQLKit

/// 领导批示 (issue 28): a 批示 is a problem of kind `instruction`, which may be given on a
/// problem or a document as well as a project; a leader's visits to 我联系的项目 are kept as two
/// district days, so the page can say what changed since the last one.
struct AddInstructions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ProblemModel.schema)
            .field("subject_problem_id", .uuid, .references(ProblemModel.schema, "id"))
            .update()
        try await db.schema(ProblemModel.schema)
            .field("subject_document_id", .uuid, .references(DocumentModel.schema, "id"))
            .update()
        try await db.schema(UserModel.schema).field("visited_on", .string).update()
        try await db.schema(UserModel.schema).field("previous_visit_on", .string).update()
        // The leader's list reads a district's 批示 by leader.
        try await db.sql().create(index: "problems_kind_leader").on(ProblemModel.schema)
            .column("district_id").column("kind").column("leader").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql().drop(index: "problems_kind_leader").run()
        for field in ["visited_on", "previous_visit_on"] {
            try await db.schema(UserModel.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
        for field in ["subject_problem_id", "subject_document_id"] {
            try await db.schema(ProblemModel.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
