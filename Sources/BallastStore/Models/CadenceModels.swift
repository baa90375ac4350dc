import Fluent
import Foundation

/// One version of a district year's scoring scheme. A change is a new version; rankings name
/// the version they were scored under, so an old ranking can always be explained.
public final class ScoringSchemeModel: Model, @unchecked Sendable {
    public static let schema = "scoring_schemes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "version") public var version: Int
    /// `ScoringScheme` as JSON.
    @Field(key: "payload") public var payload: String
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// 加减分: points the office adds to or takes from a unit's quarterly or annual score, with the
/// reason. Never edited: a mistake is answered by an adjustment the other way, with its reason.
public final class ScoreAdjustmentModel: Model, @unchecked Sendable {
    public static let schema = "score_adjustments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    /// `2023-Q2` or `2023`.
    @Field(key: "period") public var period: String
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "points") public var points: Double
    @Field(key: "reason") public var reason: String
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
