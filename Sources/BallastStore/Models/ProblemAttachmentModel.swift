import Fluent
import Foundation

/// A file attached to a problem: a 批复, a photo of the site, a letter.
public final class ProblemAttachmentModel: Model, @unchecked Sendable {
    public static let schema = "problem_attachments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "problem_id") public var problemID: UUID
    @Field(key: "file_name") public var fileName: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int
    @Field(key: "bytes") public var bytes: Data
    @Field(key: "uploaded_by") public var uploadedBy: String
    @Field(key: "uploaded_at") public var uploadedAt: Date

    public init() {}
}
