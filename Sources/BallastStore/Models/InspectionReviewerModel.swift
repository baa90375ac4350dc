import BallastCore
import Fluent
import Foundation

/// A reviewer: an account that scores on its phone. A unit's reviewer does not score its own
/// unit's projects (回避), so the unit is kept.
public final class InspectionReviewerModel: Model, @unchecked Sendable {
    public static let schema = "inspection_reviewers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "inspection_id") public var inspectionID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "name") public var name: String
    @OptionalField(key: "unit_id") public var unitID: UUID?

    public init() {}
}
