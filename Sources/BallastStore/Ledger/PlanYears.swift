import BallastCore
import Fluent
import Foundation

/// The years that have a ledger.
public enum PlanYears {
    /// The latest year with a ledger, in a district or (nil) in any.
    public static func latest(districtID: UUID?, on db: any Database) async throws -> Int? {
        var q = YearPlanModel.query(on: db)
        if let districtID { q = q.filter(\.$district.$id == districtID) }
        return try await q.sort(\.$year, .descending).first()?.year
    }

    /// The year a page, the API and the nightly recompute work on when none is named: the
    /// district's latest year with a ledger, else the district's current year.
    public static func current(districtID: UUID, today: CalendarDate, on db: any Database) async throws -> Int {
        try await latest(districtID: districtID, on: db) ?? today.year
    }
}
