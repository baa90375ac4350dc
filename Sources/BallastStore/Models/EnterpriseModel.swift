import Fluent
import Foundation

/// 企业: one record per enterprise in a district. A merged duplicate is kept, pointing at the
/// record it was merged into, so old references and the audit trail still resolve.
public final class EnterpriseModel: Model, @unchecked Sendable {
    public static let schema = "enterprises"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "name") public var name: String
    /// `EnterpriseName.key(name)`: what duplicates by name are found with.
    @Field(key: "name_key") public var nameKey: String
    @OptionalField(key: "credit_code") public var creditCode: String?
    @OptionalField(key: "industry") public var industry: String?
    @OptionalField(key: "address") public var address: String?
    @Field(key: "above_scale") public var aboveScale: Bool
    @OptionalField(key: "contact_name") public var contactName: String?
    @OptionalField(key: "contact_phone") public var contactPhone: String?
    @OptionalField(key: "service_official") public var serviceOfficial: String?
    @OptionalField(key: "merged_into") public var mergedInto: UUID?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
