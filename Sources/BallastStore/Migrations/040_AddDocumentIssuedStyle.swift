import Fluent

/// The document style an issued document was issued under (issue 25): its 版头, 发文字号 and
/// 版记 stay as issued when the office later changes the style.
struct AddDocumentIssuedStyle: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(DocumentModel.schema).field("issued_style", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(DocumentModel.schema).deleteField("issued_style").update()
    }
}
