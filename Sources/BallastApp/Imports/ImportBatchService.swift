import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Foundation
import Vapor

/// Upload → preview → confirm (or cancel) → perhaps undo, for ledger, progress, leads and campaign files. The
/// upload is read and applied in a transaction that is rolled back (the preview is exactly
/// what applying would do); the file waits in its record; confirming applies it again and
/// keeps the result only if it is still the preview the user saw.
struct ImportBatchService {
    var district: DistrictModel
    var actor: ChangeActor
    /// For leads and campaign lists: the uploader's scope (a unit's user writes its own unit's
    /// leads) and whether they act for the office.
    var context: ProjectItemContext?
    var office = false

    /// A file the validator refused never becomes a record: the page shows its rows' problems.
    enum Staged {
        case batch(ImportBatchModel)
        case refusedLedger(LedgerImportReport)
        case refusedProgress(ProgressImportReport)
        /// A leads or campaign list with bad rows: each at its row and column.
        case refusedList(rows: Int, issues: [LedgerIssue])
    }

    /// What a leads or campaign list does, applied or (dry run) previewed.
    struct ListOutcome {
        var rows = 0, created = 0, updated = 0
        var issues: [LedgerIssue] = []
        var preview = ImportPreview()
        /// What 撤销本次导入 needs, as the kind's own undo reads it.
        var undo = ""
    }

    enum Confirmed {
        case applied(ImportBatchModel)
        /// The ledger moved on since the preview: this is what applying would do now.
        case changed(ImportBatchModel)
    }

    private struct Rollback: Error { let preview: ImportPreview?; let refusal: (any Error)? }

    func stageLedger(year: Int, strict: Bool, data: Data, fileName: String?, on db: any Database) async throws -> Staged {
        let report = try await ledger(year: year, strict: strict).run(data: data, fileName: fileName, dryRun: true, on: db)
        guard report.applied else { return .refusedLedger(report) }
        return .batch(try await ImportBatches.stage(districtID: try district.requireID(), kind: .ledger, year: year, strict: strict,
                                                    fileName: fileName ?? "", data: data, preview: report.preview, actor: actor, on: db))
    }

    func stageProgress(data: Data, fileName: String?, on db: any Database) async throws -> Staged {
        let report = try await ProgressImportService(district: district, actor: actor).run(data: data, fileName: fileName, dryRun: true, on: db)
        guard report.applied else { return .refusedProgress(report) }
        return .batch(try await ImportBatches.stage(districtID: try district.requireID(), kind: .progress, year: nil, strict: false,
                                                    fileName: fileName ?? "", data: data, preview: report.preview, actor: actor, on: db))
    }

    func stageList(_ kind: ImportBatches.Kind, year: Int? = nil, data: Data, fileName: String?, on db: any Database) async throws -> Staged {
        let outcome = try await list(kind, year: year, data: data, fileName: fileName, dryRun: true, on: db)
        guard outcome.issues.isEmpty else { return .refusedList(rows: outcome.rows, issues: outcome.issues) }
        return .batch(try await ImportBatches.stage(districtID: try district.requireID(), kind: kind, year: year, strict: false,
                                                    fileName: fileName ?? "", data: data, preview: outcome.preview, actor: actor, on: db))
    }

    /// A leads, campaign or 入库纳统 list read and written by its own writer, in the uploader's scope.
    func list(_ kind: ImportBatches.Kind, year: Int? = nil, data: Data, fileName: String?, dryRun: Bool, on db: any Database) async throws -> ListOutcome {
        guard let context else { throw ImportBatches.Failure.notFound }
        let table: SheetTable
        switch try await FileReading.table(data, fileName: fileName) {
        case .success(let t): table = t
        case .failure(let error): return ListOutcome(issues: [LedgerIssue(row: 1, column: nil, message: error.message)])
        }
        switch kind {
        case .leads:
            let read = LeadListFile.read(table, today: context.today)
            guard read.issues.isEmpty else { return ListOutcome(rows: read.rows.count, issues: read.issues) }
            let o = try await LeadListWriter(editor: LeadEditor(context: context, office: office)).apply(read.rows, dryRun: dryRun, on: db)
            return ListOutcome(rows: o.rows, created: o.created, issues: o.issues, preview: o.preview, undo: o.undo.json ?? "")
        case .campaign:
            let read = CampaignListFile.read(table, today: context.today)
            guard read.issues.isEmpty else { return ListOutcome(rows: read.rows.count, issues: read.issues) }
            let o = try await CampaignListWriter(editor: CampaignEditor(context: context)).apply(read.rows, dryRun: dryRun, on: db)
            return ListOutcome(rows: o.rows, created: o.created, updated: o.updated, issues: o.issues, preview: o.preview, undo: o.undo.json ?? "")
        case .statistics:
            guard let year else { throw ImportBatches.Failure.notFound }
            let read = StatisticsListFile.read(table, today: context.today, year: year)
            guard read.issues.isEmpty else { return ListOutcome(rows: read.rows.count, issues: read.issues) }
            let o = try await StatisticsListWriter(editor: StatisticsEditor(context: context)).apply(read.rows, year: year, dryRun: dryRun, on: db)
            return ListOutcome(rows: o.rows, created: o.created, updated: o.updated, issues: o.issues, preview: o.preview, undo: o.undo.json)
        case .approvals:
            guard let year else { throw ImportBatches.Failure.notFound }
            let read = ApprovalListFile.read(table, today: context.today)
            guard read.issues.isEmpty else { return ListOutcome(rows: read.rows.count, issues: read.issues) }
            let o = try await ApprovalListWriter(editor: ApprovalEditor(context: context)).apply(read.rows, year: year, dryRun: dryRun, on: db)
            return ListOutcome(rows: o.rows, created: o.created, updated: o.updated, issues: o.issues, preview: o.preview, undo: o.undo.json)
        case .funds:
            guard let year else { throw ImportBatches.Failure.notFound }
            let read = FundsListFile.read(table)
            guard read.issues.isEmpty else { return ListOutcome(rows: read.rows.count, issues: read.issues) }
            let o = try await FundsListWriter(editor: ElementsEditor(context: context)).apply(read.rows, year: year, dryRun: dryRun, on: db)
            return ListOutcome(rows: o.rows, created: o.created, updated: o.updated, issues: o.issues, preview: o.preview, undo: o.undo.json)
        case .ledger, .progress:
            throw ImportBatches.Failure.notFound
        }
    }

    func ledger(year: Int, strict: Bool) -> LedgerImportService {
        LedgerImportService(district: district, year: year, strict: strict, actor: actor)
    }

    /// Applies a previewed file once, whoever else clicks at the same moment (`ImportBatches.claim`).
    func confirm(_ id: UUID, on db: any Database) async throws -> Confirmed {
        let districtID = try district.requireID()
        do {
            let batch = try await db.writeTransaction { tx -> ImportBatchModel in
                let batch = try await ImportBatches.claim(id, districtID: districtID, from: .previewed, to: .applied, actor: actor, in: tx)
                let data = batch.fileData, name = batch.fileName
                let shown = ImportPreview.decode(batch.preview)
                let preview: ImportPreview
                switch ImportBatches.Kind(rawValue: batch.kind) {
                case .ledger:
                    guard let year = batch.year else { throw ImportBatches.Failure.notFound }
                    // Nested in this transaction: a refusal's writes go back with it (below).
                    let report = try await ledger(year: year, strict: batch.strict).run(data: data, fileName: name, on: tx)
                    guard report.applied else { throw Rollback(preview: nil, refusal: Self.refusal(report.issues)) }
                    preview = report.preview
                    batch.undo = String(data: try JSONEncoder().encode(report.undoRows), encoding: .utf8)
                case .progress:
                    let report = try await ProgressImportService(district: district, actor: actor).run(data: data, fileName: name, on: tx)
                    guard report.applied else { throw Rollback(preview: nil, refusal: Self.refusal(report.issues)) }
                    preview = report.preview
                    batch.undo = String(data: try JSONEncoder().encode(report.undoRows), encoding: .utf8)
                case .leads, .campaign, .statistics, .funds, .approvals:
                    let kind = ImportBatches.Kind(rawValue: batch.kind) ?? .leads
                    let outcome = try await list(kind, year: batch.year, data: data, fileName: name, dryRun: false, on: tx)
                    guard outcome.issues.isEmpty else { throw Rollback(preview: nil, refusal: Self.refusal(outcome.issues)) }
                    preview = outcome.preview
                    batch.undo = outcome.undo
                    let (entity, what) = switch kind {
                    case .leads: ("lead-list", "招商线索导入")
                    case .statistics: ("statistics-list", "入库纳统导入")
                    case .funds: ("funds-list", "资金来源导入")
                    case .approvals: ("approvals-list", "前期手续导入")
                    default: ("campaign-list", "三个一批名单导入")
                    }
                    try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "import", entity: entity, entityID: batch.id,
                                           summary: "\(what) \(name)：新增\(outcome.created)，更新\(outcome.updated)",
                                           before: Nothing?.none, after: ["file": name, "rows": String(outcome.rows)])
                case nil:
                    throw ImportBatches.Failure.notFound
                }
                if preview != shown { throw Rollback(preview: preview, refusal: nil) }
                batch.fileData = Data()
                try await batch.update(on: tx)
                return batch
            }
            return .applied(batch)
        } catch let rollback as Rollback {
            if let refusal = rollback.refusal { throw refusal }
            // Show the new preview in the record and ask again.
            let batch = try await ImportBatches.find(id, districtID: districtID, on: db)
            batch.preview = (rollback.preview ?? ImportPreview()).json
            try await batch.update(on: db)
            return .changed(batch)
        }
    }

    func cancel(_ id: UUID, on db: any Database) async throws {
        let districtID = try district.requireID()
        try await db.writeTransaction { tx in
            let batch = try await ImportBatches.claim(id, districtID: districtID, from: .previewed, to: .cancelled, actor: actor, in: tx)
            batch.fileData = Data()
            try await batch.update(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "cancel", entity: "import", entityID: batch.id,
                                   summary: "取消导入 \(batch.fileName)", before: ["status": "previewed"], after: ["status": "cancelled"])
        }
    }

    func undo(_ id: UUID, on db: any Database) async throws -> ImportUndo.Outcome {
        try await ImportUndo(districtID: try district.requireID(), actor: actor, today: DistrictContext.today(in: district))
            .run(batchID: id, on: db)
    }

    /// A file that was fine at preview and is refused now (a name since removed, a total since
    /// lowered): the first problem, at its row.
    static func refusal(_ issues: [LedgerIssue]) -> any Error {
        let first = issues.first
        let place = first.map { Message(zh: "第\($0.row)行：", en: "Row \($0.row): ") } ?? Message(zh: "", en: "")
        return BallastError(status: .unprocessableEntity, code: "import_refused",
                            message: Message(zh: "文件现在不能导入。" + place.zh + (first?.message.zh ?? ""),
                                             en: "The file cannot be imported now. " + place.en + (first?.message.en ?? "")),
                            details: issues)
    }
}
