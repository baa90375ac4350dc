import BallastCore
import Fluent
import Foundation

/// The life of an import's record: staged with its preview, then applied, cancelled or (once
/// applied) undone. Each step claims the record first, so two clicks, two tabs or two instances
/// cannot apply or undo one file twice: the claim is a conditional update that only one of
/// them wins, and the loser sees the record already decided.
public enum ImportBatches {
    public enum Kind: String, Sendable, CaseIterable {
        case ledger, progress, leads, campaign
        /// 入库纳统 (`StatisticsListFile`), the office's.
        case statistics
        /// 资金来源 (`FundsListFile`): whoever edits projects, a unit its own.
        case funds
        /// 前期手续 (`ApprovalListFile`): whoever edits projects, a unit its own.
        case approvals

        /// Ledger and progress files are the office's (`importLedger`); a leads or campaign list
        /// belongs to whoever uploaded it, who alone sees and decides its preview.
        public var isOwnersOnly: Bool { self == .leads || self == .campaign || self == .funds || self == .approvals }
    }

    /// How long a preview may wait for confirmation: the file was read against the ledger of
    /// that moment, and a day-old preview is better read again.
    public static let previewLifetime: TimeInterval = 24 * 3600

    public enum Failure: Error, Equatable, Sendable {
        case notFound
        /// Already applied, cancelled or undone (by this user in another tab, or by another).
        case decided(ImportBatchModel.Status)
        case expired
        /// Rows changed since the import: undoing would overwrite those changes.
        case touched([String])
        /// An import recorded before undo existed for its kind keeps nothing to undo with.
        case notUndoable
    }

    public static func stage(districtID: UUID, kind: Kind, year: Int?, strict: Bool, fileName: String, data: Data,
                             preview: ImportPreview, actor: ChangeActor, on db: any Database) async throws -> ImportBatchModel {
        let batch = ImportBatchModel()
        batch.id = UUID()
        batch.districtID = districtID
        batch.kind = kind.rawValue
        batch.year = year
        batch.strict = strict
        batch.fileName = String(fileName.prefix(200))
        batch.fileData = data
        batch.status = .previewed
        batch.preview = preview.json
        batch.createdBy = actor.name
        batch.createdAt = Date()
        try await batch.create(on: db)
        return batch
    }

    public static func find(_ id: UUID, districtID: UUID, on db: any Database) async throws -> ImportBatchModel {
        guard let batch = try await ImportBatchModel.query(on: db).filter(\.$id == id)
            .filter(\.$districtID == districtID).first() else { throw Failure.notFound }
        return batch
    }

    /// A district's import records, newest first, without their files.
    public static func recent(districtID: UUID, limit: Int = 50, on db: any Database) async throws -> [ImportBatchModel] {
        try await ImportBatchModel.query(on: db).filter(\.$districtID == districtID)
            .field(\.$id).field(\.$districtID).field(\.$kind).field(\.$year).field(\.$strict).field(\.$fileName)
            .field(\.$status).field(\.$preview).field(\.$createdBy).field(\.$createdAt).field(\.$decidedAt)
            .field(\.$decidedBy).field(\.$undoneAt).field(\.$undoneBy)
            .sort(\.$createdAt, .descending).limit(limit).all()
    }

    /// Previews still waiting for confirmation: the 工作台's "imports waiting" row.
    public static func waiting(districtID: UUID, now: Date = Date(), on db: any Database) async throws -> [ImportBatchModel] {
        try await recent(districtID: districtID, limit: 200, on: db).filter {
            $0.status == .previewed && now.timeIntervalSince($0.createdAt) < previewLifetime
        }
    }

    /// Moves the batch from `from` to `to` if no one else has: inside the caller's transaction,
    /// which then does the work. Throws when the record is not in `from` any more.
    public static func claim(_ id: UUID, districtID: UUID, from: ImportBatchModel.Status, to: ImportBatchModel.Status,
                             actor: ChangeActor, in tx: any Database) async throws -> ImportBatchModel {
        let mark = actor.name + " " + UUID().uuidString
        let now = Date()
        let update = ImportBatchModel.query(on: tx).filter(\.$id == id).filter(\.$districtID == districtID)
            .filter(\.$status == from).set(\.$status, to: to)
        if to == .undone {
            try await update.set(\.$undoneAt, to: now).set(\.$undoneBy, to: mark).update()
        } else {
            try await update.set(\.$decidedAt, to: now).set(\.$decidedBy, to: mark).update()
        }
        let batch = try await find(id, districtID: districtID, on: tx)
        let won = to == .undone ? batch.undoneBy == mark : batch.decidedBy == mark
        guard won else { throw Failure.decided(batch.status) }
        if from == .previewed, now.timeIntervalSince(batch.createdAt) >= previewLifetime { throw Failure.expired }
        // The mark made the claim unique; the record keeps the person.
        if to == .undone { batch.undoneBy = actor.name } else { batch.decidedBy = actor.name }
        try await batch.update(on: tx)
        return batch
    }
}

extension ImportBatches.Failure: DomainFailure {
    public var status: Int {
        switch self {
        case .notFound: 404
        case .decided, .touched, .expired: 409
        case .notUndoable: 422
        }
    }
    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .decided: "already_decided"
        case .expired: "preview_expired"
        case .touched: "changed_since_import"
        case .notUndoable: "not_undoable"
        }
    }
    public var message: Message {
        switch self {
        case .notFound: Message(zh: "没有这条导入记录", en: "No such import")
        case .decided(.previewed): Message(zh: "这次导入尚未确认，没有可撤销的内容", en: "This import has not been confirmed; there is nothing to undo")
        case .decided(let s): Message(zh: "这次导入已经\(s.chineseName)，不能再次操作", en: "This import has already been \(s.rawValue)")
        case .expired: Message(zh: "预览已超过24小时，请重新上传文件", en: "The preview is more than 24 hours old; upload the file again")
        case .touched(let codes):
            Message(zh: "导入后以下项目又被修改过，不能撤销（以免覆盖之后的修改）：\(codes.prefix(10).joined(separator: "、"))",
                    en: "These projects were changed after the import, so it cannot be undone without losing those changes: \(codes.prefix(10).joined(separator: ", "))")
        case .notUndoable: Message(zh: "这条导入记录没有保存撤销所需的内容，不能撤销；请直接修改相关记录", en: "This import kept nothing to undo it with; change the records themselves")
        }
    }
}

extension ImportBatchModel.Status {
    public var chineseName: String {
        switch self {
        case .previewed: "待确认"
        case .applied: "已导入"
        case .cancelled: "已取消"
        case .undone: "已撤销"
        }
    }

    public var englishName: String {
        switch self {
        case .previewed: "Waiting for confirmation"
        case .applied: "Applied"
        case .cancelled: "Cancelled"
        case .undone: "Undone"
        }
    }
}
