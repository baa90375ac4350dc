import BallastCore
import Foundation

/// The figures of one district year, as the project office reports them.
public struct YearSummary: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public var name: String
        public var projects: Int
        public var totalInvestment: Money
        public var annualPlan: Money
        public var completed: Money
    }

    public struct Pool: Sendable, Equatable {
        public var stage: LifecycleStage
        public var projects: Int
        public var totalInvestment: Money
    }

    public var year: Int
    public var asOf: CalendarDate
    public var projects: Int
    public var totalInvestment: Money
    public var annualPlan: Money
    public var completed: Money
    public var byCategory: [Group]
    public var byLevel: [Group]
    public var byZone: [Group]
    public var byUnit: [Group]
    public var pools: [Pool]
    /// Portfolio projects by their colour on the as-of day (`ColourAsOf`; every colour present, zero when none).
    public var colours: [WarningColour: Int] = [:]
}
