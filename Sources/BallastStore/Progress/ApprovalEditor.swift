import BallastCore
import Fluent
import Foundation
import SQLKit

/// 前期手续 edits: a project's approval steps for a year (its chain, `ApprovalStep`), with the
/// approving department, the day applied for, the promised working days, the planned and
/// approved days, the 批复文号, and the 容缺受理 reason of a step approved before the steps it
/// needs. Versioned and audited like every other edit.
public struct ApprovalEditor: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    public struct Fields: Sendable, Encodable {
        public var name: String
        public var department: String?
        public var target: CalendarDate?
        public var actual: CalendarDate?
        /// Its place in the chain; nil: after the last step (a new step) or where it was (an edit).
        public var seq: Int?
        public var applied: CalendarDate?
        public var promisedDays: Int?
        public var approvalNo: String?
        public var waivedReason: String?

        public init(name: String, department: String?, target: CalendarDate?, actual: CalendarDate?, seq: Int? = nil,
                    applied: CalendarDate? = nil, promisedDays: Int? = nil, approvalNo: String? = nil, waivedReason: String? = nil) {
            self.name = name; self.department = department; self.target = target; self.actual = actual; self.seq = seq
            self.applied = applied; self.promisedDays = promisedDays; self.approvalNo = approvalNo; self.waivedReason = waivedReason
        }
    }

    struct Snapshot: Codable, Sendable {
        var name: String, department: String?, target: String?, actual: String?
        var seq: Int?, applied: String?, promisedDays: Int?, approvalNo: String?, waivedReason: String?
        init(_ a: ApprovalItemModel) {
            name = a.name; department = a.department; target = a.target?.iso; actual = a.actual?.iso
            seq = a.seq; applied = a.applied?.iso; promisedDays = a.promisedDays; approvalNo = a.approvalNo; waivedReason = a.waivedReason
        }
    }

    /// A project's chain for a year, in order.
    public static func items(projectID: UUID, year: Int, on db: any Database) async throws -> [ApprovalItemModel] {
        try await ApprovalItemModel.query(on: db).filter(\.$project.$id == projectID).filter(\.$year == year).all()
            .sorted { ($0.seq ?? Int.max, $0.target?.iso ?? "", $0.name) < ($1.seq ?? Int.max, $1.target?.iso ?? "", $1.name) }
    }

    public func add(projectID: UUID, year: Int, _ f: Fields, on db: any Database) async throws -> ApprovalItemModel {
        try await db.writeTransaction { tx in
            try await addChecked(try await context.project(projectID, on: tx), year: year, f, in: tx)
        }
    }

    /// The add inside the caller's transaction (a file's rows share one).
    func addChecked(_ p: ProjectModel, year: Int, _ f: Fields, in tx: any Database) async throws -> ApprovalItemModel {
        let projectID = try p.requireID()
        let a = ApprovalItemModel()
        a.id = UUID(); a.districtID = context.districtID; a.$project.id = projectID; a.year = year; a.version = 1
        let chain = try await Self.items(projectID: projectID, year: year, on: tx)
        a.seq = f.seq ?? ((chain.compactMap(\.seq).max() ?? 0) + 1)
        try fill(a, f, chain: chain)
        a.dueOn = try await ApprovalDue.clock(districtID: context.districtID, on: tx).due(a.step)
        try await a.create(on: tx)
        try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "approval-item",
                               entityID: a.id, summary: "\(p.code) \(year) \(a.name)", before: Snapshot?.none, after: Snapshot(a))
        return a
    }

    /// A project with no steps for the year starts its chain from the district's template for
    /// its type (`ApprovalTemplate.forCategory`); a chain already begun is left alone (0 added).
    public func applyTemplate(projectID: UUID, year: Int, on db: any Database) async throws -> Int {
        try await db.writeTransaction { tx in
            let p = try await context.project(projectID, on: tx)
            guard try await ApprovalItemModel.query(on: tx).filter(\.$project.$id == projectID).filter(\.$year == year).count() == 0 else { return 0 }
            // A project already under construction has had its approvals: a template would put
            // steps long past due on it. Its steps are entered one by one.
            if let order = p.lifecycleStage.order, order >= (LifecycleStage.underConstruction.order ?? Int.max) {
                throw ProjectItemContext.Failure.invalid(field: "year", Message(
                    zh: "项目已处于\(p.stage)阶段，不再套用前期手续模板；请逐项录入已办的手续",
                    en: "The project is already \(p.lifecycleStage.englishName.lowercased()): enter its steps one by one rather than from the template"))
            }
            let category = try await ReferenceEntryModel.find(p.$category.id, on: tx)?.name ?? ""
            let template = ApprovalTemplate.forCategory(category)
            let clock = try await ApprovalDue.clock(districtID: context.districtID, on: tx)
            let steps = template.plan(plannedStart: p.plannedStart).map { s in
                let a = ApprovalItemModel()
                a.id = UUID(); a.districtID = context.districtID; a.$project.id = projectID; a.year = year; a.version = 1
                a.seq = s.seq; a.name = s.name; a.department = s.department; a.promisedDays = s.promisedDays; a.target = s.target
                a.dueOn = clock.due(a.step)
                return a
            }
            try await steps.create(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "approval-item",
                                   entityID: projectID, summary: "\(p.code) \(year) 套用前期手续模板（\(template.kind.chineseName)，\(steps.count) 项）",
                                   before: Snapshot?.none, after: steps.map(Snapshot.init))
            return steps.count
        }
    }

    public func update(id: UUID, version: Int, _ f: Fields, on db: any Database) async throws -> ApprovalItemModel {
        try await db.writeTransaction { tx in
            let (a, p) = try await item(id, on: tx)
            return try await updateChecked(a, of: p, version: version, f, in: tx)
        }
    }

    /// The update inside the caller's transaction (a file's rows share one).
    func updateChecked(_ a: ApprovalItemModel, of p: ProjectModel, version: Int, _ f: Fields, in tx: any Database) async throws -> ApprovalItemModel {
        let chain = try await Self.items(projectID: a.$project.id, year: a.year, on: tx).filter { $0.id != a.id }
        let clock = try await ApprovalDue.clock(districtID: context.districtID, on: tx)
        try await context.update(a, version: version, entity: "approval-item", in: tx, before: Snapshot(a),
                                 change: { m in
                                     if let seq = f.seq { m.seq = seq }
                                     try fill(m, f, chain: chain)
                                     m.dueOn = clock.due(m.step)
                                 }, after: Snapshot.init, summary: { "\(p.code) \($0.year) \($0.name)" })
        return a
    }

    public func delete(id: UUID, version: Int, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            let (a, p) = try await item(id, on: tx)
            try await context.delete(a, version: version, entity: "approval-item", in: tx, snapshot: Snapshot(a), summary: "\(p.code) \(a.year) \(a.name)")
        }
    }

    func item(_ id: UUID, on db: any Database) async throws -> (ApprovalItemModel, ProjectModel) {
        guard let a = try await ApprovalItemModel.query(on: db).filter(\.$id == id).filter(\.$districtID == context.districtID).first()
        else { throw ProjectItemContext.Failure.itemNotFound }
        return (a, try await context.project(a.$project.id, on: db))
    }

    /// Checks the step against itself and its chain (`chain`: the project's other steps of the
    /// year), every problem named by its field.
    func fill(_ a: ApprovalItemModel, _ f: Fields, chain: [ApprovalItemModel]) throws {
        a.name = try ProjectItemContext.name(f.name)
        try context.notFuture(f.actual, field: "actual")
        try context.notFuture(f.applied, field: "applied")
        var problems: [FieldProblem] = []
        if let seq = f.seq ?? a.seq, !(1...99).contains(seq) {
            problems.append(FieldProblem("seq", Message(zh: "顺序号应为 1～99，实为 \(seq)", en: "seq must be 1 to 99, not \(seq)")))
        } else if let seq = f.seq ?? a.seq, let other = chain.first(where: { $0.seq == seq }) {
            // One place a step: two steps at one place would each pass the order rule unchecked.
            problems.append(FieldProblem("seq", Message(zh: "顺序号 \(seq) 已是“\(other.name)”的，请另选", en: "Place \(seq) is taken by “\(other.name)”: choose another")))
        }
        if let days = f.promisedDays, !ApprovalStep.promisedRange.contains(days) {
            problems.append(FieldProblem("promisedDays", Message(
                zh: "承诺时限应为 \(ApprovalStep.promisedRange.lowerBound)～\(ApprovalStep.promisedRange.upperBound) 个工作日，实为 \(days)",
                en: "The promised time must be \(ApprovalStep.promisedRange.lowerBound) to \(ApprovalStep.promisedRange.upperBound) working days, not \(days)")))
        }
        if let applied = f.applied, let approved = f.actual, approved < applied {
            problems.append(FieldProblem("actual", Message(zh: "批复日期 \(approved.iso) 早于申报日期 \(applied.iso)",
                                                           en: "Approved on \(approved.iso), before it was applied for on \(applied.iso)")))
        }
        if let no = f.approvalNo, no.count > 100 {
            problems.append(FieldProblem("approvalNo", Message(zh: "批复文号超过 100 个字", en: "The approval number is over 100 characters")))
        }
        let reason = f.waivedReason?.trimmed.nilIfEmpty
        if let reason, reason.count > 500 {
            problems.append(FieldProblem("waivedReason", Message(zh: "容缺受理理由超过 500 个字", en: "The reason is over 500 characters")))
        }
        // A step approved before the steps it needs: only as 容缺受理, with the reason kept.
        if let approved = f.actual {
            let step = ApprovalStep(seq: f.seq ?? a.seq ?? Int.max, name: a.name)
            let missing = ApprovalClock.missingBefore(step, in: chain.map(\.step), by: approved)
            if !missing.isEmpty && reason == nil {
                let names = missing.map(\.name).joined(separator: "、")
                problems.append(FieldProblem("waivedReason", Message(
                    zh: "“\(a.name)”须在 \(names) 办结之后批复；如按容缺受理先行批复，请填写容缺受理理由",
                    en: "“\(a.name)” comes after \(names): to approve it first, give the reason to approve ahead")))
            }
        }
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        a.department = f.department?.trimmed.nilIfEmpty
        a.target = f.target
        a.actual = f.actual
        a.applied = f.applied
        a.promisedDays = f.promisedDays
        a.approvalNo = f.approvalNo?.trimmed.nilIfEmpty
        a.waivedReason = reason
    }
}

/// The year's approval completion, counted in SQL: items, approved, approved by the target,
/// and still open past the target on `asOf`.
public enum ApprovalRateQuery {
    public static func run(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID?, on db: any Database) async throws -> ApprovalRate {
        let sql = try db.sql()
        let day = asOf.iso
        // `ApprovalClock.state` in SQL: done once approved by the day; overdue when open on the
        // day past its due day (`due_on`, kept as `ApprovalClock.due`), applied for by then.
        var q: SQLQueryString = """
            SELECT COUNT(*) AS total,
                   COALESCE(SUM(CASE WHEN a.actual <= \(bind: day) THEN 1 ELSE 0 END), 0) AS approved,
                   COALESCE(SUM(CASE WHEN a.actual <= \(bind: day) AND (a.due_on IS NULL OR a.actual <= a.due_on) THEN 1 ELSE 0 END), 0) AS on_time,
                   COALESCE(SUM(CASE WHEN (a.actual IS NULL OR a.actual > \(bind: day)) AND a.due_on < \(bind: day)
                                      AND (a.applied_on IS NULL OR a.applied_on <= \(bind: day)) THEN 1 ELSE 0 END), 0) AS overdue
            FROM approval_items a JOIN projects p ON p.id = a.project_id
            WHERE a.district_id = \(bind: districtID) AND a.year = \(bind: year)
            """
        if let scopeUnitID { q += " AND p.unit_id = \(bind: scopeUnitID)" }
        guard let row = try await sql.raw(q).first() else { return ApprovalRate(total: 0, approved: 0, onTime: 0, overdue: 0) }
        return ApprovalRate(total: try row.decode(column: "total", as: Int.self), approved: try row.decode(column: "approved", as: Int.self),
                            onTime: try row.decode(column: "on_time", as: Int.self), overdue: try row.decode(column: "overdue", as: Int.self))
    }
}
