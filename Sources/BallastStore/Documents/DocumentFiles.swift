import Fluent
import Foundation
import SQLKit

/// An issued document's files, made once. The first request for an issued document's PDF makes
/// it and keeps it; every later one, on any instance, gets those same bytes. Two instances asked
/// at the same moment may both make one, but only the first stored is kept and both answer with
/// it (`ON CONFLICT DO NOTHING`, then read back). A draft's file is made afresh every time and
/// never kept: a draft changes.
public enum DocumentFiles {
    public static func file(for document: DocumentModel, format: String, on db: any Database,
                            make: @Sendable () async throws -> Data) async throws -> Data {
        guard document.status == .issued, let id = document.id else { return try await make() }
        if let kept = try await stored(id, format, on: db) { return kept }
        let data = try await make()
        try await (try db.sql()).raw("""
            INSERT INTO document_files (id, document_id, format, data)
            VALUES (\(bind: UUID()), \(bind: id), \(bind: format), \(bind: data))
            ON CONFLICT (document_id, format) DO NOTHING
            """).run()
        return try await stored(id, format, on: db) ?? data
    }

    static func stored(_ id: UUID, _ format: String, on db: any Database) async throws -> Data? {
        try await DocumentFileModel.query(on: db).filter(\.$documentID == id).filter(\.$format == format).first()?.data
    }
}
