import BallastCore
import Fluent
import Foundation

/// Puts a leads or 三个一批 list import back. Leads it registered are deleted with their
/// status steps; campaign entries it added are deleted, those it changed get their figures back,
/// and a period it opened goes when no entry is left in it. Enterprises it found or created
/// stay, as names a ledger import added do: other records may use them by now. Refused while a
/// record moved on since (edited, stepped, contacted, followed up).
struct ListImportUndo: Sendable {
    var districtID: UUID
    var actor: ChangeActor

    func leads(_ batch: ImportBatchModel, in tx: any Database) async throws -> ImportUndo.Outcome {
        let record = try ImportUndo.rows(ListUndoRecord.self, of: batch)
        let ids = record.rows.map(\.id)
        let leads = Dictionary(try await LeadModel.query(on: tx).filter(\.$districtID == districtID).filter(\.$id ~~ ids).all()
            .compactMap { l in l.id.map { ($0, l) } }, uniquingKeysWith: { a, _ in a })
        let contacted = Set(try await LeadContactModel.query(on: tx).filter(\.$leadID ~~ ids).all().map(\.leadID))
        let touched = record.rows.filter { row in leads[row.id]?.version != row.version || contacted.contains(row.id) }
        if !touched.isEmpty { throw ImportBatches.Failure.touched(touched.map(\.label)) }
        for row in record.rows {
            guard let l = leads[row.id] else { continue }
            try await LeadStepModel.query(on: tx).filter(\.$leadID == row.id).delete()
            try await l.delete(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "delete", entity: "lead", entityID: l.id,
                                   summary: "招商线索 \(l.title)（撤销导入）", before: ["title": l.title, "status": l.status], after: Nothing?.none)
        }
        return ImportUndo.Outcome(deleted: record.rows.count)
    }

    func campaign(_ batch: ImportBatchModel, in tx: any Database) async throws -> ImportUndo.Outcome {
        let record = try ImportUndo.rows(ListUndoRecord.self, of: batch)
        let ids = record.rows.map(\.id)
        let entries = Dictionary(try await CampaignEntryModel.query(on: tx).filter(\.$districtID == districtID).filter(\.$id ~~ ids).all()
            .compactMap { e in e.id.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        let touched = record.rows.filter { row in
            guard let e = entries[row.id] else { return true }
            return row.after.map { $0 != ListUndoRecord.EntryFields(e) } ?? (e.version != row.version)
        }
        if !touched.isEmpty { throw ImportBatches.Failure.touched(touched.map(\.label)) }
        var outcome = ImportUndo.Outcome()
        for row in record.rows {
            guard let e = entries[row.id] else { continue }
            let was = ["investment": String(e.investment), "note": e.note ?? ""]
            if let before = row.before {
                before.restore(e)
                e.version += 1
                try await e.update(on: tx)
                try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "update", entity: "campaign-entry", entityID: e.id,
                                       summary: "\(row.label)（撤销导入）", before: was,
                                       after: ["investment": String(e.investment), "note": e.note ?? ""])
                outcome.restored += 1
            } else {
                try await e.delete(on: tx)
                try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "delete", entity: "campaign-entry", entityID: e.id,
                                       summary: "\(row.label)（撤销导入）", before: was, after: Nothing?.none)
                outcome.deleted += 1
            }
        }
        for periodID in record.periods {
            guard try await CampaignEntryModel.query(on: tx).filter(\.$period.$id == periodID).count() == 0,
                  let p = try await CampaignPeriodModel.query(on: tx).filter(\.$districtID == districtID).filter(\.$id == periodID).first()
            else { continue }
            try await p.delete(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "delete", entity: "campaign-period", entityID: p.id,
                                   summary: "三个一批 第\(p.number)期（撤销导入）", before: ["number": String(p.number)], after: Nothing?.none)
        }
        return outcome
    }
}
