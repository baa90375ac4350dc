import BallastCore
import Fluent
import Foundation

/// One project's annual plan in force on a day, for the pages that read a single project (its
/// page, a meeting's packet): `PlanChange.plan(on:)` over the project's changes, the same rule
/// the lists read in SQL (`Portfolio.plan(on:)`). A change decided for a later day shows from
/// that day; until then the plan before it stands.
public enum PlanInForce {
    public static func annualPlan(projectID: UUID, year: Int, on day: CalendarDate, db: any Database) async throws -> Money? {
        guard let plan = try await YearPlanModel.query(on: db).filter(\.$project.$id == projectID).filter(\.$year == year).first() else {
            return nil
        }
        let changes = try await PlanChangeModel.query(on: db).filter(\.$projectID == projectID).filter(\.$year == year)
            .filter(\.$effectiveOn > day).sort(\.$effectiveOn).sort(\.$createdAt).all()
        // In the order they were made, so that of two on one day the first one's "before" is read.
        return PlanChange.plan(on: day, current: plan.annualPlan.map(Money.init(yuan:)), changes: changes.compactMap { c in
            PlanChangeKind(rawValue: c.kind).map {
                PlanChange(kind: $0, effectiveOn: c.effectiveOn, before: c.beforePlan.map(Money.init(yuan:)), after: c.afterPlan.map(Money.init(yuan:)))
            }
        })
    }
}
