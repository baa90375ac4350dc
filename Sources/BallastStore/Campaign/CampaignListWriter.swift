import BallastCore
import Fluent
import Foundation

/// A 三个一批 list file, applied whole or not at all: every project code must be the
/// district's, every new period must bring its day; an entry already listed is updated with the
/// file's figures (the file is the list as the district now keeps it), otherwise added.
public struct CampaignListWriter: Sendable {
    public var editor: CampaignEditor

    public init(editor: CampaignEditor) { self.editor = editor }

    public struct Outcome: Sendable {
        public var rows: Int = 0
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        public var periodsCreated: [Int] = []
        public var issues: [LedgerIssue] = []
        /// Each new entry, and each changed one before → after (`ImportPreview`).
        public var preview = ImportPreview()
        /// What 撤销本次导入 needs (`ListImportUndo`).
        public var undo = ListUndoRecord()
        public var applied: Bool { issues.isEmpty }
    }

    private struct Refused: Error { let issues: [LedgerIssue] }
    private struct DryRun: Error { let outcome: Outcome }

    /// With `dryRun`, the same work rolled back: the outcome is the preview of applying.
    public func apply(_ rows: [CampaignListRow], dryRun: Bool = false, on db: any Database) async throws -> Outcome {
        let context = editor.context
        do {
            return try await db.writeTransaction { tx in
                var outcome = Outcome(rows: rows.count)
                outcome.preview.rows = rows.count
                var q = ProjectModel.query(on: tx).filter(\.$district.$id == context.districtID).filter(\.$code ~~ Set(rows.map(\.projectCode)))
                if let scope = context.scopeUnitID { q = q.filter(\.$unit.$id == scope) }
                let projects = Dictionary(try await q.all().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
                var periods = Dictionary(try await CampaignPeriodModel.query(on: tx).filter(\.$districtID == context.districtID).all().map { ($0.number, $0) },
                                         uniquingKeysWith: { a, _ in a })
                var issues: [LedgerIssue] = []
                for r in rows {
                    if projects[r.projectCode] == nil {
                        issues.append(LedgerIssue(row: r.row, column: "项目编号", message: Message(
                            zh: "项目编号“\(r.projectCode)”不在本区项目库中", en: "Project “\(r.projectCode)” is not in the district's ledger")))
                    }
                    if periods[r.period] == nil && r.periodDate == nil && !rows.contains(where: { $0.period == r.period && $0.periodDate != nil }) {
                        issues.append(LedgerIssue(row: r.row, column: "举办日期", message: Message(
                            zh: "第\(r.period)期尚未建立，须填写举办日期", en: "Period \(r.period) is new: give its 举办日期")))
                    }
                }
                guard issues.isEmpty else { throw Refused(issues: issues) }
                for r in rows where periods[r.period] == nil {
                    // Checked above: a new period has its 举办日期 on one of its rows.
                    guard let day = r.periodDate ?? rows.first(where: { $0.period == r.period && $0.periodDate != nil })?.periodDate else { continue }
                    let period = try await editor.createPeriod(number: r.period, heldOn: day, title: nil, on: tx)
                    periods[r.period] = period
                    outcome.periodsCreated.append(r.period)
                    outcome.undo.periods.append(try period.requireID())
                }
                for r in rows {
                    // Both were checked or created above; a row without them is skipped, not trapped on.
                    guard let period = periods[r.period], let project = projects[r.projectCode] else { continue }
                    if let e = try await CampaignEntryModel.query(on: tx).filter(\.$period.$id == period.requireID())
                        .filter(\.$batch == r.batch.rawValue).filter(\.$project.$id == project.requireID()).first() {
                        if e.investment == r.investment.yuan && e.followUp == r.followUp && (r.note == nil || r.note == e.note) {
                            outcome.unchanged += 1
                            outcome.preview.unchanged += 1
                            continue
                        }
                        outcome.preview.updated.append(.init(code: r.projectCode, name: project.name, changes: [
                            .init(field: "期次", before: "第\(r.period)期", after: "第\(r.period)期"),
                            .init(field: "计入投资（万元）", before: Money(yuan: e.investment).formatted(in: .wan), after: r.investment.formatted(in: .wan)),
                            .init(field: "备注", before: e.note ?? "", after: r.note ?? e.note ?? "")]))
                        let before = ListUndoRecord.EntryFields(e)
                        let after = try await editor.followUp(entryID: try e.requireID(), version: e.version, r.followUp, note: r.note,
                                                              investment: r.investment, on: tx)
                        outcome.undo.rows.append(.init(id: try after.requireID(), label: "\(r.projectCode) 第\(r.period)期",
                                                       version: after.version, before: before, after: .init(after)))
                        outcome.updated += 1
                    } else {
                        let e = try await editor.insert(period: period, project: project, batch: r.batch, investment: r.investment,
                                                        followUp: r.followUp, note: r.note, on: tx)
                        outcome.undo.rows.append(.init(id: try e.requireID(), label: "\(r.projectCode) 第\(r.period)期", version: e.version, before: nil,
                                                       after: .init(e)))
                        outcome.created += 1
                        outcome.preview.created.append(.init(code: r.projectCode, name: project.name, changes: [
                            .init(field: "期次", before: "", after: "第\(r.period)期"),
                            .init(field: "批次", before: "", after: r.batch.title),
                            .init(field: "计入投资（万元）", before: "", after: r.investment.formatted(in: .wan))]))
                    }
                }
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
