import BallastCore
import Fluent
import Foundation

/// A project of the district's ledger, in whatever year's portfolio or pool it stands.
public final class ProjectModel: Model, @unchecked Sendable {
    public static let schema = "projects"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "district_id") public var district: DistrictModel
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Parent(key: "category_id") public var category: ReferenceEntryModel
    @OptionalParent(key: "chain_id") public var chain: ReferenceEntryModel?
    @Parent(key: "unit_id") public var unit: ReferenceEntryModel
    @OptionalParent(key: "leader_id") public var leader: ReferenceEntryModel?
    @OptionalParent(key: "task_force_id") public var taskForce: ReferenceEntryModel?
    @Field(key: "stage") public var stage: String
    /// Integer yuan: see `Money`.
    @Field(key: "total_investment") public var totalInvestment: Int64
    @OptionalField(key: "investor") public var investor: String?
    @OptionalField(key: "credit_code") public var creditCode: String?
    /// The investor's enterprise record (found or created from investor and credit code).
    @OptionalField(key: "enterprise_id") public var enterpriseID: UUID?
    @OptionalField(key: "content") public var content: String?
    /// 项目代码 on the national approval platform (`ProjectCode`).
    @OptionalField(key: "project_code") public var projectCode: String?
    @OptionalField(key: "address") public var address: String?
    @OptionalField(key: "longitude") public var longitude: Double?
    @OptionalField(key: "latitude") public var latitude: Double?
    /// ISO calendar days (YYYY-MM-DD): days in the district's calendar, not instants.
    @OptionalField(key: "planned_start") public var plannedStart: CalendarDate?
    @OptionalField(key: "planned_end") public var plannedEnd: CalendarDate?
    @OptionalField(key: "exit_reason") public var exitReason: String?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var lifecycleStage: LifecycleStage { LifecycleStage(rawValue: stage) ?? .conceived }
    public var total: Money { Money(yuan: totalInvestment) }
}
