import Fluent
import Foundation

/// One file an issued document went out as (`DocumentFiles`).
public final class DocumentFileModel: Model, @unchecked Sendable {
    public static let schema = "document_files"

    @ID(key: .id) public var id: UUID?
    @Field(key: "document_id") public var documentID: UUID
    /// `pdf`.
    @Field(key: "format") public var format: String
    @Field(key: "data") public var data: Data
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
