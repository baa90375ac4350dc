import BallastCore
import Fluent
import Foundation

/// 三个一批 edits: the office opens periods and lists projects in them; whoever edits a
/// project follows its entries up (开工, 投产, 达效 dates). Versioned and audited.
public struct CampaignEditor: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    struct EntrySnapshot: Encodable {
        var batch: String, investment: Int64, startedOn: String?, producedOn: String?, atCapacityOn: String?, note: String?
        init(_ e: CampaignEntryModel) {
            batch = e.batch; investment = e.investment; startedOn = e.startedOn?.iso; producedOn = e.producedOn?.iso
            atCapacityOn = e.atCapacityOn?.iso; note = e.note
        }
    }

    static let periodNotFound = ProjectItemContext.Failure.notFound(Message(zh: "该期不存在", en: "No such period"))
    static let entryNotFound = ProjectItemContext.Failure.notFound(Message(zh: "该条目不存在", en: "No such campaign entry"))

    public func createPeriod(number: Int, heldOn: CalendarDate, title: String?, on db: any Database) async throws -> CampaignPeriodModel {
        guard (1...999).contains(number) else {
            throw ProjectItemContext.Failure.invalid(field: "number", Message(zh: "期次应为 1 到 999", en: "The period number must be 1 to 999"))
        }
        return try await db.writeTransaction { tx in
            if try await CampaignPeriodModel.query(on: tx).filter(\.$districtID == context.districtID).filter(\.$number == number).first() != nil {
                throw ProjectItemContext.Failure.invalid(field: "number", Message(zh: "第\(number)期已存在", en: "Period \(number) already exists"))
            }
            let p = CampaignPeriodModel()
            p.id = UUID(); p.districtID = context.districtID; p.number = number; p.heldOn = heldOn; p.title = title?.trimmed.nilIfEmpty
            try await p.create(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "campaign-period",
                                   entityID: p.id, summary: "三个一批 第\(number)期（\(heldOn.iso)）", before: Nothing?.none,
                                   after: ["number": String(number), "heldOn": heldOn.iso])
            return p
        }
    }

    public func period(_ id: UUID, on db: any Database) async throws -> CampaignPeriodModel {
        guard let p = try await CampaignPeriodModel.query(on: db).filter(\.$id == id).filter(\.$districtID == context.districtID).first()
        else { throw Self.periodNotFound }
        return p
    }

    public func addEntry(periodID: UUID, projectID: UUID, batch: CampaignBatch, investment: Money, followUp: CampaignFollowUp = .init(),
                         note: String?, on db: any Database) async throws -> CampaignEntryModel {
        try await db.writeTransaction { tx in
            let period = try await period(periodID, on: tx)
            let project = try await context.project(projectID, on: tx)
            return try await insert(period: period, project: project, batch: batch, investment: investment, followUp: followUp, note: note, on: tx)
        }
    }

    /// Inside the caller's transaction: one entry, checked and audited.
    func insert(period: CampaignPeriodModel, project: ProjectModel, batch: CampaignBatch, investment: Money, followUp: CampaignFollowUp,
                note: String?, on tx: any Database) async throws -> CampaignEntryModel {
        guard investment.yuan >= 0 else {
            throw ProjectItemContext.Failure.invalid(field: "investment", Message(zh: "计入投资不能为负数", en: "The investment counted cannot be negative"))
        }
        let problems = followUp.problems(today: context.today)
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        let taken = try await CampaignEntryModel.query(on: tx).filter(\.$period.$id == period.requireID())
            .filter(\.$batch == batch.rawValue).filter(\.$project.$id == project.requireID()).first()
        if taken != nil {
            throw ProjectItemContext.Failure.invalid(field: "project", Message(
                zh: "第\(period.number)期\(batch.title)已列出项目 \(project.code)", en: "Project \(project.code) is already listed in period \(period.number) (\(batch.englishName))"))
        }
        let e = CampaignEntryModel()
        e.id = UUID(); e.districtID = context.districtID; e.$period.id = try period.requireID(); e.$project.id = try project.requireID()
        e.batch = batch.rawValue; e.investment = investment.yuan; e.note = note?.trimmed.nilIfEmpty; e.version = 1
        Self.fill(e, followUp)
        try await e.create(on: tx)
        try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "campaign-entry",
                               entityID: e.id, summary: "第\(period.number)期\(batch.title) \(project.code) \(project.name)",
                               before: EntrySnapshot?.none, after: EntrySnapshot(e))
        return e
    }

    /// The entry's follow-up (and, from a re-imported list, the investment it counts), as one
    /// audited change.
    public func followUp(entryID: UUID, version: Int, _ f: CampaignFollowUp, note: String?, investment: Money? = nil,
                         on db: any Database) async throws -> CampaignEntryModel {
        try await db.writeTransaction { tx in
            let (e, p) = try await entry(entryID, on: tx)
            let problems = f.problems(today: context.today)
            guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
            try await context.update(e, version: version, entity: "campaign-entry", in: tx, before: EntrySnapshot(e),
                                     change: { e in
                                         Self.fill(e, f)
                                         if let investment { e.investment = investment.yuan }
                                         if let note { e.note = note.trimmed.nilIfEmpty }
                                     },
                                     after: EntrySnapshot.init, summary: { "\($0.batch)一批 \(p.code) 跟踪" })
            return e
        }
    }

    public func remove(entryID: UUID, version: Int, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            let (e, p) = try await entry(entryID, on: tx)
            try await context.delete(e, version: version, entity: "campaign-entry", in: tx, snapshot: EntrySnapshot(e),
                                     summary: "\(e.batch)一批 \(p.code)")
        }
    }

    /// The entry and its project, if the project is in the caller's scope.
    func entry(_ id: UUID, on db: any Database) async throws -> (CampaignEntryModel, ProjectModel) {
        guard let e = try await CampaignEntryModel.query(on: db).filter(\.$id == id).filter(\.$districtID == context.districtID).first()
        else { throw Self.entryNotFound }
        do {
            return (e, try await context.project(e.$project.id, on: db))
        } catch ProjectItemContext.Failure.projectNotFound {
            throw Self.entryNotFound
        }
    }

    static func fill(_ e: CampaignEntryModel, _ f: CampaignFollowUp) {
        e.startedOn = f.startedOn; e.producedOn = f.producedOn; e.atCapacityOn = f.atCapacityOn
    }
}

extension CampaignEntryModel {
    public var followUp: CampaignFollowUp {
        CampaignFollowUp(startedOn: startedOn, producedOn: producedOn,
                         atCapacityOn: atCapacityOn)
    }
    public var campaignBatch: CampaignBatch { CampaignBatch(rawValue: batch) ?? .sign }
}
