import BallastCore
import Fluent
import Foundation

/// 招商线索 edits: registering a lead (its enterprise found or created by credit code, else
/// name), its fields, its contact log, and its status steps. A unit registers and follows its
/// own leads; a signing creates the 签约库 project from the lead, or moves the project named.
public struct LeadEditor: Sendable {
    public var context: ProjectItemContext
    /// The project office: may skip a pool when the signing moves an existing project.
    public var office: Bool

    public init(context: ProjectItemContext, office: Bool) { self.context = context; self.office = office }

    struct Snapshot: Encodable {
        var title: String, enterpriseID: UUID, source: String, chain: String?, intendedInvestment: Int64?, status: String
        var abandonReason: String?, projectID: UUID?, signedOn: String?, contractAmount: Int64?
        init(_ l: LeadModel) {
            title = l.title; enterpriseID = l.enterpriseID; source = l.source; chain = l.chain; intendedInvestment = l.intendedInvestment
            status = l.status; abandonReason = l.abandonReason; projectID = l.projectID; signedOn = l.signedOn?.iso; contractAmount = l.contractAmount
        }
    }

    static let notFound = ProjectItemContext.Failure.notFound(Message(zh: "线索不存在", en: "No such lead"))

    public func create(_ f: LeadRecord, status: LeadStatus = .collected, abandonReason: String? = nil, on db: any Database) async throws -> LeadModel {
        try await db.writeTransaction { tx in
            let l = LeadModel()
            l.id = UUID(); l.districtID = context.districtID; l.status = LeadStatus.collected.rawValue; l.version = 1
            try await fill(l, f, on: tx)
            try await l.create(on: tx)
            try await step(l, from: nil, to: .collected, on: f.collectedOn, note: "登记线索", tx)
            if status != .collected {
                let problems = LeadMove.check(from: .collected, to: status, on: f.collectedOn, today: context.today, reason: abandonReason,
                                              hasEnterprise: true, signing: nil)
                guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
                l.status = status.rawValue
                l.abandonReason = status == .abandoned ? abandonReason?.trimmed : nil
                try await l.update(on: tx)
                try await step(l, from: .collected, to: status, on: f.collectedOn, note: abandonReason, tx)
            }
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "lead",
                                   entityID: l.id, summary: "招商线索 \(l.title)", before: Snapshot?.none, after: Snapshot(l))
            return l
        }
    }

    public func update(id: UUID, version: Int, _ f: LeadRecord, on db: any Database) async throws -> LeadModel {
        try await db.writeTransaction { tx in
            let l = try await lead(id, on: tx)
            try await context.update(l, version: version, entity: "lead", in: tx, before: Snapshot(l),
                                     change: { try await fill($0, f, on: tx) }, after: Snapshot.init, summary: { "招商线索 \($0.title)" })
            return l
        }
    }

    /// A status step. Signing: with the day and amount, the lead's project enters 签约库 —
    /// `projectID` names an existing project to move there (its pool rules apply), else one is
    /// created from the lead (name, unit, enterprise, amount; `category` or the year's first).
    public func move(id: UUID, version: Int, to: LeadStatus, on date: CalendarDate?, reason: String?, signing: LeadMove.Signing?,
                     projectID: UUID?, category: String?, on db: any Database) async throws -> LeadModel {
        try await db.writeTransaction { tx in
            let l = try await lead(id, on: tx)
            let from = LeadStatus(rawValue: l.status) ?? .collected
            let day = to == .signed ? (signing?.signedOn ?? date ?? context.today) : (date ?? context.today)
            // The edit claims the version first: whoever moved it meanwhile changed what the rule is judged on.
            try await context.update(l, version: version, entity: "lead", in: tx, before: Snapshot(l), change: { l in
                let problems = LeadMove.check(from: from, to: to, on: day, today: context.today, reason: reason, hasEnterprise: true, signing: signing)
                guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
                l.status = to.rawValue
                l.abandonReason = to == .abandoned ? reason?.trimmed : nil
                if to == .signed, let signing, let amount = signing.contractAmount, let signedOn = signing.signedOn {
                    l.signedOn = signedOn
                    l.contractAmount = amount.yuan
                    l.projectID = try await signProject(l, existing: projectID, signedOn: signedOn, amount: amount, category: category, on: tx)
                }
            }, after: Snapshot.init, summary: { "招商线索 \($0.title) \(from.rawValue) → \(to.rawValue)" })
            try await step(l, from: from, to: to, on: day, note: reason?.trimmed.nilIfEmpty, tx)
            // A project entered 签约库 (or moved there): its year is recoloured like any pool move.
            if to == .signed { try await context.recolour(context.today.year, in: tx) }
            return l
        }
    }

    public func addContact(leadID: UUID, on date: CalendarDate, who: String, what: String, on db: any Database) async throws -> LeadContactModel {
        let who = who.trimmed, what = what.trimmed
        var problems: [FieldProblem] = []
        if date > context.today { problems.append(FieldProblem("on", Message(zh: "日期 \(date.iso) 晚于今天", en: "The date \(date.iso) is after today"))) }
        if who.isEmpty { problems.append(FieldProblem("who", Message(zh: "请填写对接人", en: "Say who made the contact"))) }
        if what.isEmpty { problems.append(FieldProblem("what", Message(zh: "请填写对接内容", en: "Say what was discussed"))) }
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        return try await db.writeTransaction { tx in
            let l = try await lead(leadID, on: tx)
            let c = LeadContactModel()
            c.id = UUID(); c.leadID = leadID; c.contactedOn = date; c.who = who; c.what = what; c.recordedBy = context.actor.name
            try await c.create(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "lead-contact",
                                   entityID: c.id, summary: "招商线索 \(l.title) 对接 \(date.iso)", before: Nothing?.none,
                                   after: ["on": date.iso, "who": who, "what": what])
            return c
        }
    }

    /// The lead, if it is the district's and (for a unit) the unit's own.
    public func lead(_ id: UUID, on db: any Database) async throws -> LeadModel {
        var q = LeadModel.query(on: db).filter(\.$id == id).filter(\.$districtID == context.districtID)
        if let scope = context.scopeUnitID { q = q.filter(\.$unitID == scope) }
        guard let l = try await q.first() else { throw Self.notFound }
        return l
    }

    func fill(_ l: LeadModel, _ f: LeadRecord, on tx: any Database) async throws {
        var problems: [FieldProblem] = []
        let title = f.title.trimmed, name = f.enterprise.trimmed
        if title.isEmpty { problems.append(FieldProblem("title", Message(zh: "线索名称不能为空", en: "The lead needs a title"))) }
        if title.count > 80 { problems.append(FieldProblem("title", Message(zh: "线索名称超过 80 个字", en: "The title is over 80 characters"))) }
        if name.isEmpty { problems.append(FieldProblem("enterprise", Message(zh: "企业名称不能为空", en: "The enterprise is empty"))) }
        var code: String?
        if let raw = f.creditCode?.trimmed, !raw.isEmpty {
            switch CreditCode.validate(raw) {
            case .success(let c): code = c
            case .failure(let p): problems.append(FieldProblem("creditCode", p.message))
            }
        }
        if f.collectedOn > context.today {
            problems.append(FieldProblem("collectedOn", Message(zh: "收集日期 \(f.collectedOn.iso) 晚于今天", en: "The date collected is after today")))
        }
        if (f.intendedInvestment?.yuan ?? 0) < 0 {
            problems.append(FieldProblem("intendedInvestment", Message(zh: "意向投资不能为负数", en: "The intended investment cannot be negative")))
        }
        var unitID: UUID?
        do {
            unitID = try await context.unitID(named: f.unit, on: tx)
            if unitID == nil { problems.append(FieldProblem("unit", Message(zh: "请选择责任单位", en: "Choose the owner unit"))) }
        } catch ProjectItemContext.Failure.invalid(let field, let message) {
            problems.append(FieldProblem(field, message))
        }
        if let scope = context.scopeUnitID, let unitID, unitID != scope {
            problems.append(FieldProblem("unit", Message(zh: "只能登记本单位的线索", en: "A unit registers its own leads only")))
        }
        if let trip = f.tripID, try await TripModel.query(on: tx).filter(\.$id == trip).filter(\.$districtID == context.districtID).first() == nil {
            problems.append(FieldProblem("tripID", Message(zh: "所选外出招商活动不存在", en: "No such trip")))
        }
        guard problems.isEmpty, let unitID else { throw ProjectItemContext.Failure.refused(problems) }
        l.title = title
        guard let enterpriseID = try await EnterpriseIndex.findOrCreate(name: name, creditCode: code, districtID: context.districtID, actor: context.actor,
                                                                        why: "招商线索 \(title)", on: tx) else {
            throw ProjectItemContext.Failure.refused([FieldProblem("enterprise", Message(zh: "请填写企业名称", en: "Give the enterprise's name"))])
        }
        l.enterpriseID = enterpriseID
        l.source = f.source.rawValue; l.chain = f.chain?.trimmed.nilIfEmpty; l.intendedInvestment = f.intendedInvestment?.yuan
        l.unitID = unitID; l.collectedOn = f.collectedOn; l.tripID = f.tripID; l.note = f.note?.trimmed.nilIfEmpty
    }

    func step(_ l: LeadModel, from: LeadStatus?, to: LeadStatus, on day: CalendarDate, note: String?, _ tx: any Database) async throws {
        let s = LeadStepModel()
        s.id = UUID(); s.leadID = try l.requireID(); s.fromStatus = from?.rawValue; s.toStatus = to.rawValue; s.effectiveOn = day
        s.actor = context.actor.name; s.note = note
        try await s.create(on: tx)
    }
}
