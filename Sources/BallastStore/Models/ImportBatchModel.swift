import BallastCore
import Fluent
import Foundation

/// One uploaded file on its way into the ledger: previewed (the file kept, nothing written),
/// then applied or cancelled, and an applied one possibly undone (`ImportBatches`). The record
/// is what 撤销本次导入 works from: `undo` holds each touched row's state before the import.
public final class ImportBatchModel: Model, @unchecked Sendable {
    public static let schema = "import_batches"

    public enum Status: String, Sendable, Codable {
        case previewed, applied, cancelled, undone
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    /// ledger or progress (`ImportKind`).
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "year") public var year: Int?
    @Field(key: "strict") public var strict: Bool
    @Field(key: "file_name") public var fileName: String
    /// The uploaded bytes while the batch waits for confirmation; emptied once it is decided.
    @Field(key: "file_data") public var fileData: Data
    @Field(key: "status") public var status: Status
    /// What the preview showed (`ImportPreview` as JSON): confirmation applies only if applying
    /// gives the same, so the user confirms exactly what was shown.
    @Field(key: "preview") public var preview: String
    /// The rows' prior state (`[LedgerUndoRow]` as JSON), once applied.
    @OptionalField(key: "undo") public var undo: String?
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "decided_by") public var decidedBy: String?
    @OptionalField(key: "undone_at") public var undoneAt: Date?
    @OptionalField(key: "undone_by") public var undoneBy: String?

    public init() {}
}
