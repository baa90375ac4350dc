import BallastCore
import Fluent
import Foundation

/// A 资金来源 file, applied whole or not at all through `ElementsEditor`: every project code
/// must be the district's (a unit's, for a unit). A cell left empty keeps the stored amount.
public struct FundsListWriter: Sendable {
    public var editor: ElementsEditor

    public init(editor: ElementsEditor) { self.editor = editor }

    public struct Outcome: Sendable {
        public var rows = 0
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        public var issues: [LedgerIssue] = []
        public var preview = ImportPreview()
        public var undo = FundsUndoRecord()
        public var applied: Bool { issues.isEmpty }
    }

    private struct Refused: Error { let issues: [LedgerIssue] }
    private struct DryRun: Error { let outcome: Outcome }

    public func apply(_ rows: [FundsListRow], year: Int, dryRun: Bool = false, on db: any Database) async throws -> Outcome {
        let context = editor.context
        do {
            return try await db.writeTransaction { tx in
                var outcome = Outcome(rows: rows.count)
                outcome.preview.rows = rows.count
                var q = ProjectModel.query(on: tx).filter(\.$district.$id == context.districtID).filter(\.$code ~~ Set(rows.map(\.projectCode)))
                if let scope = context.scopeUnitID { q = q.filter(\.$unit.$id == scope) }
                let projects = Dictionary(try await q.all().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
                var issues: [LedgerIssue] = []
                for r in rows {
                    guard let p = projects[r.projectCode], let id = p.id else {
                        issues.append(LedgerIssue(row: r.row, column: "项目编号", message: Message(
                            zh: "项目编号“\(r.projectCode)”不在本区项目库中", en: "Project “\(r.projectCode)” is not in the district's ledger")))
                        continue
                    }
                    let stored = try await ElementsEditor.funds(projectID: id, year: year, on: tx)
                    let before = Dictionary(stored.compactMap(\.line).map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
                    var changes: [ImportPreview.FieldChange] = []
                    var lines: [FundLine] = []
                    for s in FundingSource.allCases {
                        let old = before[s]
                        let line = FundLine(source: s, planned: r.planned[s] ?? old?.planned ?? .zero, arrived: r.arrived[s] ?? old?.arrived ?? .zero)
                        if line.planned != (old?.planned ?? .zero) {
                            changes.append(.init(field: FundsListFile.plannedColumn(s) + "（万元）", before: old.map { $0.planned.formatted(in: .wan) } ?? "",
                                                 after: line.planned.formatted(in: .wan)))
                        }
                        if line.arrived != (old?.arrived ?? .zero) {
                            changes.append(.init(field: FundsListFile.arrivedColumn(s) + "（万元）", before: old.map { $0.arrived.formatted(in: .wan) } ?? "",
                                                 after: line.arrived.formatted(in: .wan)))
                        }
                        if line.planned.yuan != 0 || line.arrived.yuan != 0 { lines.append(line) }
                    }
                    guard !changes.isEmpty else { outcome.unchanged += 1; outcome.preview.unchanged += 1; continue }
                    let version = try await ElementsEditor.fundsVersion(projectID: id, year: year, on: tx)
                    do {
                        try await editor.saveFundsChecked(p, year: year, lines, version: version, in: tx)
                    } catch ProjectItemContext.Failure.invalid(let field, let message) {
                        issues.append(LedgerIssue(row: r.row, column: field, message: message))
                        continue
                    }
                    outcome.undo.rows.append(.init(projectID: id, code: p.code, year: year, before: Array(before.values),
                                                   versionAfter: version + 1))
                    if stored.isEmpty {
                        outcome.created += 1; outcome.preview.created.append(.init(code: p.code, name: p.name, changes: changes))
                    } else {
                        outcome.updated += 1; outcome.preview.updated.append(.init(code: p.code, name: p.name, changes: changes))
                    }
                }
                guard issues.isEmpty else { throw Refused(issues: issues) }
                if dryRun { throw DryRun(outcome: outcome) }
                return outcome
            }
        } catch let dry as DryRun {
            return dry.outcome
        } catch let refused as Refused {
            var outcome = Outcome(rows: rows.count)
            outcome.issues = refused.issues
            return outcome
        }
    }
}

/// What 撤销本次导入 needs of a 资金来源 file: each project's lines before, and the version the
/// import left them at.
public struct FundsUndoRecord: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public var projectID: UUID
        public var code: String
        public var year: Int
        public var before: [FundLine]
        public var versionAfter: Int
    }

    public var rows: [Row] = []

    public var json: String { (try? JSONEncoder().encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "" }
}

/// Puts a 资金来源 file's lines back, refused when a project's funding changed since.
struct FundsImportUndo {
    var districtID: UUID
    var actor: ChangeActor

    func run(_ batch: ImportBatchModel, in tx: any Database) async throws -> ImportUndo.Outcome {
        let record = try ImportUndo.rows(FundsUndoRecord.self, of: batch)
        var touched: [String] = []
        for r in record.rows where try await ElementsEditor.fundsVersion(projectID: r.projectID, year: r.year, on: tx) != r.versionAfter {
            touched.append(r.code)
        }
        guard touched.isEmpty else { throw ImportBatches.Failure.touched(touched) }
        var outcome = ImportUndo.Outcome()
        for r in record.rows {
            try await ProjectFundModel.query(on: tx).filter(\.$projectID == r.projectID).filter(\.$year == r.year).delete()
            let rows = r.before.map { l in
                let m = ProjectFundModel()
                m.id = UUID(); m.districtID = districtID; m.projectID = r.projectID; m.year = r.year; m.source = l.source.rawValue
                m.planned = l.planned.yuan; m.arrived = l.arrived.yuan; m.version = r.versionAfter + 1
                return m
            }
            try await rows.create(on: tx)
            try await ProjectFundYearModel.query(on: tx).filter(\.$projectID == r.projectID).filter(\.$year == r.year)
                .set(\.$version, to: r.versionAfter + 1).update()
            if r.before.isEmpty { outcome.deleted += 1 } else { outcome.restored += 1 }
        }
        return outcome
    }
}
