import Fluent
import Foundation

/// A district's annual target for one pool: how many projects are to enter it in the year
/// (2023: 谋划 218, 招引 173, 签约 137, 落地 107).
public final class PoolTargetModel: Model, @unchecked Sendable {
    public static let schema = "pool_targets"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "year") public var year: Int
    /// The pool, as `LifecycleStage.rawValue`.
    @Field(key: "stage") public var stage: String
    @Field(key: "target") public var target: Int

    public init() {}
}
