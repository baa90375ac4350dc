import BallastCore
import BallastStore
import Vapor

/// The year summary as JSON: money in 万元, as numbers with at most two decimals.
struct SummaryDTO: Content, Equatable {
    struct Group: Content, Equatable {
        var name: String
        var projects: Int
        var totalInvestment: Double
        var annualPlan: Double
        var completed: Double

        init(_ g: YearSummary.Group) {
            name = g.name; projects = g.projects; totalInvestment = g.totalInvestment.rounded(in: .wan, places: 2)
            annualPlan = g.annualPlan.rounded(in: .wan, places: 2); completed = g.completed.rounded(in: .wan, places: 2)
        }
    }

    struct Pool: Content, Equatable {
        var stage: String
        var projects: Int
        var totalInvestment: Double

        init(_ p: YearSummary.Pool) {
            stage = p.stage.rawValue; projects = p.projects; totalInvestment = p.totalInvestment.rounded(in: .wan, places: 2)
        }
    }

    var year: Int
    var asOf: String
    var unit: String
    var projects: Int
    var totalInvestment: Double
    var annualPlan: Double
    var completed: Double
    var byCategory: [Group]
    var byLevel: [Group]
    var byZone: [Group]
    var byUnit: [Group]
    var pools: [Pool]
    /// Portfolio projects by their colour on the as-of day: {red, yellow, blue, green}.
    var colours: [String: Int]

    init(_ s: YearSummary) {
        func wan(_ m: Money) -> Double { m.rounded(in: .wan, places: 2) }
        year = s.year
        asOf = s.asOf.iso
        unit = "万元"
        projects = s.projects
        totalInvestment = wan(s.totalInvestment)
        annualPlan = wan(s.annualPlan)
        completed = wan(s.completed)
        byCategory = s.byCategory.map(Group.init)
        byLevel = s.byLevel.map(Group.init)
        byZone = s.byZone.map(Group.init)
        byUnit = s.byUnit.map(Group.init)
        colours = Dictionary(uniqueKeysWithValues: WarningColour.allCases.map { ($0.rawValue, s.colours[$0] ?? 0) })
        pools = s.pools.map(Pool.init)
    }
}
