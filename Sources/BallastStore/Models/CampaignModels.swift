import BallastCore
import Fluent
import Foundation

/// 三个一批: one numbered period (期) of the campaign, held on a day.
public final class CampaignPeriodModel: Model, @unchecked Sendable {
    public static let schema = "campaign_periods"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "number") public var number: Int
    /// ISO day.
    @Field(key: "held_on") public var heldOn: CalendarDate
    @OptionalField(key: "title") public var title: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// A project listed in a period's 签约一批, 开工一批 or 投产一批, the investment it counts, and
/// its follow-up (ISO days of 开工, 投产, 达效).
public final class CampaignEntryModel: Model, @unchecked Sendable {
    public static let schema = "campaign_entries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Parent(key: "period_id") public var period: CampaignPeriodModel
    @Parent(key: "project_id") public var project: ProjectModel
    /// `CampaignBatch.rawValue`.
    @Field(key: "batch") public var batch: String
    /// Integer yuan.
    @Field(key: "investment") public var investment: Int64
    @OptionalField(key: "started_on") public var startedOn: CalendarDate?
    @OptionalField(key: "produced_on") public var producedOn: CalendarDate?
    @OptionalField(key: "at_capacity_on") public var atCapacityOn: CalendarDate?
    @OptionalField(key: "note") public var note: String?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
