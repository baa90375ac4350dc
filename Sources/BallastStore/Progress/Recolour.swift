import BallastCore
import Fluent
import Foundation

/// The consequence of every change to figures: approving or correcting a month, importing a
/// progress file, a milestone, a pool move or a signing, a new warning rule. The year's colours,
/// their history and the 亮灯督办 items follow the change **inside the change's transaction**,
/// so a recolour that fails rolls the change back with it and approved figures never stand with
/// stale colours. Workflows call this; route handlers never do.
public enum Recolour {
    /// Recolours `year` as of the district's `today` (the year's last day once it is over).
    /// Call it with the transaction that made the change.
    @discardableResult
    public static func year(_ year: Int, districtID: UUID, today: CalendarDate, in tx: any Database) async throws -> WarningEngine.Recomputed {
        try await WarningEngine.recompute(districtID: districtID, year: year, asOf: JudgingDay.of(year: year, asOf: today), on: tx)
    }
}
