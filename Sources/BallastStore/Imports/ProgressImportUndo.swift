import BallastCore
import Fluent
import Foundation

/// Puts the months of an applied progress import back: months it created are deleted, months
/// it approved over a draft or a returned report get their earlier figure and state, and the
/// adjustments it made to approved months are removed; the years are recoloured. Refused while
/// any of those months changed since (reviewed, adjusted again, given a photo).
struct ProgressImportUndo: Sendable {
    var districtID: UUID
    var actor: ChangeActor
    var today: CalendarDate

    func run(_ batch: ImportBatchModel, in tx: any Database) async throws -> ImportUndo.Outcome {
        let rows = try ImportUndo.rows([ProgressUndoRow].self, of: batch)
        let ids = Array(Set(rows.map(\.reportID)))
        var reports: [UUID: MonthlyReportModel] = [:], adjustments: [UUID: [ReportAdjustmentModel]] = [:], photographed = Set<UUID>()
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for m in try await MonthlyReportModel.query(on: tx).filter(\.$districtID == districtID).filter(\.$id ~~ chunk).all() {
                if let id = m.id { reports[id] = m }
            }
            for a in try await ReportAdjustmentModel.query(on: tx).filter(\.$districtID == districtID).filter(\.$report.$id ~~ chunk).all() {
                adjustments[a.$report.id, default: []].append(a)
            }
            photographed.formUnion(try await ReportPhotoModel.query(on: tx).filter(\.$reportID ~~ chunk).all().map(\.reportID))
        }
        let ours = Set(rows.compactMap(\.adjustmentID))
        let since = batch.decidedAt ?? batch.createdAt
        let touched = rows.filter { row in
            guard let m = reports[row.reportID], m.version == row.version else { return true }
            // Another adjustment after the import's (or on a month the import wrote) came later.
            if adjustments[row.reportID, default: []].contains(where: { a in !ours.contains(a.id ?? UUID()) && a.at >= since }) { return true }
            if row.adjustmentID.map({ id in !adjustments[row.reportID, default: []].contains { $0.id == id } }) ?? false { return true }
            return row.before == nil && row.adjustmentID == nil && photographed.contains(row.reportID)
        }
        if !touched.isEmpty { throw ImportBatches.Failure.touched(touched.map(\.label)) }

        var outcome = ImportUndo.Outcome()
        for row in rows {
            guard let m = reports[row.reportID] else { continue }
            if let adjustmentID = row.adjustmentID {
                try await ReportAdjustmentModel.query(on: tx).filter(\.$id == adjustmentID).delete()
                outcome.restored += 1
            } else if let before = row.before {
                let was = ["amount": String(m.amount), "status": m.status]
                before.restore(m)
                m.version += 1
                try await m.update(on: tx)
                try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "update", entity: "monthly-report", entityID: m.id,
                                       summary: "\(row.label)（撤销导入）", before: was, after: ["amount": String(m.amount), "status": m.status])
                outcome.restored += 1
            } else {
                try await m.delete(on: tx)
                try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "delete", entity: "monthly-report", entityID: m.id,
                                       summary: "\(row.label)（撤销导入）", before: ["amount": String(m.amount), "status": m.status], after: Nothing?.none)
                outcome.deleted += 1
            }
        }
        for year in Set(rows.map(\.year)).sorted() {
            try await Recolour.year(year, districtID: districtID, today: today, in: tx)
        }
        return outcome
    }
}
