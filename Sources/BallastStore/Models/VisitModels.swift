import BallastCore
import Fluent
import Foundation

/// 万人助万企: an official's visit to an enterprise, what was discussed, and for which unit.
public final class VisitModel: Model, @unchecked Sendable {
    public static let schema = "enterprise_visits"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "enterprise_id") public var enterpriseID: UUID
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "visited_on") public var visitedOn: CalendarDate
    /// Who went.
    @Field(key: "visitors") public var visitors: String
    @Field(key: "discussed") public var discussed: String
    @Field(key: "recorded_by") public var recordedBy: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// The problems a visit raised (problems against the enterprise, worked like any other).
public final class VisitProblemModel: Model, @unchecked Sendable {
    public static let schema = "visit_problems"

    @ID(key: .id) public var id: UUID?
    @Field(key: "visit_id") public var visitID: UUID
    @Field(key: "problem_id") public var problemID: UUID

    public init() {}
}
