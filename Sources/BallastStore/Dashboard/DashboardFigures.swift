import BallastCore
import Foundation

/// Everything the 挂图作战 dashboard shows for a district (or one unit's projects) in a year as
/// of a day. Money in yuan. Each figure is counted in SQL by `DashboardQuery`; the page and the
/// JSON are drawn from this one value, so what the screen shows is what the API says.
public struct DashboardFigures: Sendable, Equatable, Codable {
    public struct Group: Sendable, Equatable, Codable {
        public var name: String
        public var projects: Int
        public var totalInvestment: Int64
        public var annualPlan: Int64
        public var completed: Int64
    }

    public struct Pool: Sendable, Equatable, Codable {
        public var stage: String
        public var projects: Int
        public var entered: Int
        public var target: Int?
    }

    public struct CampaignRate: Sendable, Equatable, Codable {
        public var batch: String
        public var entries: Int
        public var done: Int
        /// A share of 1 (0.778 for 77.8%), as every rate on the dashboard.
        public var rate: Double?
    }

    public struct Campaign: Sendable, Equatable, Codable {
        public var period: Int
        public var heldOn: String
        /// Cumulative over every period held by the day: the rates the district reports.
        public var rates: [CampaignRate]
    }

    public struct Problems: Sendable, Equatable, Codable {
        public var raised: Int
        public var solved: Int
        public var onTime: Int
        public var open: Int
        public var overdue: Int
        /// Solved ÷ raised, a share of 1.
        public var resolutionRate: Double?
    }

    public struct RankedUnit: Sendable, Equatable, Codable {
        public var unit: String
        public var rank: Int
        public var total: Double
    }

    public struct Ranking: Sendable, Equatable, Codable {
        public var period: String
        /// The issued ranking's number, or "计算" when the month's ranking is worked out here.
        public var source: String
        public var units: Int
        public var top: [RankedUnit]
        public var bottom: [RankedUnit]
    }

    public struct Comparison: Sendable, Equatable, Codable {
        public var year: Int
        public var projects: Int
        public var annualPlan: Int64
        /// Completed through the same month of that year.
        public var completed: Int64
        public var monthly: [Int64]
    }

    /// 前期手续, 入库纳统 and 要素保障 on the day (issue 27), each counted by its own query.
    public struct Preparation: Sendable, Equatable, Codable {
        /// Approval steps of the year past their promised time (`ApprovalRateQuery`).
        public var approvalsOverdue: Int
        /// Started projects not in the statistics database (`StatisticsQuery.missing`), and the
        /// year's investment they reported that the statistics do not count.
        public var notInStatistics: Int
        public var notInStatisticsReported: Int64
        /// `ElementsQuery`: projects waiting for land, and those whose funds are behind spending.
        public var waitingForLand: Int
        public var fundsBehind: Int
    }

    public var year: Int
    public var asOf: String
    public var month: Int
    /// 时序进度: the share of the year gone by the as-of month.
    public var timeProgress: Double
    public var projects: Int
    public var totalInvestment: Int64
    public var annualPlan: Int64
    public var completed: Int64
    /// Completed ÷ annual plan; nil without a plan.
    public var completionRate: Double? { CompletionRate.of(completed: completed, plan: annualPlan) }
    /// red, yellow, blue, green → projects of the portfolio that colour on the day.
    public var colours: [String: Int]
    public var byCategory: [Group]
    public var byZone: [Group]
    /// Completed in each month of the year (approved reports and corrections); zero after the as-of month.
    public var monthly: [Int64]
    public var lastYear: Comparison?
    public var pools: [Pool]
    public var campaign: Campaign?
    public var problems: Problems
    public var ranking: Ranking?
    /// Portfolio projects with no coordinates: the map lists them beside it.
    public var unlocated: Int
    public var preparation: Preparation?

    public var isEmpty: Bool { projects == 0 }
}
