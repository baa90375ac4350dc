import BallastCore
import Fluent
import Foundation

/// 观摩讲评 (issue 28, part 2): one tour — its day, the sheet it is scored on (copied when it is
/// planned, so a later version of the sheet never rescores it), and whether scoring has closed.
/// One tour a day per district: the day names its 讲评通报 (`DocumentKind.inspectionReview`).
public final class InspectionModel: Model, @unchecked Sendable {
    public static let schema = "inspections"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "title") public var title: String
    @Field(key: "held_on") public var heldOn: CalendarDate
    /// `planned` (reviewers score) or `closed` (the scores are final).
    @Field(key: "status") public var status: String
    @Field(key: "sheet_version") public var sheetVersion: Int
    /// The `InspectionSheet` (JSON) it is scored on.
    @Field(key: "sheet") public var sheet: String
    @Field(key: "drop_extremes_from") public var dropExtremesFrom: Int
    @OptionalField(key: "closed_on") public var closedOn: CalendarDate?
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var isClosed: Bool { status == InspectionStatus.closed.rawValue }
}


extension InspectionModel: VersionedRecord {}
