import Fluent
import Foundation

/// Who changed what, when, from where, and the record before and after. Written in the same
/// transaction as the change it describes, so there is never a change without its entry.
public final class AuditEntryModel: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "district_id") public var districtID: UUID?
    @Field(key: "at") public var at: Date
    @Field(key: "actor") public var actor: String
    @OptionalField(key: "role") public var role: String?
    @OptionalField(key: "address") public var address: String?
    @Field(key: "action") public var action: String
    @Field(key: "entity") public var entity: String
    @OptionalField(key: "entity_id") public var entityID: UUID?
    @OptionalField(key: "summary") public var summary: String?
    /// JSON of the record before and after; nil on create and delete respectively.
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?

    public init() {}
}
