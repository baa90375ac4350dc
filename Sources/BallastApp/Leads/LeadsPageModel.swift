import BallastCore
import BallastStore
import Fluent
import Foundation

/// What the 招商引资 page shows: the period's figures, the first 50 leads that match the filter, the period's trips and the units a lead may be registered to.
struct LeadsPageModel: Sendable {
    var from: CalendarDate
    var to: CalendarDate
    var figures: PromotionQuery.Figures
    /// All the leads that match, of which `rows` are the first.
    var total: Int
    var rows: [LeadQuery.Row]
    var trips: [(trip: TripSummary, visits: Int, leads: Int)]
    var units: [String]

    /// The page's query, in the caller's scope (`scopeUnitID`; a unit's user is offered its own
    /// unit, `unitName`, when it has one): the figures from `from` to `to`, the leads that match
    /// `filter`, the trips of the period and the unit choices.
    static func load(districtID: UUID, from: CalendarDate, to: CalendarDate, filter: LeadQuery.Filter, scopeUnitID: UUID?,
                     unitName: String?, on db: any Database) async throws -> LeadsPageModel {
        let figures = try await PromotionQuery.run(districtID: districtID, from: from, to: to, scopeUnitID: scopeUnitID, on: db)
        let (total, rows) = try await LeadQuery.list(districtID: districtID, filter: filter, scopeUnitID: scopeUnitID, limit: 50, on: db)
        let trips = try await LeadQuery.trips(districtID: districtID, from: from, to: to, on: db)
        let units = try await unitChoices(districtID: districtID, scopeUnitID: scopeUnitID, unitName: unitName, on: db)
        return LeadsPageModel(from: from, to: to, figures: figures, total: total, rows: rows, trips: trips, units: units)
    }

    /// The units a lead may be registered for: a unit's user only its own.
    static func unitChoices(districtID: UUID, scopeUnitID: UUID?, unitName: String?, on db: any Database) async throws -> [String] {
        if scopeUnitID != nil, let own = unitName { return [own] }
        return try await ReferenceLists.names(districtID: districtID, kind: .unit, on: db)
    }
}
