import BallastCore
import Fluent
import Foundation

/// Stores validated ledger records: creates or updates projects by code, their year plan,
/// the names they refer to, their stage history and an audit entry for each change.
/// Callers run it inside one transaction, so a file is applied whole or not at all.
public struct LedgerWriter: Sendable {
    public var districtID: UUID
    public var year: Int
    public var actor: ChangeActor
    /// The day stage changes take effect on, in the district's calendar.
    public var today: CalendarDate
    /// With strict, names that do not exist yet are refused instead of created.
    public var strict = false
    /// False when the caller has already claimed the next version (`VersionGuard`), so one
    /// edit moves a project's version by exactly one.
    var bumpsVersion = true
    /// True when projects are planned one at a time during the year (a project's own page, a
    /// signed lead) rather than by the year's ledger: a plan written so joins the portfolio on
    /// `today` and owes reports from that month (`YearPlanModel.enteredOn`).
    public var addsOneByOne = false
    /// The district's 节点计划 template, applied to each new year plan (a new project, or a
    /// project entering this year's portfolio). Nil for loaders that bring the district's
    /// recorded milestones with them.
    public var milestoneTemplate: MilestoneTemplate? = .standard
    /// What a stage change written here records as its source (shown in the project's history).
    var stageNote: String { addsOneByOne ? "逐项录入" : "台账导入" }

    public init(districtID: UUID, year: Int, actor: ChangeActor, today: CalendarDate, strict: Bool = false,
                milestoneTemplate: MilestoneTemplate? = .standard) {
        self.districtID = districtID; self.year = year; self.actor = actor; self.today = today; self.strict = strict
        self.milestoneTemplate = milestoneTemplate
    }

    /// The levels an import for this year may use: the year's list, or the defaults it will get.
    public static func knownLevels(districtID: UUID, year: Int, on db: any Database) async throws -> Set<String> {
        let names = try await ReferenceLists.load(districtID: districtID, year: year, on: db).names(.level)
        return names.isEmpty ? Set(ReferenceKind.defaultLevels) : names
    }

    public func apply(_ records: [LedgerRecord], unknownColumns: [String] = [], on db: any Database) async throws -> LedgerImportReport {
        try await DistrictSetup.ensureYear(districtID: districtID, year: year, actor: actor, on: db)
        var lists = try await ReferenceLists.load(districtID: districtID, year: year, on: db)

        // Names the records use that the district does not have yet, in the order first met.
        var missing: [(kind: ReferenceKind, name: String, row: Int, column: LedgerColumn)] = []
        var seen = Set<String>()
        for r in records {
            let uses: [(ReferenceKind, String?, LedgerColumn)] = [
                (.unit, r.unit, .unit), (.leader, r.leader, .leader), (.taskForce, r.taskForce, .taskForce),
                (.category, r.category, .category), (.level, r.level, .level), (.zone, r.zone, .zone),
            ]
            for (kind, name, column) in uses {
                guard let name, lists.id(kind, name) == nil, seen.insert(kind.rawValue + "\u{0}" + name).inserted else { continue }
                missing.append((kind, name, r.row, column))
            }
        }
        var newReferences: [ReferenceKind: [String]] = [:]
        for m in missing { newReferences[m.kind, default: []].append(m.name) }

        let refused = missing.filter { strict || !$0.kind.createdOnImport }
        if !refused.isEmpty {
            let issues = refused.map { m in
                LedgerIssue(row: m.row, column: m.column.rawValue, message: Message(
                    zh: "“\(m.name)”不在\(m.kind.chineseName)名录中（严格模式不新建）",
                    en: "“\(m.name)” is not in the list of \(m.kind.englishName.lowercased())s (strict mode creates none)"))
            }
            return LedgerImportReport(applied: false, rows: records.count, newReferences: newReferences,
                                      unknownColumns: unknownColumns, issues: issues)
        }

        var audits: [AuditEntryModel] = []
        var newEntries: [ReferenceEntryModel] = []
        for m in missing {
            let entry = ReferenceEntryModel(districtID: districtID, kind: m.kind, year: year, name: m.name, sort: 1000)
            newEntries.append(entry)
            lists.insert(m.kind, m.name, id: try entry.requireID())
            audits.append(Audit.entry(districtID: districtID, actor: actor, action: "create", entity: "reference_entry",
                                      entityID: entry.id, summary: "\(m.kind.chineseName) \(m.name)（导入新建）",
                                      before: Nothing?.none, after: ["kind": m.kind.rawValue, "name": m.name]))
        }
        try await createInBatches(newEntries, on: db)

        let names = try await namesByID(on: db)
        let existing = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID).all()
        var projectByCode = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let plans = try await YearPlanModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$year == year).all()
        var planByProject = Dictionary(plans.map { ($0.$project.id, $0) }, uniquingKeysWith: { a, _ in a })

        var report = LedgerImportReport(applied: true, rows: records.count, newReferences: newReferences,
                                        unknownColumns: unknownColumns)
        report.preview = ImportPreview(rows: records.count, unknownColumns: unknownColumns)
        report.preview.newNames = Dictionary(uniqueKeysWithValues: newReferences.map { ($0.key.rawValue, $0.value) })
        var enterprises = try await EnterpriseIndex.load(districtID: districtID, on: db)
        var newProjects: [ProjectModel] = []
        var newPlans: [YearPlanModel] = []
        var stageChanges: [StageChangeModel] = []
        var planChanges: [PlanChangeModel] = []
        var regrouped: [UUID] = []

        for r in records {
            let after = ProjectSnapshot(r)
            if let project = projectByCode[r.code], let projectID = project.id {
                let plan = planByProject[projectID]
                let before = snapshot(project, plan: plan, names: names)
                if before == after { report.unchanged += 1; report.preview.unchanged += 1; continue }
                let unitBefore = project.$unit.id
                if project.stage != r.stage.rawValue {
                    stageChanges.append(StageChangeModel(projectID: projectID, from: project.stage, to: r.stage.rawValue,
                                                         effectiveOn: today, actor: actor.name, note: stageNote))
                }
                try fill(project, from: r, lists: lists)
                // The pool entries carry the unit (a cohort counts by it): bring them along.
                if project.$unit.id != unitBefore { regrouped.append(projectID) }
                project.enterpriseID = enterprises.resolve(name: r.investor, creditCode: r.creditCode)
                if bumpsVersion { project.version += 1 }
                try await project.update(on: db)
                let planVersion: Int
                if let plan {
                    let planBefore = plan.annualPlan
                    try fill(plan, from: r, lists: lists)
                    // A plan changed during its year is a 动态调整, recorded as one (from today).
                    if planBefore != plan.annualPlan, today.year == year, let change = planChange(plan, before: planBefore) {
                        planChanges.append(change)
                    }
                    plan.version += 1
                    planVersion = plan.version
                    try await plan.update(on: db)
                } else {
                    let plan = try newPlan(projectID: projectID, record: r, lists: lists)
                    newPlans.append(plan)
                    planByProject[projectID] = plan
                    planVersion = plan.version
                }
                audits.append(Audit.entry(districtID: districtID, actor: actor, action: "update", entity: "project",
                                          entityID: projectID, summary: "\(r.code) \(r.name)", before: before, after: after))
                report.updated.append(r.code)
                report.preview.updated.append(.init(code: r.code, name: r.name, changes: ImportPreview.changes(from: before, to: after)))
                report.undoRows.append(LedgerUndoRow(projectID: projectID, code: r.code, before: before, planCreated: plan == nil,
                                                     projectVersion: project.version, planVersion: planVersion))
            } else {
                let project = ProjectModel()
                project.id = UUID()
                project.$district.id = districtID
                project.code = r.code
                project.version = 1
                try fill(project, from: r, lists: lists)
                project.enterpriseID = enterprises.resolve(name: r.investor, creditCode: r.creditCode)
                newProjects.append(project)
                projectByCode[r.code] = project
                newPlans.append(try newPlan(projectID: project.requireID(), record: r, lists: lists))
                stageChanges.append(StageChangeModel(projectID: try project.requireID(), from: nil, to: r.stage.rawValue,
                                                     effectiveOn: today, actor: actor.name, note: stageNote))
                audits.append(Audit.entry(districtID: districtID, actor: actor, action: "create", entity: "project",
                                          entityID: project.id, summary: "\(r.code) \(r.name)",
                                          before: ProjectSnapshot?.none, after: after))
                report.created.append(r.code)
                report.preview.created.append(.init(code: r.code, name: r.name))
                report.undoRows.append(LedgerUndoRow(projectID: try project.requireID(), code: r.code, before: nil, planCreated: true,
                                                     projectVersion: 1, planVersion: 1))
            }
        }
        for e in try await enterprises.save(on: db) {
            audits.append(Audit.entry(districtID: districtID, actor: actor, action: "create", entity: "enterprise", entityID: e.id,
                                      summary: "\(e.name)（导入新建）", before: Nothing?.none,
                                      after: ["name": e.name, "creditCode": e.creditCode ?? ""]))
        }
        try await createInBatches(newProjects, on: db)
        try await createInBatches(newPlans, on: db)
        try await StageHistory.record(stageChanges, on: db)
        let batch = UUID()
        for c in planChanges { c.batchID = batch; try await c.create(on: db) }
        let relinked = Set(stageChanges.map { $0.$project.id })
        try await StageHistory.relink(projects: regrouped.filter { !relinked.contains($0) }, on: db)
        if let milestoneTemplate, !newPlans.isEmpty {
            let byID = Dictionary(projectByCode.values.compactMap { p in p.id.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
            let nodes = try newPlans.compactMap { byID[$0.$project.id] }.flatMap {
                try MilestoneEditor.nodes(milestoneTemplate, project: $0, year: year, districtID: districtID)
            }
            try await createInBatches(nodes, on: db)
        }
        try await createInBatches(audits, on: db)
        return report
    }

    func newPlan(projectID: UUID, record r: LedgerRecord, lists: ReferenceLists) throws -> YearPlanModel {
        let plan = YearPlanModel()
        plan.id = UUID()
        plan.$district.id = districtID
        plan.$project.id = projectID
        plan.year = year
        plan.version = 1
        try fill(plan, from: r, lists: lists)
        return plan
    }

    /// The 动态调整 a written plan makes, effective today (`PlanChangeEditor` writes the office's
    /// own batches): in, out or a new figure.
    func planChange(_ plan: YearPlanModel, before: Int64?) -> PlanChangeModel? {
        let kind: PlanChangeKind = before == nil ? .enter : plan.annualPlan == nil ? .leave : .adjust
        let c = PlanChangeModel()
        c.id = UUID(); c.districtID = districtID; c.projectID = plan.$project.id; c.year = year; c.kind = kind.rawValue
        c.effectiveOn = today; c.beforePlan = before; c.afterPlan = plan.annualPlan; c.reason = stageNote
        c.source = addsOneByOne ? "edit" : "import"; c.createdBy = actor.name; c.createdOn = today
        return c
    }

    func fill(_ p: ProjectModel, from r: LedgerRecord, lists: ReferenceLists) throws {
        p.name = r.name
        p.$category.id = try lists.require(.category, r.category)
        p.$unit.id = try lists.require(.unit, r.unit)
        p.$leader.id = r.leader.flatMap { lists.id(.leader, $0) }
        p.$taskForce.id = r.taskForce.flatMap { lists.id(.taskForce, $0) }
        p.stage = r.stage.rawValue
        p.totalInvestment = r.totalInvestment.yuan
        p.plannedStart = r.plannedStart
        p.plannedEnd = r.plannedEnd
        p.investor = r.investor
        p.creditCode = r.creditCode
        p.longitude = r.longitude
        p.latitude = r.latitude
        p.content = r.content
        p.projectCode = r.projectCode
    }

    func fill(_ plan: YearPlanModel, from r: LedgerRecord, lists: ReferenceLists) throws {
        plan.$level.id = try lists.require(.level, r.level)
        plan.nature = r.nature?.rawValue
        plan.$zone.id = r.zone.flatMap { lists.id(.zone, $0) }
        let before = plan.annualPlan
        plan.annualPlan = r.annualPlan?.yuan
        // A project planned during its year joins the portfolio today; the year's ledger is the
        // portfolio from 1 January.
        if addsOneByOne, before == nil, plan.annualPlan != nil, plan.enteredOn == nil, today.year == year {
            plan.enteredOn = today
        }
    }

    func snapshot(_ p: ProjectModel, plan: YearPlanModel?, names: [UUID: String]) -> ProjectSnapshot {
        var s = ProjectSnapshot(LedgerRecord(
            row: 0, code: p.code, name: p.name, category: names[p.$category.id] ?? "", level: "",
            unit: names[p.$unit.id] ?? "", stage: p.lifecycleStage, totalInvestment: p.total))
        s.level = plan.flatMap { names[$0.$level.id] }
        s.nature = plan?.nature
        s.zone = plan?.$zone.id.flatMap { names[$0] }
        s.annualPlanYuan = plan?.annualPlan
        s.leader = p.$leader.id.flatMap { names[$0] }
        s.taskForce = p.$taskForce.id.flatMap { names[$0] }
        s.plannedStart = p.plannedStart?.iso
        s.plannedEnd = p.plannedEnd?.iso
        s.investor = p.investor
        s.creditCode = p.creditCode
        s.longitude = p.longitude
        s.latitude = p.latitude
        s.content = p.content
        s.projectCode = p.projectCode
        return s
    }

    func namesByID(on db: any Database) async throws -> [UUID: String] {
        let all = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID).all()
        return Dictionary(all.compactMap { e in e.id.map { ($0, e.name) } }, uniquingKeysWith: { a, _ in a })
    }

    func createInBatches<M: BulkInsertable>(_ models: [M], on db: any Database) async throws {
        try await BulkInsert.insert(models, on: db)
    }
}
