import BallastCore
import Fluent
import Foundation

/// 问题台账: a problem raised against a project or an enterprise, or a decision of a meeting
/// (`kind`), worked through the same statuses. The columns hold where it stands now; its steps
/// hold how it got there, which is what figures at a past date are counted from.
public final class ProblemModel: Model, @unchecked Sendable {
    public static let schema = "problems"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    /// `ProblemKind.rawValue`.
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "project_id") public var projectID: UUID?
    @OptionalField(key: "enterprise_id") public var enterpriseID: UUID?
    /// The meeting a decision was taken at.
    @OptionalField(key: "meeting_id") public var meetingID: UUID?
    /// A 批示 given on a problem or a decision: that item (the 批示 also carries its project).
    @OptionalField(key: "subject_problem_id") public var subjectProblemID: UUID?
    /// A 批示 given on a document (周通报, 督查通报…).
    @OptionalField(key: "subject_document_id") public var subjectDocumentID: UUID?
    @Field(key: "category") public var category: String
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    /// Major problems get the longer resolution clock.
    @Field(key: "major") public var major: Bool
    /// The raiser's user name: alone may close or reopen.
    @Field(key: "raised_by") public var raisedBy: String
    @OptionalField(key: "raised_by_unit_id") public var raisedByUnitID: UUID?
    @Field(key: "raised_on") public var raisedOn: CalendarDate
    @OptionalField(key: "lead_unit_id") public var leadUnitID: UUID?
    /// 责任领导, a name from the district's leaders.
    @OptionalField(key: "leader") public var leader: String?
    /// 破解路径.
    @OptionalField(key: "path") public var path: String?
    /// 时间节点 in force; `original_deadline` the first one given.
    @OptionalField(key: "deadline") public var deadline: CalendarDate?
    @OptionalField(key: "original_deadline") public var originalDeadline: CalendarDate?
    /// `ProblemStatus.rawValue`.
    @Field(key: "status") public var status: String
    @OptionalField(key: "assigned_on") public var assignedOn: CalendarDate?
    @OptionalField(key: "acknowledged_on") public var acknowledgedOn: CalendarDate?
    @OptionalField(key: "first_feedback_on") public var firstFeedbackOn: CalendarDate?
    @OptionalField(key: "resolved_on") public var resolvedOn: CalendarDate?
    @OptionalField(key: "closed_on") public var closedOn: CalendarDate?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}

/// A unit assisting the lead unit (协办单位).
public final class ProblemAssistModel: Model, @unchecked Sendable {
    public static let schema = "problem_assists"

    @ID(key: .id) public var id: UUID?
    @Field(key: "problem_id") public var problemID: UUID
    @Field(key: "unit_id") public var unitID: UUID

    public init() {}
}

/// One step of a problem: the action, who took it and when, the note, and the status and
/// deadline it left the problem with (so the state on any past day is its last step by then).
public final class ProblemStepModel: Model, @unchecked Sendable {
    public static let schema = "problem_steps"

    @ID(key: .id) public var id: UUID?
    @Field(key: "problem_id") public var problemID: UUID
    /// 1, 2, 3… per problem: orders steps taken on the same day.
    @Field(key: "seq") public var seq: Int
    /// `ProblemAction.rawValue`, or `raise`.
    @Field(key: "action") public var action: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "deadline") public var deadline: CalendarDate?
    @Field(key: "effective_on") public var effectiveOn: CalendarDate
    @Field(key: "actor") public var actor: String
    @OptionalField(key: "note") public var note: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// A district's supervision settings: the answer clock and its working-day calendar.
public final class SupervisionSettingsModel: Model, @unchecked Sendable {
    public static let schema = "supervision_settings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "acknowledge_days") public var acknowledgeDays: Int
    @Field(key: "feedback_days") public var feedbackDays: Int
    @Field(key: "resolve_days") public var resolveDays: Int
    @Field(key: "major_resolve_days") public var majorResolveDays: Int
    /// ISO days, comma-separated.
    @Field(key: "holidays") public var holidays: String
    @Field(key: "workdays") public var workdays: String
    @Field(key: "version") public var version: Int

    public init() {}
}
