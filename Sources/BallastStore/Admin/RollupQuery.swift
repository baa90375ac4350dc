import BallastCore
import Fluent
import Foundation
import SQLKit

/// One district's portfolio figures in a year, as a city or province sees it: no project, unit
/// or name below the district.
public struct DistrictRollup: Sendable, Equatable {
    public var code: String
    public var name: String
    public var asOf: CalendarDate
    public var projects: Int
    public var totalInvestment: Money
    public var annualPlan: Money
    public var completed: Money
    /// 完成率, nil without a plan (`CompletionRate`).
    public var completionRate: Double? { CompletionRate.of(completed: completed.yuan, plan: annualPlan.yuan) }
    /// Portfolio projects by colour on the day.
    public var colours: [WarningColour: Int]
    /// 时序进度 of the day (`WarningRule.timeProgress`), what the completion rate is read against.
    public var timeProgress: Double { WarningRule.timeProgress(asOf: asOf) }
}

/// One district's figures opened from the roll-up: its year summary without the units, which
/// are the district's own business (a city sees categories, levels, zones and pools).
public struct DistrictRollupDetail: Sendable, Equatable {
    public var rollup: DistrictRollup
    /// The district's summary of the day with `byUnit` left empty.
    public var summary: YearSummary
}

/// Every district's figures for a year, each the district's own year summary (`SummaryQuery`),
/// so the city's table and the district's own pages never disagree. Districts without a ledger
/// that year appear with zeros, so a missing report shows as such.
public enum RollupQuery {
    /// `asOf`: the day, by default each district's judging day (today, or 31 December of a year
    /// that is over).
    public static func run(year: Int, asOf: CalendarDate? = nil, today: @Sendable (DistrictModel) -> CalendarDate, on db: any Database) async throws -> [DistrictRollup] {
        var out: [DistrictRollup] = []
        for d in try await DistrictModel.query(on: db).sort(\.$code).all() {
            out.append(try await detail(of: d, year: year, asOf: asOf, today: today, on: db).rollup)
        }
        return out
    }

    /// The district with `code`, nil when there is none.
    public static func district(code: String, year: Int, asOf: CalendarDate? = nil, today: @Sendable (DistrictModel) -> CalendarDate,
                                on db: any Database) async throws -> DistrictRollupDetail? {
        guard let d = try await DistrictModel.query(on: db).filter(\.$code == code).first() else { return nil }
        return try await detail(of: d, year: year, asOf: asOf, today: today, on: db)
    }

    private static func detail(of d: DistrictModel, year: Int, asOf: CalendarDate?, today: @Sendable (DistrictModel) -> CalendarDate,
                               on db: any Database) async throws -> DistrictRollupDetail {
        // No later than the district's judging day: a day no figure has reached yet (or past the
        // year's end) reads as the last the year has.
        let judging = JudgingDay.of(year: year, asOf: today(d))
        let day = asOf.map { min($0, judging) } ?? judging
        var s = try await SummaryQuery.run(districtID: try d.requireID(), year: year, asOf: day, on: db)
        s.byUnit = []
        return DistrictRollupDetail(
            rollup: DistrictRollup(code: d.code, name: d.name, asOf: day, projects: s.projects, totalInvestment: s.totalInvestment,
                                   annualPlan: s.annualPlan, completed: s.completed, colours: s.colours),
            summary: s)
    }
}
