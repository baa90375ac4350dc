import BallastCore
import Fluent
import Foundation

/// A project's entry in one year's ledger. With an annual planned investment it is in that
/// year's portfolio; without one it is listed (e.g. in a pipeline pool) but outside it.
public final class YearPlanModel: Model, @unchecked Sendable {
    public static let schema = "year_plans"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "district_id") public var district: DistrictModel
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "year") public var year: Int
    @Parent(key: "level_id") public var level: ReferenceEntryModel
    @OptionalField(key: "nature") public var nature: String?
    @OptionalParent(key: "zone_id") public var zone: ReferenceEntryModel?
    @OptionalField(key: "annual_plan") public var annualPlan: Int64?
    /// The day it joined the year's portfolio during the year; nil when it was in the year's
    /// ledger from the start. It owes monthly reports from this day's month (`ReportsOwed`).
    @OptionalField(key: "entered_on") public var enteredOn: CalendarDate?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var inPortfolio: Bool { annualPlan != nil }
}
