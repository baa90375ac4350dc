import Fluent

/// A 催办单 goes out when it is raised (issue 25): it keeps the document style it was raised
/// under (`notices.issued_style`), and its PDF is made once and kept (`notice_files`), as an
/// issued document's are.
struct AddNoticeKeptStyle: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(NoticeModel.schema).field("issued_style", .string).update()
        try await db.schema("notice_files")
            .id()
            .field("notice_id", .uuid, .required, .references(NoticeModel.schema, "id", onDelete: .cascade))
            .field("format", .string, .required)
            .field("data", .data, .required)
            .field("created_at", .datetime)
            .unique(on: "notice_id", "format")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("notice_files").delete()
        try await db.schema(NoticeModel.schema).deleteField("issued_style").update()
    }
}
