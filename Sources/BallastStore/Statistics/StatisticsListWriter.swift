import BallastCore
import Fluent
import Foundation

/// A 入库纳统 file, applied whole or not at all through `StatisticsEditor`'s own checks: every
/// project code must be the district's, every record must pass `StatisticsRecord.problem` (a
/// number on a project not started is refused at its row). A cell left empty keeps what is
/// stored; the year is recoloured once at the end.
public struct StatisticsListWriter: Sendable {
    public var editor: StatisticsEditor

    public init(editor: StatisticsEditor) { self.editor = editor }

    public struct Outcome: Sendable {
        public var rows = 0
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        public var issues: [LedgerIssue] = []
        public var preview = ImportPreview()
        /// What 撤销本次导入 needs (`StatisticsImportUndo`).
        public var undo = StatisticsUndoRecord()
        public var applied: Bool { issues.isEmpty }
    }

    private struct Refused: Error { let issues: [LedgerIssue] }
    private struct DryRun: Error { let outcome: Outcome }

    static let column = ["startedOn": "实际开工日期", "declaredOn": "申报入库日期", "includedOn": "入库日期", "statisticsNumber": "统计库项目编号"]

    public func apply(_ rows: [StatisticsListRow], year: Int, dryRun: Bool = false, on db: any Database) async throws -> Outcome {
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
                    let stored = try await StatisticsEditor.record(projectID: id, on: tx)
                    let before = stored?.record ?? StatisticsRecord()
                    var after = before
                    if let d = r.startedOn { after.startedOn = d }
                    if let d = r.declaredOn { after.declaredOn = d }
                    if let d = r.includedOn { after.includedOn = d }
                    if let n = r.number { after.number = n }
                    var changes: [ImportPreview.FieldChange] = []
                    func note(_ field: String, _ a: String?, _ b: String?) {
                        if a != b { changes.append(.init(field: field, before: a ?? "", after: b ?? "")) }
                    }
                    note("实际开工日期", before.startedOn?.iso, after.startedOn?.iso)
                    note("申报入库日期", before.declaredOn?.iso, after.declaredOn?.iso)
                    note("入库日期", before.includedOn?.iso, after.includedOn?.iso)
                    note("统计库项目编号", before.number, after.number)
                    var undo = StatisticsUndoRecord.Row(projectID: id, code: p.code, before: stored?.record, versionAfter: nil, year: year,
                                                        countsBefore: [:], countsAfter: [:])
                    do {
                        if after != before { undo.versionAfter = try await editor.saveChecked(p, after, version: stored?.version, in: tx).version }
                        let counts = Dictionary(try await StatisticsCountModel.query(on: tx).filter(\.$projectID == id).filter(\.$year == year).all()
                            .map { ($0.month, $0.counted) }, uniquingKeysWith: { a, _ in a })
                        for (m, amount) in r.counted.sorted(by: { $0.key < $1.key }) where counts[m] != amount.yuan {
                            note("\(m)月（万元）", counts[m].map { Money(yuan: $0).formatted(in: .wan) }, amount.formatted(in: .wan))
                            try await editor.setCountedChecked(p, year: year, month: m, amount, in: tx)
                            undo.countsBefore[m] = .some(counts[m])
                            undo.countsAfter[m] = amount.yuan
                        }
                    } catch let ProjectItemContext.Failure.invalid(field, message) {
                        issues.append(LedgerIssue(row: r.row, column: Self.column[field] ?? field, message: message))
                        continue
                    }
                    if !changes.isEmpty { outcome.undo.rows.append(undo) }
                    if changes.isEmpty {
                        outcome.unchanged += 1; outcome.preview.unchanged += 1
                    } else if stored == nil && after != before {
                        outcome.created += 1; outcome.preview.created.append(.init(code: p.code, name: p.name, changes: changes))
                    } else {
                        outcome.updated += 1; outcome.preview.updated.append(.init(code: p.code, name: p.name, changes: changes))
                    }
                }
                guard issues.isEmpty else { throw Refused(issues: issues) }
                try await context.recolour(context.today.year, in: tx)
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
