import BallastCore
import Fluent
import Foundation

/// A leads list file, stored whole or not at all: every unit must be on the district's list
/// (and, for a unit's user, be its own). Every row is a new lead; its enterprise is found by
/// credit code, else by name, or created.
public struct LeadListWriter: Sendable {
    public var editor: LeadEditor

    public init(editor: LeadEditor) { self.editor = editor }

    public struct Outcome: Sendable {
        public var rows = 0
        public var created = 0
        public var issues: [LedgerIssue] = []
        /// Each new lead (`ImportPreview`): what the preview shows and the record keeps.
        public var preview = ImportPreview()
        /// What 撤销本次导入 needs (`ListImportUndo`).
        public var undo = ListUndoRecord()
        public var applied: Bool { issues.isEmpty }
    }

    private struct Refused: Error { let issues: [LedgerIssue] }
    private struct DryRun: Error { let outcome: Outcome }

    /// With `dryRun`, the same work rolled back: the outcome is the preview of applying.
    public func apply(_ rows: [LeadListRow], dryRun: Bool = false, on db: any Database) async throws -> Outcome {
        do {
            return try await db.writeTransaction { tx in
                var issues: [LedgerIssue] = []
                var undo = ListUndoRecord()
                for r in rows {
                    do {
                        let lead = try await editor.create(r.lead, status: r.status, abandonReason: r.abandonReason, on: tx)
                        undo.rows.append(.init(id: try lead.requireID(), label: lead.title, version: lead.version, before: nil, after: nil))
                    } catch ProjectItemContext.Failure.refused(let problems) {
                        let columns = ["unit": "责任单位", "title": "线索名称", "enterprise": "企业名称", "creditCode": "统一社会信用代码",
                                       "collectedOn": "收集日期", "reason": "放弃原因", "intendedInvestment": "意向投资"]
                        issues += problems.map { LedgerIssue(row: r.row, column: columns[$0.field] ?? $0.field, message: $0.message) }
                    }
                }
                guard issues.isEmpty else { throw Refused(issues: issues) }
                var outcome = Outcome(rows: rows.count, created: rows.count)
                outcome.undo = undo
                outcome.preview = ImportPreview(rows: rows.count, created: rows.map { r in
                    ImportPreview.Row(code: r.lead.unit, name: r.lead.title, changes: [
                        .init(field: "企业名称", before: "", after: r.lead.enterprise),
                        .init(field: "状态", before: "", after: r.status.rawValue)])
                })
                if dryRun { throw DryRun(outcome: outcome) }
                return outcome
            }
        } catch let dry as DryRun {
            return dry.outcome
        } catch let refused as Refused {
            return Outcome(rows: rows.count, created: 0, issues: refused.issues)
        }
    }
}
