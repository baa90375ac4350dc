import Fluent

/// Site photos judged (issue 26): what each photo's camera recorded and its verdict, stored with
/// it when uploaded; and each district's rules for judging them (`photo_rules`, one row per
/// district, absent until the office changes the defaults).
struct AddPhotoEvidence: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column a statement: SQLite adds one at a time.
        let columns: [(String, DatabaseSchema.DataType)] = [("taken_at", .string), ("latitude", .double), ("longitude", .double),
                                                            ("device", .string), ("distance_meters", .int), ("verdict", .string)]
        for (name, type) in columns {
            try await db.schema(ReportPhotoModel.schema).field(FieldKey(stringLiteral: name), type).update()
        }
        try await db.schema(PhotoRulesModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("rules", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .unique(on: "district_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PhotoRulesModel.schema).delete()
        for field in ["taken_at", "latitude", "longitude", "device", "distance_meters", "verdict"] {
            try await db.schema(ReportPhotoModel.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
