import BallastCore
import Fluent
import Foundation

/// Everything the project page and the detail API show of one project.
public struct ProjectDetail: Sendable {
    public struct Plan: Sendable, Equatable {
        public var year: Int
        public var level: String
        public var nature: ProjectNature?
        public var zone: String?
        public var annualPlan: Money?
        public var version: Int
    }

    public struct StageStep: Sendable, Equatable {
        public var from: LifecycleStage?
        public var to: LifecycleStage
        public var effectiveOn: CalendarDate
        public var actor: String
        public var note: String?
    }

    public var id: UUID
    public var version: Int
    public var unitID: UUID
    /// The investor's enterprise record.
    public var enterpriseID: UUID?
    /// The project's fields as the ledger of its latest year has them.
    public var record: LedgerRecord
    public var plans: [Plan]
    public var stages: [StageStep]
}

public enum ProjectDetailQuery {
    public static func run(districtID: UUID, id: UUID, scopeUnitID: UUID? = nil, on db: any Database) async throws -> ProjectDetail? {
        var query = ProjectModel.query(on: db).filter(\.$id == id).filter(\.$district.$id == districtID)
        if let scopeUnitID { query = query.filter(\.$unit.$id == scopeUnitID) }
        guard let p = try await query.first() else { return nil }
        let entries = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID).all()
        let names = Dictionary(entries.compactMap { e in e.id.map { ($0, e.name) } }, uniquingKeysWith: { a, _ in a })
        let planModels = try await YearPlanModel.query(on: db).filter(\.$project.$id == id).sort(\.$year, .descending).all()
        let plans = planModels.map { m in
            ProjectDetail.Plan(year: m.year, level: names[m.$level.id] ?? "", nature: m.nature.flatMap(ProjectNature.init(rawValue:)),
                               zone: m.$zone.id.flatMap { names[$0] }, annualPlan: m.annualPlan.map(Money.init(yuan:)),
                               version: m.version)
        }
        let steps = try await StageChangeModel.query(on: db).filter(\.$project.$id == id)
            .sort(\.$effectiveOn).sort(\.$createdAt).all().map { s in
                ProjectDetail.StageStep(from: s.fromStage.flatMap(LifecycleStage.init(rawValue:)),
                                        to: LifecycleStage(rawValue: s.toStage) ?? .conceived,
                                        effectiveOn: s.effectiveOn, actor: s.actor, note: s.note)
            }
        let latest = plans.first
        let record = LedgerRecord(
            row: 0, code: p.code, name: p.name, category: names[p.$category.id] ?? "", level: latest?.level ?? "",
            nature: latest?.nature, zone: latest?.zone, unit: names[p.$unit.id] ?? "",
            leader: p.$leader.id.flatMap { names[$0] }, taskForce: p.$taskForce.id.flatMap { names[$0] },
            stage: p.lifecycleStage, totalInvestment: p.total, annualPlan: latest?.annualPlan,
            plannedStart: p.plannedStart, plannedEnd: p.plannedEnd,
            investor: p.investor, creditCode: p.creditCode, longitude: p.longitude, latitude: p.latitude, content: p.content,
            projectCode: p.projectCode)
        return ProjectDetail(id: id, version: p.version, unitID: p.$unit.id, enterpriseID: p.enterpriseID, record: record, plans: plans, stages: steps)
    }
}
