import BallastCore
import Fluent
import Foundation

/// 区政府周例会 or a special meeting: its agenda of problems and, once held, its decisions
/// (problems of kind `decision` pointing back at it).
public final class MeetingModel: Model, @unchecked Sendable {
    public static let schema = "meetings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    /// `MeetingKind.rawValue`.
    @Field(key: "kind") public var kind: String
    @Field(key: "title") public var title: String
    @Field(key: "held_on") public var heldOn: CalendarDate
    /// Problems raised after this day wait for the next meeting.
    @Field(key: "cutoff_on") public var cutoffOn: CalendarDate
    @OptionalField(key: "chaired_by") public var chairedBy: String?
    /// 会议纪要, once held.
    @OptionalField(key: "minutes") public var minutes: String?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// One problem on a meeting's agenda, in order, with why it is there.
public final class MeetingItemModel: Model, @unchecked Sendable {
    public static let schema = "meeting_items"

    @ID(key: .id) public var id: UUID?
    @Field(key: "meeting_id") public var meetingID: UUID
    @Field(key: "problem_id") public var problemID: UUID
    @Field(key: "position") public var position: Int
    /// The rule's reasons (litProject, major, common), or `chosen` when the office added it by hand.
    @Field(key: "reason") public var reason: String

    public init() {}
}

/// Which problems a decision addresses.
public final class DecisionProblemModel: Model, @unchecked Sendable {
    public static let schema = "decision_problems"

    @ID(key: .id) public var id: UUID?
    @Field(key: "decision_id") public var decisionID: UUID
    @Field(key: "problem_id") public var problemID: UUID

    public init() {}
}
