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
    }

    struct Pool: Content, Equatable {
        var stage: String
        var projects: Int
        var totalInvestment: Double
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
        func group(_ g: YearSummary.Group) -> Group {
            Group(name: g.name, projects: g.projects, totalInvestment: wan(g.totalInvestment),
                  annualPlan: wan(g.annualPlan), completed: wan(g.completed))
        }
        year = s.year
        asOf = s.asOf.iso
        unit = "万元"
        projects = s.projects
        totalInvestment = wan(s.totalInvestment)
        annualPlan = wan(s.annualPlan)
        completed = wan(s.completed)
        byCategory = s.byCategory.map(group)
        byLevel = s.byLevel.map(group)
        byZone = s.byZone.map(group)
        byUnit = s.byUnit.map(group)
        colours = Dictionary(uniqueKeysWithValues: WarningColour.allCases.map { ($0.rawValue, s.colours[$0] ?? 0) })
        pools = s.pools.map { Pool(stage: $0.stage.rawValue, projects: $0.projects, totalInvestment: wan($0.totalInvestment)) }
    }
}
