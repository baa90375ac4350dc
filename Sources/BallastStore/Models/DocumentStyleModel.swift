import Fluent
import Foundation

/// A district's `DocumentStyle`, as JSON (`DocumentStyles`).
public final class DocumentStyleModel: Model, @unchecked Sendable {
    public static let schema = "document_styles"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "style") public var style: String
    @Field(key: "version") public var version: Int
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
