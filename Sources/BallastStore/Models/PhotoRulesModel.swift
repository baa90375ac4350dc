import Fluent
import Foundation

/// A district's `PhotoRules`, as JSON (`PhotoRuleStore`).
public final class PhotoRulesModel: Model, @unchecked Sendable {
    public static let schema = "photo_rules"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "rules") public var rules: String
    @Field(key: "version") public var version: Int
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
