import BallastCore
import Fluent
import Foundation

/// 节点计划: one node of a project's plan for a year, in order, with planned and actual dates.
public final class MilestoneModel: Model, @unchecked Sendable {
    public static let schema = "milestones"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "year") public var year: Int
    @Field(key: "seq") public var seq: Int
    @Field(key: "name") public var name: String
    /// ISO dates, as `CalendarDate.iso`.
    @Field(key: "planned") public var planned: CalendarDate
    @OptionalField(key: "actual") public var actual: CalendarDate?
    @OptionalField(key: "unit_id") public var unitID: UUID?
    @Field(key: "version") public var version: Int

    public init() {}
}

/// 联审联批事项: an approval a project needs (立项, 用地, 规划许可…), with target and actual dates.
public final class ApprovalItemModel: Model, @unchecked Sendable {
    public static let schema = "approval_items"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "year") public var year: Int
    @Field(key: "name") public var name: String
    @OptionalField(key: "department") public var department: String?
    @OptionalField(key: "target") public var target: CalendarDate?
    @OptionalField(key: "actual") public var actual: CalendarDate?
    @Field(key: "version") public var version: Int
    /// The chain (issue 27): the step's place, the day applied for, the promised working days,
    /// the 批复文号 and, for a step approved before the steps it needs, the 容缺受理 reason.
    @OptionalField(key: "seq") public var seq: Int?
    @OptionalField(key: "applied_on") public var applied: CalendarDate?
    @OptionalField(key: "promised_days") public var promisedDays: Int?
    @OptionalField(key: "approval_no") public var approvalNo: String?
    @OptionalField(key: "waived_reason") public var waivedReason: String?
    /// `ApprovalClock.due` of the step under the district's calendar, kept for the SQL counts
    /// (written with the step, and again when the calendar changes: `ApprovalDue`).
    @OptionalField(key: "due_on") public var dueOn: CalendarDate?

    public init() {}

    /// The step as the chain's rules read it.
    public var step: ApprovalStep {
        ApprovalStep(seq: seq ?? 0, name: name, department: department, applied: applied, promisedDays: promisedDays,
                     target: target, approved: actual, approvalNo: approvalNo, waivedReason: waivedReason)
    }
}
