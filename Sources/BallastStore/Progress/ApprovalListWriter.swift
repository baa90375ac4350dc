import BallastCore
import Fluent
import Foundation

/// A 前期手续 file, applied whole or not at all through `ApprovalEditor`'s own checks (the
/// order rule with its 容缺受理 reason, applied before approved, the promised time): each row is
/// a step named by project and 事项, updated when the chain has it, else added. A project's rows
/// are written in the order of their places, so a step's predecessors are in before it is judged.
public struct ApprovalListWriter: Sendable {
    public var editor: ApprovalEditor

    public init(editor: ApprovalEditor) { self.editor = editor }

    public struct Outcome: Sendable {
        public var rows = 0
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        public var issues: [LedgerIssue] = []
        public var preview = ImportPreview()
        public var undo = ApprovalUndoRecord()
        public var applied: Bool { issues.isEmpty }
    }

    private struct Refused: Error { let issues: [LedgerIssue] }
    private struct DryRun: Error { let outcome: Outcome }

    static let column = ["name": "事项", "seq": "顺序", "promisedDays": "承诺时限(工作日)", "actual": "批复日期", "applied": "申报日期",
                         "approvalNo": "批复文号", "waivedReason": "容缺受理理由", "target": "目标日期", "department": "审批部门"]

    public func apply(_ rows: [ApprovalListRow], year: Int, dryRun: Bool = false, on db: any Database) async throws -> Outcome {
        let context = editor.context
        do {
            return try await db.writeTransaction { tx in
                var outcome = Outcome(rows: rows.count)
                outcome.preview.rows = rows.count
                var q = ProjectModel.query(on: tx).filter(\.$district.$id == context.districtID).filter(\.$code ~~ Set(rows.map(\.projectCode)))
                if let scope = context.scopeUnitID { q = q.filter(\.$unit.$id == scope) }
                let projects = Dictionary(try await q.all().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
                var issues: [LedgerIssue] = []
                let ordered = rows.enumerated().sorted { a, b in
                    (a.element.projectCode, a.element.seq ?? Int.max, a.offset) < (b.element.projectCode, b.element.seq ?? Int.max, b.offset)
                }.map(\.element)
                for r in ordered {
                    guard let p = projects[r.projectCode], let id = p.id else {
                        issues.append(LedgerIssue(row: r.row, column: "项目编号", message: Message(
                            zh: "项目编号“\(r.projectCode)”不在本区项目库中", en: "Project “\(r.projectCode)” is not in the district's ledger")))
                        continue
                    }
                    let chain = try await ApprovalEditor.items(projectID: id, year: year, on: tx)
                    let existing = chain.first { $0.name == r.name }
                    let f = ApprovalEditor.Fields(name: r.name, department: r.department ?? existing?.department, target: r.target ?? existing?.target,
                                                  actual: r.approved ?? existing?.actual, seq: r.seq ?? existing?.seq,
                                                  applied: r.applied ?? existing?.applied, promisedDays: r.promisedDays ?? existing?.promisedDays,
                                                  approvalNo: r.approvalNo ?? existing?.approvalNo, waivedReason: r.waivedReason ?? existing?.waivedReason)
                    do {
                        if let existing {
                            let before = ApprovalEditor.Snapshot(existing)
                            let beforeCells = Self.cells(existing)
                            if beforeCells == Self.cells(f) {
                                outcome.unchanged += 1; outcome.preview.unchanged += 1
                                continue
                            }
                            let saved = try await editor.updateChecked(existing, of: p, version: existing.version, f, in: tx)
                            let changes = zip(ApprovalListFile.header.dropFirst(2), zip(beforeCells, Self.cells(saved))).compactMap { field, pair in
                                pair.0 == pair.1 ? nil : ImportPreview.FieldChange(field: field, before: pair.0, after: pair.1)
                            }
                            outcome.updated += 1
                            outcome.preview.updated.append(.init(code: p.code, name: p.name + " · " + r.name, changes: changes))
                            outcome.undo.rows.append(.init(id: try saved.requireID(), code: p.code, before: before, versionAfter: saved.version))
                        } else {
                            let saved = try await editor.addChecked(p, year: year, f, in: tx)
                            outcome.created += 1
                            let changes = zip(ApprovalListFile.header.dropFirst(2), Self.cells(saved)).compactMap { field, value in
                                value.isEmpty ? nil : ImportPreview.FieldChange(field: field, before: "", after: value)
                            }
                            outcome.preview.created.append(.init(code: p.code, name: p.name + " · " + r.name, changes: changes))
                            outcome.undo.rows.append(.init(id: try saved.requireID(), code: p.code, before: nil, versionAfter: saved.version))
                        }
                    } catch ProjectItemContext.Failure.invalid(let field, let message) {
                        issues.append(LedgerIssue(row: r.row, column: Self.column[field] ?? field, message: message))
                    } catch ProjectItemContext.Failure.refused(let problems) {
                        issues += problems.map { LedgerIssue(row: r.row, column: Self.column[$0.field] ?? $0.field, message: $0.message) }
                    }
                }
                guard issues.isEmpty else { throw Refused(issues: issues.sorted { $0.row < $1.row }) }
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

    /// A step as the file writes it, from 顺序 on (`ApprovalListFile.header` without the project's columns).
    static func cells(_ a: ApprovalItemModel) -> [String] {
        [a.seq.map(String.init) ?? "", a.name, a.department ?? "", a.applied?.iso ?? "", a.promisedDays.map(String.init) ?? "",
         a.target?.iso ?? "", a.actual?.iso ?? "", a.approvalNo ?? "", a.waivedReason ?? ""]
    }

    /// The fields asked for, as the file writes them.
    static func cells(_ f: ApprovalEditor.Fields) -> [String] {
        [f.seq.map(String.init) ?? "", f.name, f.department ?? "", f.applied?.iso ?? "", f.promisedDays.map(String.init) ?? "",
         f.target?.iso ?? "", f.actual?.iso ?? "", f.approvalNo ?? "", f.waivedReason ?? ""]
    }

    /// The 前期手续 file of a year: every step of the scope's projects, by project and place.
    public static func fileRows(districtID: UUID, year: Int, scopeUnitID: UUID? = nil, on db: any Database) async throws -> [[String]] {
        var q = ProjectModel.query(on: db).filter(\.$district.$id == districtID)
        if let scopeUnitID { q = q.filter(\.$unit.$id == scopeUnitID) }
        let projects = Dictionary(try await q.all().compactMap { p in p.id.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        let steps = try await ApprovalItemModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year).all()
        return steps.compactMap { a -> (String, Int, String, [String])? in
            guard let p = projects[a.$project.id] else { return nil }
            return (p.code, a.seq ?? Int.max, a.name, [p.code, p.name] + cells(a))
        }.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
    }
}

/// What 撤销本次导入 needs of a 前期手续 file: each step as it was (nil: the import added it) and
/// the version the import left it at.
public struct ApprovalUndoRecord: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var id: UUID
        public var code: String
        var before: ApprovalEditor.Snapshot?
        public var versionAfter: Int
    }

    public var rows: [Row] = []

    public var json: String { (try? JSONEncoder().encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "" }
}

/// Puts a 前期手续 file's steps back, refused when a step changed since.
struct ApprovalImportUndo {
    var districtID: UUID

    func run(_ batch: ImportBatchModel, in tx: any Database) async throws -> ImportUndo.Outcome {
        let record = try ImportUndo.rows(ApprovalUndoRecord.self, of: batch)
        var touched: [String] = []
        var items: [UUID: ApprovalItemModel] = [:]
        for r in record.rows {
            guard let a = try await ApprovalItemModel.query(on: tx).filter(\.$id == r.id).filter(\.$districtID == districtID).first(),
                  a.version == r.versionAfter else { touched.append(r.code); continue }
            items[r.id] = a
        }
        guard touched.isEmpty else { throw ImportBatches.Failure.touched(Array(Set(touched)).sorted()) }
        let clock = try await ApprovalDue.clock(districtID: districtID, on: tx)
        var outcome = ImportUndo.Outcome()
        for r in record.rows.reversed() {
            guard let a = items[r.id] else { continue }
            guard let b = r.before else { try await a.delete(on: tx); outcome.deleted += 1; continue }
            a.name = b.name; a.department = b.department; a.target = b.target.flatMap(CalendarDate.parse); a.actual = b.actual.flatMap(CalendarDate.parse)
            a.seq = b.seq; a.applied = b.applied.flatMap(CalendarDate.parse); a.promisedDays = b.promisedDays; a.approvalNo = b.approvalNo
            a.waivedReason = b.waivedReason; a.version += 1
            a.dueOn = clock.due(a.step)
            try await a.update(on: tx)
            outcome.restored += 1
        }
        return outcome
    }
}
