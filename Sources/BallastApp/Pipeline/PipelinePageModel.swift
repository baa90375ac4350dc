import BallastCore
import BallastStore
import Fluent
import Foundation

/// What the 四库 board shows: the pools and the year's moves and exits, each pool's projects, a cohort's conversion, and the pools by unit and by industry chain.
struct PipelinePageModel: Sendable {
    var figures: PipelineFigures
    var projects: [LifecycleStage: [ProjectRef]]
    /// The cohort asked for (or the default: 招引, this year's first quarter).
    var cohort: (pool: LifecycleStage, from: CalendarDate, to: CalendarDate, result: CohortQuery.Result)
    var byUnit: PipelineController.Groups = []
    var byChain: PipelineController.Groups = []

    /// The page's query, in the caller's scope: the figures of `year` at `asOf`, the projects in
    /// each pool at `asOf`, the cohort of `cohort.pool` entering from `cohort.from` to `cohort.to` as
    /// it stood on `cohortAsOf`, and the pools at `asOf` per unit and per chain.
    static func load(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID?,
                     cohort: (pool: LifecycleStage, from: CalendarDate, to: CalendarDate), cohortAsOf: CalendarDate,
                     on db: any Database) async throws -> PipelinePageModel {
        let figures = try await PipelineQuery.run(districtID: districtID, year: year, asOf: asOf, scopeUnitID: scopeUnitID, on: db)
        let projects = try await PipelineQuery.poolProjects(districtID: districtID, asOf: asOf, scopeUnitID: scopeUnitID, on: db)
        let result = try await CohortQuery.run(districtID: districtID, pool: cohort.pool, from: cohort.from, to: cohort.to, asOf: cohortAsOf,
                                               scopeUnitID: scopeUnitID, on: db)
        let byUnit = try await PipelineQuery.breakdown(districtID: districtID, asOf: asOf, by: .unit, scopeUnitID: scopeUnitID, on: db)
        let byChain = try await PipelineQuery.breakdown(districtID: districtID, asOf: asOf, by: .chain, scopeUnitID: scopeUnitID, on: db)
        return PipelinePageModel(figures: figures, projects: projects, cohort: (cohort.pool, cohort.from, cohort.to, result),
                                 byUnit: byUnit, byChain: byChain)
    }
}
