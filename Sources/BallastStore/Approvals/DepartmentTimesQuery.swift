import BallastCore
import Fluent
import Foundation

/// The approving departments' figures (`DepartmentTimes`) over the district's chains: the steps
/// applied for in `from…to`, judged as of `asOf` by the district's work calendar.
public enum DepartmentTimesQuery {
    public static func run(districtID: UUID, from: CalendarDate, to: CalendarDate, asOf: CalendarDate,
                           on db: any Database) async throws -> [DepartmentTimes.Row] {
        let settings = try await SupervisionSettings.load(districtID: districtID, on: db)
        let items = try await ApprovalItemModel.query(on: db).filter(\.$districtID == districtID)
            .filter(\.$applied >= from).filter(\.$applied <= min(to, asOf)).all()
        return DepartmentTimes.rows(items.map(\.step), from: from, to: to, asOf: asOf, clock: ApprovalClock(calendar: settings.calendar))
    }
}
