import BallastCore
import BallastStore
import Vapor

extension Request {
    /// Each portfolio project's light on the day in the caller's scope (`ColourAsOf`, the one
    /// rule), kept under the district's data version: the warning board, its API and the big
    /// screen read this one list. At 6 000 projects reading it (each light with its reasons) is
    /// most of those routes' work.
    func lights(year: Int, asOf: CalendarDate) async throws -> [ProjectWarning] {
        let districtID = try district().requireID(), unit = try requirePrincipal().scopeUnitID, db = self.db
        return try await answer("lights \(year) \(asOf.iso)", weight: { $0.count * 512 }) {
            try await ColourAsOf.resolve(districtID: districtID, year: year, on: asOf, db: db).warnings(scopeUnitID: unit, on: db)
        }
    }
}
