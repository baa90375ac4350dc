import BallastCore
import Fluent
import Foundation

/// An entry in one of a district's named lists: a responsible unit, a leader, a task force,
/// or a category, level, zone or industry chain of a given year. Projects point at entries
/// by id, so renaming an entry renames it everywhere at once.
public final class ReferenceEntryModel: Model, @unchecked Sendable {
    public static let schema = "reference_entries"

    /// Lists that are not per year use year 0: a NULL would let duplicates past the unique index.
    public static let noYear = 0

    @ID(key: .id) public var id: UUID?
    @Parent(key: "district_id") public var district: DistrictModel
    @Field(key: "kind") public var kind: String
    @Field(key: "year") public var year: Int
    @Field(key: "name") public var name: String
    /// For units: 部门 (department) or 镇街 (town/street), which rankings may separate.
    @OptionalField(key: "variant") public var variant: String?
    @Field(key: "sort") public var sort: Int
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = UUID(), districtID: UUID, kind: ReferenceKind, year: Int, name: String,
                variant: String? = nil, sort: Int = 0) {
        self.id = id
        self.$district.id = districtID
        self.kind = kind.rawValue
        self.year = kind.isPerYear ? year : Self.noYear
        self.name = name
        self.variant = variant
        self.sort = sort
        self.version = 1
    }

    public var referenceKind: ReferenceKind? { ReferenceKind(rawValue: kind) }
}
