import Fluent
import SQLKit

/// One counter row per numbered series (催办单 of a year, each document kind of a year): a
/// number is taken by updating the row in the transaction that writes the record, so two
/// instances never take the same one (issue 22). Issued documents keep their number's year and
/// sequence as columns, unique per kind, as notices keep theirs (`notices_district_year_seq`).
struct CreateNumberCounters: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("number_counters")
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("series", .string, .required)
            .field("year", .int, .required)
            .field("last", .int, .required)
            .unique(on: "district_id", "series", "year")
            .create()
        try await db.schema(DocumentModel.schema).field("number_year", .int).update()
        try await db.schema(DocumentModel.schema).field("number_seq", .int).update()
        let sql = try db.sql()
        // Issued documents: their number back into year and sequence. A number issued twice
        // (possible before this migration) is a document the office has printed: it is kept as
        // it is, and only its first holder gets the sequence, so the unique key can hold.
        var taken = Set<String>()
        // Only the columns this migration knows: later migrations add others to the model.
        for d in try await DocumentModel.query(on: db).filter(\.$status == .issued).sort(\.$issuedOn).sort(\.$createdAt)
            .field(\.$id).field(\.$districtID).field(\.$kind).field(\.$number).all() {
            guard let number = d.number, let (year, seq) = NumberSeries.parseDocumentNumber(number) else { continue }
            let key = "\(d.districtID) \(d.kind.rawValue) \(year) \(seq)"
            guard taken.insert(key).inserted else { continue }
            try await sql.update(DocumentModel.schema).set("number_year", to: year).set("number_seq", to: seq).where("id", .equal, d.id).run()
        }
        try await sql.create(index: "documents_number_unique").unique().on(DocumentModel.schema)
            .column("district_id").column("kind").column("number_year").column("number_seq").run()
        // The counters start where the series stand.
        try await sql.raw("""
            INSERT INTO number_counters (district_id, series, year, last)
            SELECT district_id, 'notice', year, MAX(seq) FROM notices GROUP BY district_id, year
            """).run()
        try await sql.raw("""
            INSERT INTO number_counters (district_id, series, year, last)
            SELECT district_id, 'document:' || kind, number_year, MAX(number_seq) FROM documents
            WHERE number_seq IS NOT NULL GROUP BY district_id, kind, number_year
            """).run()
    }

    func revert(on db: any Database) async throws {
        try await (try db.sql()).drop(index: "documents_number_unique").run()
        try await db.schema(DocumentModel.schema).deleteField("number_seq").update()
        try await db.schema(DocumentModel.schema).deleteField("number_year").update()
        try await db.schema("number_counters").delete()
    }
}
