import BallastCore
import Fluent
import Foundation

/// A district's warning thresholds for a year. A change is a new version, never an edit, so
/// every colour can name the rule it was computed with.
public final class WarningRuleModel: Model, @unchecked Sendable {
    public static let schema = "warning_rules"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "version") public var version: Int
    @Field(key: "blue_lag") public var blueLag: Int
    @Field(key: "yellow_lag") public var yellowLag: Int
    @Field(key: "blue_days") public var blueDays: Int
    @Field(key: "yellow_days") public var yellowDays: Int
    /// 入库纳统: whole months after the start before 黄 and 红 (`StatisticsRule`).
    @Field(key: "stats_yellow_months") public var statsYellowMonths: Int
    @Field(key: "stats_red_months") public var statsRedMonths: Int
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A project's current colour in a year, with its reasons and since when it has had it.
public final class WarningStateModel: Model, @unchecked Sendable {
    public static let schema = "warning_states"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "colour") public var colour: String
    /// JSON array of {zh, en}.
    @Field(key: "reasons") public var reasons: String
    @OptionalField(key: "lag") public var lag: Double?
    @Field(key: "since") public var since: CalendarDate
    @Field(key: "as_of") public var asOf: CalendarDate
    @Field(key: "rule_version") public var ruleVersion: Int

    public init() {}
}

/// One change of a project's colour: the history "new reds this week" and "turned green" read.
public final class WarningChangeModel: Model, @unchecked Sendable {
    public static let schema = "warning_changes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "year") public var year: Int
    @OptionalField(key: "from_colour") public var fromColour: String?
    @Field(key: "to_colour") public var toColour: String
    @Field(key: "on_date") public var onDate: CalendarDate
    @Field(key: "rule_version") public var ruleVersion: Int
    /// The reasons judged with the change (JSON of bilingual messages); nil for changes
    /// recorded before they were kept.
    @OptionalField(key: "reasons") public var reasons: String?

    public init() {}
}
