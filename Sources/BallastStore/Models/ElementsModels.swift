import BallastCore
import Fluent
import Foundation

/// One funding source of a project in a year (资金与要素, issue 27). Integer yuan.
public final class ProjectFundModel: Model, @unchecked Sendable {
    public static let schema = "project_funds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "year") public var year: Int
    /// `FundingSource`'s Chinese name.
    @Field(key: "source") public var source: String
    @Field(key: "planned") public var planned: Int64
    @Field(key: "arrived") public var arrived: Int64
    @Field(key: "version") public var version: Int

    public init() {}

    public var line: FundLine? {
        FundingSource(rawValue: source).map { FundLine(source: $0, planned: Money(yuan: planned), arrived: Money(yuan: arrived)) }
    }
}

/// The version of a project's funding for a year, kept apart from its lines: a year whose
/// lines were all cleared still has a version, so a stale form cannot write over the clearing.
public final class ProjectFundYearModel: Model, @unchecked Sendable {
    public static let schema = "project_fund_years"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "version") public var version: Int

    public init() {}
}

/// A project's land and other quotas (one row per project, absent until entered).
public final class ProjectLandModel: Model, @unchecked Sendable {
    public static let schema = "project_land"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @OptionalField(key: "area_mu") public var areaMu: Double?
    @OptionalField(key: "supply_method") public var supplyMethod: String?
    @OptionalField(key: "handed_over_on") public var handedOverOn: CalendarDate?
    @OptionalField(key: "quotas") public var quotas: String?
    @Field(key: "version") public var version: Int

    public init() {}

    public var record: LandRecord {
        LandRecord(areaMu: areaMu, supplyMethod: supplyMethod, handedOverOn: handedOverOn, quotas: quotas)
    }
}
