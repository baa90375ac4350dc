import BallastCore
import Fluent
import Foundation

/// 动态调整: one project's move into or out of a year's list, or a change of its annual plan,
/// with the plan before and after, the day it takes effect and why. Lines given together share
/// a batch. The plan in force on a day is read back from these (`Portfolio.plan(on:)`).
public final class PlanChangeModel: Model, @unchecked Sendable {
    public static let schema = "plan_changes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "batch_id") public var batchID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "year") public var year: Int
    /// `PlanChangeKind.rawValue`.
    @Field(key: "kind") public var kind: String
    @Field(key: "effective_on") public var effectiveOn: CalendarDate
    @OptionalField(key: "before_plan") public var beforePlan: Int64?
    @OptionalField(key: "after_plan") public var afterPlan: Int64?
    @Field(key: "reason") public var reason: String
    /// `manual` (the office's batch) or `import` (a ledger file that changed a plan).
    @Field(key: "source") public var source: String
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_on") public var createdOn: CalendarDate
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
