import BallastCore
import Fluent
import Foundation

/// A project's report for one month: the investment completed that month and its physical
/// progress. draft → submitted → approved | returned. Once approved the amount is never
/// changed in place: corrections are `ReportAdjustmentModel` rows.
public final class MonthlyReportModel: Model, @unchecked Sendable {
    public static let schema = "monthly_reports"

    public typealias Status = ReportStatus

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "year") public var year: Int
    @Field(key: "month") public var month: Int
    /// Yuan completed in the month, as reported (and, once approved, as approved).
    @Field(key: "amount") public var amount: Int64
    @OptionalField(key: "progress") public var progress: String?
    @Field(key: "status") public var status: String
    /// Submitted after the district's deadline for the month: it feeds the unit ranking.
    @Field(key: "late") public var late: Bool
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    @OptionalField(key: "submitted_by") public var submittedBy: String?
    @OptionalField(key: "reviewed_at") public var reviewedAt: Date?
    @OptionalField(key: "reviewed_by") public var reviewedBy: String?
    @OptionalField(key: "return_reason") public var returnReason: String?
    @Field(key: "version") public var version: Int

    public init() {}

    public var reportStatus: Status { Status(rawValue: status) ?? .draft }
}

/// A correction to an approved month: the difference from what stood before, with who and why.
/// The original report stays as it was approved.
public final class ReportAdjustmentModel: Model, @unchecked Sendable {
    public static let schema = "report_adjustments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Parent(key: "report_id") public var report: MonthlyReportModel
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "month") public var month: Int
    @Field(key: "delta") public var delta: Int64
    @Field(key: "reason") public var reason: String
    @Field(key: "actor") public var actor: String
    @Field(key: "at") public var at: Date

    public init() {}
}
