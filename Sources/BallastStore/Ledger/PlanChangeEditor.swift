import BallastCore
import Fluent
import Foundation

/// 动态调整: the office moves projects into or out of a year's list, or changes their annual
/// plan, in one batch with one reason and one effective day (a meeting's decision, a document).
/// The batch is checked whole (every line against the plan as it stands) and written whole, in
/// one transaction: each change keeps the plan before and after (`plan_changes`), the year plan
/// takes the new figure, and when the change takes effect today the year is recoloured with it;
/// a later day's change is judged from that day, because every figure of a day reads the plan
/// then in force (`Portfolio.plan(on:)`).
public struct PlanChangeEditor: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    public struct Line: Sendable, Equatable {
        /// The line's number as the user sees it (1 for the first).
        public var row: Int
        public var code: String
        public var kind: PlanChangeKind
        public var amount: Money?

        public init(row: Int, code: String, kind: PlanChangeKind, amount: Money?) {
            self.row = row; self.code = code; self.kind = kind; self.amount = amount
        }
    }

    public struct Batch: Sendable, Equatable {
        public var year: Int
        public var effectiveOn: CalendarDate
        public var reason: String
        public var lines: [Line]
        /// `manual` or `import`.
        public var source: String

        public init(year: Int, effectiveOn: CalendarDate, reason: String, lines: [Line], source: String = "manual") {
            self.year = year; self.effectiveOn = effectiveOn; self.reason = reason; self.lines = lines; self.source = source
        }
    }

    /// One line as it will be (the preview) or was (applied) written.
    public struct Row: Sendable, Equatable {
        public var projectID: UUID
        public var code: String
        public var name: String
        public var unit: String
        public var kind: PlanChangeKind
        public var before: Money?
        public var after: Money?
    }

    /// What the batch would do, or its refusal with each line's problem; nothing is written.
    public func preview(_ b: Batch, on db: any Database) async throws -> [Row] {
        try await check(b, on: db).map(\.row)
    }

    /// The batch written whole, or refused whole.
    public func apply(_ b: Batch, on db: any Database) async throws -> [Row] {
        try await db.writeTransaction { tx in
            let checked = try await check(b, on: tx)
            let batch = UUID()
            for c in checked {
                let change = PlanChangeModel()
                change.id = UUID(); change.districtID = context.districtID; change.batchID = batch; change.projectID = c.row.projectID
                change.year = b.year; change.kind = c.row.kind.rawValue; change.effectiveOn = b.effectiveOn
                change.beforePlan = c.row.before?.yuan; change.afterPlan = c.row.after?.yuan; change.reason = b.reason.trimmed
                change.source = b.source; change.createdBy = context.actor.name; change.createdOn = context.today
                try await change.create(on: tx)
                let plan = c.plan
                let before = ["annualPlan": plan.annualPlan.map(String.init) ?? "", "enteredOn": plan.enteredOn?.iso ?? ""]
                // The plan in force on each day is read from the changes (`Portfolio.plan(on:)`),
                // so a move in needs no joining day: setting one hid a project moved out and back
                // in on the days it had been in the list all along.
                plan.annualPlan = c.row.after?.yuan
                plan.version += 1
                try await plan.save(on: tx)
                try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "plan-change", entity: "year-plan",
                                       entityID: plan.id,
                                       summary: "\(c.row.code) \(c.row.kind.chineseName)（\(b.effectiveOn.iso) 起）：\(b.reason.trimmed)",
                                       before: before, after: ["annualPlan": plan.annualPlan.map(String.init) ?? "", "enteredOn": plan.enteredOn?.iso ?? "",
                                                               "effectiveOn": b.effectiveOn.iso])
            }
            // In force today: today's colours are judged with it now; a later day's, on that day.
            if b.effectiveOn <= context.today { try await Recolour.year(b.year, districtID: context.districtID, today: context.today, in: tx) }
            return checked.map(\.row)
        }
    }

    struct Checked { var row: Row; var plan: YearPlanModel }

    func check(_ b: Batch, on db: any Database) async throws -> [Checked] {
        var problems = PlanChange.checkReason(b.reason) + PlanChange.checkDay(b.effectiveOn, year: b.year, today: context.today)
        if b.lines.isEmpty { problems.append(FieldProblem("changes", Message(zh: "请至少填写一行调整", en: "Give at least one line"))) }
        if b.lines.count > PlanChange.maxLines {
            problems.append(FieldProblem("changes", Message(zh: "一批最多 \(PlanChange.maxLines) 行（实为 \(b.lines.count) 行）", en: "At most \(PlanChange.maxLines) lines in a batch (\(b.lines.count) given)")))
        }
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        let units = try await ReferenceLists.namesByID(.unit, districtID: context.districtID, on: db)
        var out: [Checked] = [], seen: [String: Int] = [:]
        for line in b.lines {
            let at = Message(zh: "第 \(line.row) 行（\(line.code)）：", en: "Line \(line.row) (\(line.code)): ")
            func refuse(_ field: String, _ m: Message) { problems.append(FieldProblem(field, Message(zh: at.zh + m.zh, en: at.en + m.en))) }
            if let first = seen[line.code] {
                refuse("code", Message(zh: "与第 \(first) 行是同一项目", en: "the same project as line \(first)"))
                continue
            }
            seen[line.code] = line.row
            guard let project = try await ProjectModel.query(on: db).filter(\.$district.$id == context.districtID).filter(\.$code == line.code.trimmed).first(),
                  let projectID = project.id else {
                refuse("code", Message(zh: "项目不在本区项目库中", en: "no such project in the district"))
                continue
            }
            guard let plan = try await YearPlanModel.query(on: db).filter(\.$project.$id == projectID).filter(\.$year == b.year).first() else {
                refuse("code", Message(zh: "项目不在 \(b.year) 年台账中，请先在台账中列入", en: "not in the \(b.year) ledger; add it to the ledger first"))
                continue
            }
            let last = try await PlanChangeModel.query(on: db).filter(\.$projectID == projectID).filter(\.$year == b.year)
                .sort(\.$effectiveOn, .descending).first()?.effectiveOn
            let current = plan.annualPlan.map(Money.init(yuan:))
            for p in PlanChange.check(kind: line.kind, current: current, amount: line.amount, effectiveOn: b.effectiveOn, year: b.year,
                                      today: context.today, lastEffective: last) {
                refuse(p.field, p.message)
            }
            out.append(Checked(row: Row(projectID: projectID, code: project.code, name: project.name, unit: units[project.$unit.id] ?? "",
                                        kind: line.kind, before: current, after: line.kind == .leave ? nil : line.amount),
                               plan: plan))
        }
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        return out
    }
}
