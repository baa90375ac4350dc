import BallastCore
import Fluent
import Foundation

/// One reviewer's sheet for one project: every item's points and their total.
public final class InspectionScoreModel: Model, @unchecked Sendable {
    public static let schema = "inspection_scores"

    @ID(key: .id) public var id: UUID?
    @Field(key: "inspection_id") public var inspectionID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "user_id") public var userID: UUID
    /// `InspectionScoring.Points` as JSON.
    @Field(key: "points") public var points: String
    @Field(key: "total") public var total: Double
    @Field(key: "scored_on") public var scoredOn: CalendarDate
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
