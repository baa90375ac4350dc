import BallastCore
import Fluent
import Foundation

/// A project the tour visits, in visiting order, with why it was chosen.
public final class InspectionStopModel: Model, @unchecked Sendable {
    public static let schema = "inspection_stops"

    @ID(key: .id) public var id: UUID?
    @Field(key: "inspection_id") public var inspectionID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "seq") public var seq: Int
    /// `InspectionSuggestion.Reason` raw values, comma-separated; empty when the office added it.
    @Field(key: "reasons") public var reasons: String
    /// Kilometres from the stop before (nil for the first, or without coordinates).
    @OptionalField(key: "leg_km") public var legKm: Double?

    public init() {}
}
