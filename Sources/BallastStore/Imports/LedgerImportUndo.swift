import BallastCore
import Fluent
import Foundation

/// 撤销本次导入: puts every row an applied ledger import touched back as it was, in one
/// transaction, while no later change touched those rows. Projects the import created are
/// deleted (the project editor's rules: none that already has reports, problems, campaign
/// entries or leads); projects it changed get their fields and year plan back, and a stage the
/// import moved moves back as a stage change of its own (the history keeps both). Names the
/// import added to the district's lists stay: other records may use them by now.
struct LedgerImportUndo: Sendable {
    var districtID: UUID
    var actor: ChangeActor
    var today: CalendarDate

    /// Inside `ImportUndo`'s transaction, the batch already claimed: what was deleted and restored.
    func run(_ batch: ImportBatchModel, in tx: any Database) async throws -> ImportUndo.Outcome {
        guard let year = batch.year,
              let rows = try? JSONDecoder().decode([LedgerUndoRow].self, from: Data((batch.undo ?? "").utf8)) else {
            throw ImportBatches.Failure.notUndoable
        }
        let ids = rows.map(\.projectID)
        let projects = Dictionary(try await ProjectModel.query(on: tx).filter(\.$district.$id == districtID)
            .filter(\.$id ~~ ids).all().compactMap { p in p.id.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        let plans = Dictionary(try await YearPlanModel.query(on: tx).filter(\.$project.$id ~~ ids).filter(\.$year == year).all()
            .map { ($0.$project.id, $0) }, uniquingKeysWith: { a, _ in a })
        let created = rows.filter { $0.before == nil }.map(\.projectID)
        let held = Set(try await ProjectHistory.held(created, on: tx).flatMap(\.projects))
        // Touched since: the project or its plan moved on from the versions the import left,
        // it is gone, or (for a project the import created) it has records of its own.
        let touched = rows.filter { row in
            guard let p = projects[row.projectID] else { return true }
            return p.version != row.projectVersion || plans[row.projectID]?.version != row.planVersion
                || held.contains(row.projectID)
        }
        if !touched.isEmpty { throw ImportBatches.Failure.touched(touched.map(\.code)) }

        var writer = LedgerWriter(districtID: districtID, year: year, actor: actor, today: today)
        writer.milestoneTemplate = nil
        let editor = ProjectEditor(writer: writer)
        var lists = try await ReferenceLists.load(districtID: districtID, year: year, on: tx)
        let names = try await writer.namesByID(on: tx)
        var enterprises = try await EnterpriseIndex.load(districtID: districtID, on: tx)
        var stageChanges: [StageChangeModel] = []
        for row in rows {
            guard let project = projects[row.projectID] else { continue }
            guard let before = row.before else {
                try await editor.delete(id: row.projectID, version: project.version, on: tx)
                continue
            }
            let plan = plans[row.projectID]
            let now = writer.snapshot(project, plan: plan, names: names)
            let record = before.record
            lists = try await ensureNames(record, lists: lists, year: year, on: tx)
            if project.stage != before.stage {
                stageChanges.append(StageChangeModel(projectID: row.projectID, from: project.stage, to: before.stage,
                                                     effectiveOn: today, actor: actor.name, note: "撤销导入"))
            }
            try writer.fill(project, from: record, lists: lists)
            project.enterpriseID = enterprises.resolve(name: record.investor, creditCode: record.creditCode)
            project.version += 1
            try await project.update(on: tx)
            if let plan {
                if row.planCreated {
                    try await MilestoneModel.query(on: tx).filter(\.$project.$id == row.projectID).filter(\.$year == year).delete()
                    try await plan.delete(on: tx)
                } else {
                    try writer.fill(plan, from: record, lists: lists)
                    plan.version += 1
                    try await plan.update(on: tx)
                }
            }
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "update", entity: "project",
                                   entityID: row.projectID, summary: "\(before.code) \(before.name)（撤销导入）",
                                   before: now, after: before)
        }
        _ = try await enterprises.save(on: tx)
        try await StageHistory.record(stageChanges, on: tx)
        return ImportUndo.Outcome(deleted: created.count, restored: rows.count - created.count)
    }

    /// A name the row had before may have been removed from the year's list since: the row
    /// cannot be put back without it, so the undo refuses rather than guess.
    func ensureNames(_ r: LedgerRecord, lists: ReferenceLists, year: Int, on db: any Database) async throws -> ReferenceLists {
        for (kind, name) in [(ReferenceKind.unit, r.unit), (.category, r.category)] where lists.id(kind, name) == nil {
            throw ImportBatches.Failure.touched(["\(r.code)（\(kind.chineseName)“\(name)”已不在名录中）"])
        }
        if !r.level.isEmpty, lists.id(.level, r.level) == nil {
            throw ImportBatches.Failure.touched(["\(r.code)（\(ReferenceKind.level.chineseName)“\(r.level)”已不在名录中）"])
        }
        return lists
    }
}
