import BallastCore
import Fluent
import Foundation

/// The district's clock for 前期手续 steps (its work calendar), and the due days kept with the
/// steps (`due_on`) for the SQL counts: written with each step, and recomputed here when the
/// calendar changes, so the counts and the pages judge by the same day.
public enum ApprovalDue {
    public static func clock(districtID: UUID, on db: any Database) async throws -> ApprovalClock {
        ApprovalClock(calendar: try await SupervisionSettings.load(districtID: districtID, on: db).calendar)
    }

    /// Every step with an application and a promised time, due again under `calendar`.
    public static func recompute(districtID: UUID, calendar: WorkCalendar, on db: any Database) async throws {
        let clock = ApprovalClock(calendar: calendar)
        let steps = try await ApprovalItemModel.query(on: db).filter(\.$districtID == districtID)
            .filter(\.$applied != nil).filter(\.$promisedDays != nil).all()
        for s in steps {
            let due = clock.due(s.step)
            if s.dueOn != due {
                s.dueOn = due
                try await s.update(on: db)
            }
        }
    }
}
