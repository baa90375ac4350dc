import BallastCore
import BallastStore
import Fluent
import Foundation

/// The year's list on a day, worked out in Swift from the rows (the plan as it stands, moved
/// back by every change taking effect after the day), for tests to compare the SQL's counts
/// with. The demo decides changes on its mid-year day for 3 July (`DemoPlanChanges`), so "has
/// an annual plan now" is not "in the list today".
public enum PortfolioOracle {
    /// Project → annual plan in force on `day`, for the plans of `year` (joined by then).
    public static func plans(year: Int, on day: CalendarDate, db: any Database) async throws -> [UUID: Money] {
        let changes = Dictionary(grouping: try await PlanChangeModel.query(on: db).filter(\.$year == year).all(), by: \.projectID)
        var out: [UUID: Money] = [:]
        for plan in try await YearPlanModel.query(on: db).filter(\.$year == year).all() {
            if let entered = plan.enteredOn, entered > day { continue }
            let later = (changes[plan.$project.id] ?? []).filter { $0.effectiveOn > day }
                .sorted { ($0.effectiveOn, $0.createdAt ?? .distantPast) < ($1.effectiveOn, $1.createdAt ?? .distantPast) }
            let inForce = later.first.map { $0.beforePlan } ?? plan.annualPlan
            if let yuan = inForce { out[plan.$project.id] = Money(yuan: yuan) }
        }
        return out
    }

    public static func projects(year: Int, on day: CalendarDate, db: any Database) async throws -> Set<UUID> {
        Set(try await plans(year: year, on: day, db: db).keys)
    }
}
