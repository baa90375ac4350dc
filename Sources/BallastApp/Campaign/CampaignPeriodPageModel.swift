import BallastCore
import BallastStore
import Fluent
import Foundation

/// What a 三个一批 period's page shows: the period, its entries in the three lists with their follow-up dates, and its figures as of the day.
struct CampaignPeriodPageModel: Sendable {
    var period: CampaignQuery.Announced
    /// The period's figures as of the day; nil when the day's periods do not count it.
    var figures: CampaignQuery.Period?
    var entries: [CampaignQuery.Entry]

    /// The page's query: the period (already found in the caller's district), its entries in the
    /// caller's scope, and its figures among the district's periods as of `asOf`.
    static func load(_ period: CampaignPeriodModel, districtID: UUID, asOf: CalendarDate, scopeUnitID: UUID?,
                     on db: any Database) async throws -> CampaignPeriodPageModel {
        let entries = try await CampaignQuery.entries(periodID: try period.requireID(), scopeUnitID: scopeUnitID, on: db)
        let figures = try await CampaignQuery.periods(districtID: districtID, asOf: asOf, scopeUnitID: scopeUnitID, on: db)
            .first { $0.number == period.number }
        return CampaignPeriodPageModel(period: CampaignQuery.Announced(period), figures: figures, entries: entries)
    }
}
