import Fluent
import Foundation

/// 现场照片: one JPEG or PNG attached to a monthly report, kept in the database so a backup of
/// the database is a backup of the evidence.
public final class ReportPhotoModel: Model, @unchecked Sendable {
    public static let schema = "report_photos"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "report_id") public var reportID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "content_type") public var contentType: String
    @Field(key: "width") public var width: Int
    @Field(key: "height") public var height: Int
    @Field(key: "size") public var size: Int
    @Field(key: "bytes") public var bytes: Data
    @Field(key: "uploaded_by") public var uploadedBy: String
    @Field(key: "uploaded_at") public var uploadedAt: Date
    /// What the camera recorded (`ExifReader`), read once at upload: `TakenAt.iso`, WGS-84 degrees, the device.
    @OptionalField(key: "taken_at") public var takenAt: String?
    @OptionalField(key: "latitude") public var latitude: Double?
    @OptionalField(key: "longitude") public var longitude: Double?
    @OptionalField(key: "device") public var device: String?
    /// The verdict (`PhotoVerdict.Kind`) and distance from the project, judged at upload with
    /// the district's rules then; nil for photos stored before photos were judged.
    @OptionalField(key: "distance_meters") public var distanceMeters: Int?
    @OptionalField(key: "verdict") public var verdict: String?

    public init() {}
}
