import BallastCore
import Fluent
import Foundation

/// A version of the district's scoring sheet: saving adds one, never rewrites one.
public final class InspectionSheetModel: Model, @unchecked Sendable {
    public static let schema = "inspection_sheets"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "version") public var version: Int
    /// `InspectionSheets.Stored` as JSON: the items and the drop-extremes setting.
    @Field(key: "payload") public var payload: String
    @Field(key: "created_by") public var createdBy: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
