import BallastCore
import Fluent
import Foundation

/// A 区领导's own projects (领导分包): those whose 分包领导 is the leader's name, in the year's
/// portfolio, each with its light and reasons and its completion as of the day, the most urgent
/// first (red, yellow, blue, green, then by lag). The list the project page would give with
/// `?leader=` and the colour columns, read by the same queries.
public enum LeaderProjects {
    public struct Row: Sendable, Equatable {
        public var id: UUID
        public var code: String
        public var name: String
        public var unit: String
        public var annualPlan: Money?
        /// Completed against the annual plan (`CompletionRate`), nil without a plan.
        public var completion: Double?
        public var warning: WarningOutcome?
    }

    /// At most `ProjectFilter.maxPerPage` projects: a leader answers for a handful, not hundreds.
    public static func run(districtID: UUID, year: Int, day: CalendarDate, leader: String, on db: any Database) async throws -> [Row] {
        var filter = ProjectFilter()
        filter.year = year
        filter.leader = leader
        filter.portfolioOnly = true
        filter.day = day
        filter.perPage = ProjectFilter.maxPerPage
        let page = try await ProjectListQuery.run(districtID: districtID, filter: filter, on: db)
        guard !page.items.isEmpty else { return [] }
        let lights = try await ColourAsOf.resolve(districtID: districtID, year: year, on: day, db: db).warnings(scopeUnitID: nil, projects: page.items.map(\.id), on: db)
        let byProject = Dictionary(lights.map { ($0.projectID, $0.outcome) }, uniquingKeysWith: { a, _ in a })
        let done = try await CompletedQuery.byProject(districtID: districtID, year: year,
                                                      throughMonth: day.year > year ? 12 : day.year < year ? 0 : day.month, on: db)
        let rows = page.items.map { p in
            Row(id: p.id, code: p.code, name: p.name, unit: p.unit, annualPlan: p.annualPlan,
                completion: p.annualPlan.flatMap { CompletionRate.of(completed: (done[p.id] ?? .zero).yuan, plan: $0.yuan) },
                warning: byProject[p.id])
        }
        return rows.sorted { a, b in
            let ca = a.warning?.colour, cb = b.warning?.colour
            if ca != cb { return (ca.map { $0.severityRank } ?? -1) > (cb.map { $0.severityRank } ?? -1) }
            let la = a.warning?.lagPoints ?? -.infinity, lb = b.warning?.lagPoints ?? -.infinity
            return la != lb ? la > lb : a.code < b.code
        }
    }
}

extension WarningColour {
    /// Red highest: the order a leader reads their projects in.
    var severityRank: Int { WarningColour.allCases.firstIndex(of: self) ?? 0 }
}
