import BallastCore
import Fluent
import Foundation

/// 招商线索: a lead, its enterprise, where it came from and how far it has gone.
public final class LeadModel: Model, @unchecked Sendable {
    public static let schema = "leads"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "title") public var title: String
    @Field(key: "enterprise_id") public var enterpriseID: UUID
    /// `LeadSource.rawValue`.
    @Field(key: "source") public var source: String
    @OptionalField(key: "chain") public var chain: String?
    /// Integer yuan.
    @OptionalField(key: "intended_investment") public var intendedInvestment: Int64?
    /// The owner unit (a reference entry of kind unit).
    @Field(key: "unit_id") public var unitID: UUID
    /// `LeadStatus.rawValue`.
    @Field(key: "status") public var status: String
    @OptionalField(key: "abandon_reason") public var abandonReason: String?
    @OptionalField(key: "trip_id") public var tripID: UUID?
    /// The 签约库 project the signing created or linked.
    @OptionalField(key: "project_id") public var projectID: UUID?
    /// ISO days.
    @Field(key: "collected_on") public var collectedOn: CalendarDate
    @OptionalField(key: "signed_on") public var signedOn: CalendarDate?
    @OptionalField(key: "contract_amount") public var contractAmount: Int64?
    @OptionalField(key: "note") public var note: String?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}

/// One status step of a lead: the history "how many reached 洽谈 this quarter" is counted from.
public final class LeadStepModel: Model, @unchecked Sendable {
    public static let schema = "lead_steps"

    @ID(key: .id) public var id: UUID?
    @Field(key: "lead_id") public var leadID: UUID
    @OptionalField(key: "from_status") public var fromStatus: String?
    @Field(key: "to_status") public var toStatus: String
    @Field(key: "effective_on") public var effectiveOn: CalendarDate
    @Field(key: "actor") public var actor: String
    @OptionalField(key: "note") public var note: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// The contact log: who spoke with the enterprise, when, about what.
public final class LeadContactModel: Model, @unchecked Sendable {
    public static let schema = "lead_contacts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "lead_id") public var leadID: UUID
    @Field(key: "contacted_on") public var contactedOn: CalendarDate
    @Field(key: "who") public var who: String
    @Field(key: "what") public var what: String
    @Field(key: "recorded_by") public var recordedBy: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// 外出招商: a trip, led by a leader or by a small team, to some destinations.
public final class TripModel: Model, @unchecked Sendable {
    public static let schema = "trips"

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    /// `TripKind.rawValue`.
    @Field(key: "kind") public var kind: String
    @Field(key: "started_on") public var startedOn: CalendarDate
    @OptionalField(key: "ended_on") public var endedOn: CalendarDate?
    @Field(key: "led_by") public var ledBy: String
    @Field(key: "destinations") public var destinations: String
    @OptionalField(key: "note") public var note: String?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// An enterprise visited on a trip.
public final class TripVisitModel: Model, @unchecked Sendable {
    public static let schema = "trip_visits"

    @ID(key: .id) public var id: UUID?
    @Field(key: "trip_id") public var tripID: UUID
    @Field(key: "enterprise_id") public var enterpriseID: UUID

    public init() {}
    public init(tripID: UUID, enterpriseID: UUID) { id = UUID(); self.tripID = tripID; self.enterpriseID = enterpriseID }
}
