import BallastCore
import BallastStore
import Fluent
import Foundation

/// What the project page shows, read in one place: the page model query of "route → page model
/// query → view". The controller turns the request into the parameters (the project, already
/// read in the caller's scope; the district; its day); `ProjectDetailPage.render` draws the
/// model and reads nothing. A view test builds one of these by hand.
struct ProjectPageModel: Sendable {
    var detail: ProjectDetail
    /// The latest plan year's figures, milestones and approvals; nil for a project with no plan.
    var progress: ProjectProgress?
    var supervision: [SupervisionRow]
    /// The day the year is judged on (`JudgingDay`): today while the year runs, 31 December after.
    var asOf: CalendarDate
    /// The district's responsible units, offered when a milestone names one.
    var units: [String]
    var exitReasons: [String]
    var pipeline: ProjectDetailPage.PipelineLinks
    /// Who did what, by display name and unit (the history keeps usernames).
    var people = People()
    /// 一码多项 / 一项多码 with other projects of the district (`ProjectCodeFlags`).
    var codeFlags: [ProjectCodeFlags.Flag] = []
    /// The district's work calendar, for the 前期手续 steps' clocks.
    var approvalClock = ApprovalClock(calendar: .weekdaysOnly)
    /// 入库纳统: the record and the plan year's reported and counted months.
    var statistics: StatisticsQuery.ProjectView?
    /// 资金与要素: the plan year's funding, the land, and what they say.
    var elements: ElementsQuery.ProjectView?
    /// 动态调整 of the plan year, newest first: the plan before and after each, and why.
    var planChanges: [PlanChangeQuery.Row] = []
    /// Each plan year's annual plan in force on its judging day (`PlanInForce`): a change
    /// decided for a later day shows from that day, as every list and figure has it.
    var plansInForce: [Int: Money] = [:]

    static func load(_ detail: ProjectDetail, district: DistrictModel, today: CalendarDate, on db: any Database) async throws -> ProjectPageModel {
        let districtID = try district.requireID()
        let plan = detail.plans.first
        let asOf = plan.map { JudgingDay.of(year: $0.year, asOf: today) } ?? today
        var progress: ProjectProgress?
        var inForce: [Int: Money] = [:]
        for p in detail.plans {
            inForce[p.year] = try await PlanInForce.annualPlan(projectID: detail.id, year: p.year, on: JudgingDay.of(year: p.year, asOf: today), db: db)
        }
        if let plan { progress = try await ProjectProgressQuery.run(projectID: detail.id, year: plan.year, annualPlan: inForce[plan.year], on: db) }
        var links = ProjectDetailPage.PipelineLinks(campaign: try await CampaignQuery.entries(projectID: detail.id, on: db))
        // The leads signed into the project, in one query.
        links.leads = try await LeadQuery.list(districtID: districtID, filter: .init(projectID: detail.id), scopeUnitID: nil, limit: 500, on: db).rows
        var model = ProjectPageModel(
            detail: detail, progress: progress,
            supervision: try await SupervisionQuery.run(districtID: districtID, year: plan?.year ?? asOf.year, open: nil, scopeUnitID: nil,
                                                        projectID: detail.id, on: db),
            asOf: asOf, units: try await ReferenceOptions.load(district, year: nil, on: db)[.unit] ?? [],
            exitReasons: try await PipelineMover.exitReasons(districtID: districtID, on: db), pipeline: links)
        model.plansInForce = inForce
        if let plan {
            model.planChanges = try await PlanChangeQuery.list(districtID: districtID, year: plan.year, scopeUnitID: nil, projectID: detail.id, on: db)
        }
        model.people = try await People.load(districtID: districtID, on: db)
        model.approvalClock = ApprovalClock(calendar: try await SupervisionSettings.load(districtID: districtID, on: db).calendar)
        model.codeFlags = try await ProjectCodeQuery.flags(districtID: districtID, code: detail.record.code, name: detail.record.name,
                                                           projectCode: detail.record.projectCode, on: db)
        model.statistics = try await StatisticsQuery.project(detail.id, year: plan?.year ?? asOf.year, on: db)
        if let p = try await ProjectModel.find(detail.id, on: db) {
            model.elements = try await ElementsQuery.project(p, year: plan?.year ?? asOf.year, asOf: asOf, on: db)
        }
        return model
    }
}
