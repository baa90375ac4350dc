import BallastCore
import BallastStore
import Fluent
import Foundation

/// What the enterprise page shows: the record, its projects, same-name records to merge into, its leads, the trips that visited it and its 万人助万企 visits and problems.
struct EnterprisePageModel: Sendable {
    var enterprise: EnterpriseSummary
    var projects: [ProjectRef]
    /// Other live records with the same name: offered as the record to merge into.
    var candidates: [EnterpriseRow] = []
    /// Its investment leads (a unit sees its own).
    var leads: [LeadQuery.Row] = []
    /// The 外出招商 trips that visited it.
    var trips: [TripSummary] = []
    /// 万人助万企: its visits and problems.
    var service = EnterpriseService()

    /// The page's query: the enterprise (already found in the caller's district), then its
    /// projects, leads, visits and problems in the caller's scope (`scopeUnitID`; a unit's user
    /// is offered only its own unit, `unitName`, to log a visit), the trips that visited it,
    /// the same-name records and the problem categories.
    static func load(_ enterprise: EnterpriseModel, scopeUnitID: UUID?, unitName: String?, today: CalendarDate,
                     on db: any Database) async throws -> EnterprisePageModel {
        let e = enterprise
        let id = try e.requireID()
        let projects = try await EnterpriseQuery.projects(enterpriseID: id, scopeUnitID: scopeUnitID, on: db)
        let candidates = try await EnterpriseQuery.duplicatesByName(districtID: e.districtID, on: db)
            .first { group in group.contains { $0.id == e.id } }?.filter { $0.id != e.id } ?? []
        let leads = try await LeadQuery.list(districtID: e.districtID, filter: LeadQuery.Filter(enterpriseID: id),
                                             scopeUnitID: scopeUnitID, limit: 200, on: db).rows
        let trips = try await EnterpriseQuery.trips(visiting: id, on: db)
        let visits = try await ServiceFigures.visits(districtID: e.districtID, enterpriseID: id, scopeUnitID: scopeUnitID, on: db)
        let problems = try await ProblemQuery.list(districtID: e.districtID, filter: .init(status: .all, enterpriseID: id),
                                                   today: today, scopeUnitID: scopeUnitID, on: db).rows
        let units = scopeUnitID != nil ? [unitName].compactMap { $0 } : try await ReferenceLists.names(districtID: e.districtID, kind: .unit, on: db)
        let categories = try await ProblemEditor.categories(districtID: e.districtID, on: db)
        return EnterprisePageModel(enterprise: EnterpriseSummary(e), projects: projects.map(ProjectRef.init), candidates: candidates,
                                   leads: leads, trips: trips,
                                   service: .init(visits: visits, problems: problems, units: units, categories: categories))
    }
}
