import BallastCore
import Fluent
import Foundation

/// 催办单: a numbered reminder to a unit that is late, with the item, its original deadline
/// and the new one; the unit acknowledges it, or it goes up to the unit's leader.
public final class NoticeModel: Model, @unchecked Sendable {
    public static let schema = "notices"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "year") public var year: Int
    /// 1, 2, 3… per district and year: the number's 第N号.
    @Field(key: "seq") public var seq: Int
    /// 二七督〔2023〕第15号.
    @Field(key: "number") public var number: String
    @Field(key: "unit_id") public var unitID: UUID
    /// `problem`, `decision`, `report` or `other`.
    @Field(key: "subject") public var subject: String
    @OptionalField(key: "problem_id") public var problemID: UUID?
    /// What a generated notice is about, so the same lateness is not noticed twice (e.g. `report:2023-06`).
    @OptionalField(key: "subject_key") public var subjectKey: String?
    @Field(key: "item") public var item: String
    @OptionalField(key: "original_deadline") public var originalDeadline: CalendarDate?
    @Field(key: "new_deadline") public var newDeadline: CalendarDate
    @Field(key: "issued_on") public var issuedOn: CalendarDate
    @Field(key: "issued_by") public var issuedBy: String
    @Field(key: "automatic") public var automatic: Bool
    @OptionalField(key: "acknowledged_on") public var acknowledgedOn: CalendarDate?
    @OptionalField(key: "acknowledged_by") public var acknowledgedBy: String?
    @OptionalField(key: "escalated_on") public var escalatedOn: CalendarDate?
    @Field(key: "version") public var version: Int
    /// The document style it was raised under (JSON), so it reads as it went out; nil for
    /// notices raised before styles were kept: those take the district's style now.
    @OptionalField(key: "issued_style") public var issuedStyle: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
