import BallastCore
import Fluent
import Foundation

/// 入库纳统 of one project (issue 27): its start and its days with the statistics database, as
/// days so that a status is read as of any day (`StatisticsRecord`). Absent until entered.
public final class ProjectStatisticsModel: Model, @unchecked Sendable {
    public static let schema = "project_statistics"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @OptionalField(key: "started_on") public var startedOn: CalendarDate?
    @OptionalField(key: "declared_on") public var declaredOn: CalendarDate?
    @OptionalField(key: "included_on") public var includedOn: CalendarDate?
    @OptionalField(key: "stats_number") public var number: String?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var record: StatisticsRecord {
        StatisticsRecord(startedOn: startedOn, declaredOn: declaredOn, includedOn: includedOn, number: number)
    }
}

/// The investment the statistics office counted for a project in a month (统计口径), beside the
/// office's own monthly figure. Integer yuan.
public final class StatisticsCountModel: Model, @unchecked Sendable {
    public static let schema = "statistics_counts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "month") public var month: Int
    @Field(key: "counted") public var counted: Int64

    public init() {}
}
