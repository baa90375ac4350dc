import BallastCore
import Fluent
import Foundation

/// 亮灯督办: a supervision item the responsible unit must work off. A red or yellow light opens
/// one; the project turning blue or green closes it. Closed items are kept as the history.
public final class SupervisionItemModel: Model, @unchecked Sendable {
    public static let schema = "supervision_items"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "year") public var year: Int
    /// What opened it: `warning` for a light.
    @Field(key: "source") public var source: String
    @Field(key: "opened_on") public var openedOn: CalendarDate
    @Field(key: "opened_colour") public var openedColour: String
    /// The reasons at opening, as the warning state stores them.
    @Field(key: "reasons") public var reasons: String
    @OptionalField(key: "closed_on") public var closedOn: CalendarDate?
    @OptionalField(key: "closed_colour") public var closedColour: String?

    public init() {}
}
