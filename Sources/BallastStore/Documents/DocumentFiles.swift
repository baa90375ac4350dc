import Fluent
import Foundation
import SQLKit

/// An issued document's files, made once. The first request for an issued document's (or a
/// 催办单's) PDF makes it and keeps it; every later one, on any instance, gets those same bytes.
/// Two instances asked at the same moment may both make one, but only the first stored is kept
/// and both answer with it (`ON CONFLICT DO NOTHING`, then read back). A draft's file is made
/// afresh every time and never kept: a draft changes.
public enum DocumentFiles {
    /// What a kept file belongs to: its table and owning column.
    enum Owner {
        case document, notice
        var table: String { self == .document ? DocumentFileModel.schema : "notice_files" }
        var column: String { self == .document ? "document_id" : "notice_id" }
    }

    public static func file(for document: DocumentModel, format: String, on db: any Database,
                            make: @Sendable () async throws -> Data) async throws -> Data {
        guard document.status == .issued, let id = document.id else { return try await make() }
        return try await kept(.document, id, format, on: db, make: make)
    }

    /// A 催办单 is issued when raised: its file is kept from the first request.
    public static func file(for notice: UUID, format: String, on db: any Database,
                            make: @Sendable () async throws -> Data) async throws -> Data {
        try await kept(.notice, notice, format, on: db, make: make)
    }

    static func kept(_ owner: Owner, _ id: UUID, _ format: String, on db: any Database,
                     make: @Sendable () async throws -> Data) async throws -> Data {
        if let kept = try await stored(owner, id, format, on: db) { return kept }
        let data = try await make()
        try await (try db.sql()).raw("""
            INSERT INTO \(ident: owner.table) (id, \(ident: owner.column), format, data, created_at)
            VALUES (\(bind: UUID()), \(bind: id), \(bind: format), \(bind: data), \(bind: Date()))
            ON CONFLICT (\(ident: owner.column), format) DO NOTHING
            """).run()
        return try await stored(owner, id, format, on: db) ?? data
    }

    static func stored(_ owner: Owner, _ id: UUID, _ format: String, on db: any Database) async throws -> Data? {
        try await (try db.sql()).raw("""
            SELECT data FROM \(ident: owner.table) WHERE \(ident: owner.column) = \(bind: id) AND format = \(bind: format)
            """).first()?.decode(column: "data", as: Data.self)
    }
}
