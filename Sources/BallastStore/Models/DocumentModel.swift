import BallastCore
import Fluent
import Foundation

/// An official document — a supervision or weekly bulletin, a ranking, an assessment — as generated for a period and a day. A draft can be generated again;
/// once issued its content is frozen: the stored figures are what it says for ever.
public final class DocumentModel: Model, @unchecked Sendable {
    public static let schema = "documents"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "kind") public var kind: DocumentKind
    /// The period it covers: `2023-06` for a month, `2023-W23` for a week, `2023-Q2`, `2023`.
    @Field(key: "period") public var period: String
    @Field(key: "title") public var title: String
    /// Given when issued: 第6期.
    @OptionalField(key: "number") public var number: String?
    /// The number's year and sequence, unique per district and kind (`NumberAllocator`).
    @OptionalField(key: "number_year") public var numberYear: Int?
    @OptionalField(key: "number_seq") public var numberSeq: Int?
    @Field(key: "as_of") public var asOf: CalendarDate
    @Field(key: "status") public var status: DocumentStatus
    /// The content as JSON, in the kind's own shape.
    @Field(key: "payload") public var payload: String
    @OptionalField(key: "issued_on") public var issuedOn: CalendarDate?
    @OptionalField(key: "issued_by") public var issuedBy: String?
    /// The `DocumentStyle` (JSON) in force when it was issued: what its head and foot say for ever.
    @OptionalField(key: "issued_style") public var issuedStyle: String?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}

/// A draft can be generated again; an issued document is frozen and numbered.
public enum DocumentStatus: String, Sendable, Codable {
    case draft
    case issued
}

public enum DocumentKind: String, Sendable, CaseIterable, Codable {
    case supervisionBulletin = "supervision-bulletin"
    /// Period `2023-W23`.
    case weeklyBulletin = "weekly-bulletin"
    /// Period `2023-05`.
    case unitRanking = "unit-ranking"
    /// Period `2023-Q2`.
    case quarterlyAssessment = "quarterly-assessment"
    /// Period `2023`.
    case annualEvaluation = "annual-evaluation"
    /// 观摩讲评通报; period: the tour's day, `2023-06-16`.
    case inspectionReview = "inspection-review"

    public var chineseName: String {
        switch self {
        case .supervisionBulletin: "督查通报"
        case .weeklyBulletin: "周通报"
        case .unitRanking: "月排名"
        case .quarterlyAssessment: "季度考核"
        case .annualEvaluation: "年度评优"
        case .inspectionReview: "观摩讲评"
        }
    }

    public var englishName: String {
        switch self {
        case .supervisionBulletin: "Supervision bulletin"
        case .weeklyBulletin: "Weekly bulletin"
        case .unitRanking: "Monthly ranking"
        case .quarterlyAssessment: "Quarterly assessment"
        case .annualEvaluation: "Annual evaluation"
        case .inspectionReview: "Inspection review"
        }
    }
}
