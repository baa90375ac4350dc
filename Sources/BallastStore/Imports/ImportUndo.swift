import BallastCore
import Fluent
import Foundation

/// 撤销本次导入, for every kind of import: claims the record (so two clicks or two instances
/// undo it once), lets the kind's own undo put its rows back, and audits the whole, all in one
/// transaction. Each kind refuses while a later change touched one of its rows: undoing then
/// would overwrite that change.
public struct ImportUndo: Sendable {
    public var districtID: UUID
    public var actor: ChangeActor
    public var today: CalendarDate

    public init(districtID: UUID, actor: ChangeActor, today: CalendarDate) {
        self.districtID = districtID; self.actor = actor; self.today = today
    }

    /// What an undo did: records the import created and deleted again, and records it changed
    /// and put back.
    public struct Outcome: Sendable, Equatable {
        public var deleted = 0
        public var restored = 0
        public init(deleted: Int = 0, restored: Int = 0) { self.deleted = deleted; self.restored = restored }
    }

    public func run(batchID: UUID, on db: any Database) async throws -> Outcome {
        try await db.writeTransaction { tx in
            let batch = try await ImportBatches.claim(batchID, districtID: districtID, from: .applied, to: .undone, actor: actor, in: tx)
            // Records applied before undo existed for their kind keep nothing to undo with.
            guard let kind = ImportBatches.Kind(rawValue: batch.kind), let undo = batch.undo, !undo.isEmpty else {
                throw ImportBatches.Failure.notUndoable
            }
            let outcome: Outcome
            switch kind {
            case .ledger: outcome = try await LedgerImportUndo(districtID: districtID, actor: actor, today: today).run(batch, in: tx)
            case .progress: outcome = try await ProgressImportUndo(districtID: districtID, actor: actor, today: today).run(batch, in: tx)
            case .leads: outcome = try await ListImportUndo(districtID: districtID, actor: actor).leads(batch, in: tx)
            case .campaign: outcome = try await ListImportUndo(districtID: districtID, actor: actor).campaign(batch, in: tx)
            case .approvals: outcome = try await ApprovalImportUndo(districtID: districtID).run(batch, in: tx)
            case .funds: outcome = try await FundsImportUndo(districtID: districtID, actor: actor).run(batch, in: tx)
            case .statistics: outcome = try await StatisticsImportUndo(districtID: districtID, actor: actor, today: today).run(batch, in: tx)
            }
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "undo", entity: "import", entityID: batch.id,
                                   summary: "撤销导入 \(batch.fileName)：删除新增\(outcome.deleted)条，恢复\(outcome.restored)条",
                                   before: ["status": "applied"], after: ["status": "undone"])
            return outcome
        }
    }

    /// The record's undo rows, or not undoable when they cannot be read.
    static func rows<T: Decodable>(_ type: T.Type, of batch: ImportBatchModel) throws -> T {
        guard let rows = try? JSONDecoder().decode(T.self, from: Data((batch.undo ?? "").utf8)) else {
            throw ImportBatches.Failure.notUndoable
        }
        return rows
    }
}
