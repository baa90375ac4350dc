import BallastCore
import Fluent
import Foundation
import SQLKit

/// 问题台账 edits: raising a problem (or recording a meeting's decision), and every step after
/// it. Whoever edits projects may raise a problem on a project they see or on an enterprise;
/// the office and 督查室 (`supervisor`) assign it and move its deadline; the lead unit
/// acknowledges and resolves; whoever raised it closes or reopens it. Steps are dated today.
public struct ProblemEditor: Sendable {
    public var context: ProjectItemContext
    public var supervisor: Bool

    public init(context: ProjectItemContext, supervisor: Bool) { self.context = context; self.supervisor = supervisor }

    /// 交办: who answers for it, along which path, by when.
    public struct Assignment: Sendable, Equatable {
        public var leadUnit: String
        public var assistingUnits: [String]
        public var leader: String?
        public var path: String?
        /// Nil: the clock's resolution day.
        public var deadline: CalendarDate?

        public init(leadUnit: String, assistingUnits: [String] = [], leader: String? = nil, path: String? = nil, deadline: CalendarDate? = nil) {
            self.leadUnit = leadUnit; self.assistingUnits = assistingUnits; self.leader = leader; self.path = path; self.deadline = deadline
        }
    }

    public struct Raise: Sendable, Equatable {
        public var kind: ProblemKind
        public var projectID: UUID?
        public var enterpriseID: UUID?
        public var meetingID: UUID?
        /// A 批示's subject when it is a problem or a document (`InstructionEditor`).
        public var subjectProblemID: UUID?
        public var subjectDocumentID: UUID?
        public var category: String
        public var title: String
        public var description: String
        public var major: Bool
        /// The office may assign as it raises.
        public var assignment: Assignment?

        public init(kind: ProblemKind = .problem, projectID: UUID? = nil, enterpriseID: UUID? = nil, meetingID: UUID? = nil, category: String,
                    title: String, description: String, major: Bool = false, assignment: Assignment? = nil) {
            self.kind = kind; self.projectID = projectID; self.enterpriseID = enterpriseID; self.meetingID = meetingID; self.category = category
            self.title = title; self.description = description; self.major = major; self.assignment = assignment
        }
    }

    struct Snapshot: Encodable {
        var status: String, category: String, title: String, leadUnitID: UUID?, leader: String?, path: String?, deadline: String?, major: Bool
        init(_ p: ProblemModel) {
            status = p.status; category = p.category; title = p.title; leadUnitID = p.leadUnitID; leader = p.leader; path = p.path
            deadline = p.deadline?.iso; major = p.major
        }
    }

    static let notFound = ProjectItemContext.Failure.notFound(Message(zh: "问题不存在", en: "No such problem"))

    public static func categories(districtID: UUID, on db: any Database) async throws -> [String] {
        let own = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$kind == ReferenceKind.problemCategory.rawValue).sort(\.$sort).sort(\.$name).all().map(\.name)
        return own.isEmpty ? ProblemCategory.defaults : own
    }

    public func raise(_ r: Raise, on db: any Database) async throws -> ProblemModel {
        var problems: [FieldProblem] = []
        let title = r.title.trimmed, description = r.description.trimmed
        if title.isEmpty { problems.append(FieldProblem("title", Message(zh: "问题标题不能为空", en: "The problem needs a title"))) }
        if title.count > 100 { problems.append(FieldProblem("title", Message(zh: "问题标题超过 100 个字", en: "The title is over 100 characters"))) }
        if description.isEmpty { problems.append(FieldProblem("description", Message(zh: "请描述问题", en: "Describe the problem"))) }
        if description.count > 4000 { problems.append(FieldProblem("description", Message(zh: "问题描述超过 4000 个字", en: "The description is over 4000 characters"))) }
        // A 批示 is addressed as it is given: `InstructionEditor` has checked the leader.
        if r.assignment != nil && !supervisor && r.kind != .instruction {
            problems.append(FieldProblem("leadUnit", Message(zh: "只有项目办或督查室可以交办问题", en: "Only the project office or supervision assigns problems")))
        }
        switch r.kind {
        case .problem:
            if (r.projectID == nil) == (r.enterpriseID == nil) {
                problems.append(FieldProblem("project", Message(zh: "问题须针对一个项目或一家企业", en: "A problem is raised against one project or one enterprise")))
            }
        case .decision:
            if r.meetingID == nil { problems.append(FieldProblem("meeting", Message(zh: "议定事项须属于一次会议", en: "A decision belongs to a meeting"))) }
        case .instruction:
            if r.assignment == nil { problems.append(FieldProblem("units", Message(zh: "请选择批示交办的单位", en: "Name the units the instruction is addressed to"))) }
        }
        let early = problems
        return try await db.writeTransaction { tx in
            var problems = early
            let categories = try await Self.categories(districtID: context.districtID, on: tx)
            // A decision or a 批示 needs no category of its own: 其他 unless one is given.
            let free = r.kind != .problem
            let category = free && r.category.trimmed.isEmpty ? "其他" : r.category.trimmed
            if !categories.contains(category) && !(free && category == "其他") {
                problems.append(FieldProblem("category", Message(zh: "问题类别应为\(categories.joined(separator: "、"))之一",
                                                                 en: "The category must be one of \(categories.joined(separator: ", "))")))
            }
            if let id = r.projectID {
                do { _ = try await context.project(id, on: tx) } catch {
                    problems.append(FieldProblem("project", Message(zh: "项目不存在", en: "No such project")))
                }
            }
            if let id = r.enterpriseID,
               try await EnterpriseModel.query(on: tx).filter(\.$id == id).filter(\.$districtID == context.districtID).first() == nil {
                problems.append(FieldProblem("enterprise", Message(zh: "企业不存在", en: "No such enterprise")))
            }
            var assignment: (UUID, [UUID])?
            if let a = r.assignment { assignment = try await resolve(a, into: &problems, on: tx) }
            guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
            let p = ProblemModel()
            p.id = UUID(); p.districtID = context.districtID; p.kind = r.kind.rawValue; p.projectID = r.projectID; p.enterpriseID = r.enterpriseID
            p.meetingID = r.meetingID; p.subjectProblemID = r.subjectProblemID; p.subjectDocumentID = r.subjectDocumentID; p.category = category; p.title = title; p.description = description; p.major = r.major
            p.raisedBy = context.actor.name; p.raisedByUnitID = context.scopeUnitID; p.raisedOn = context.today
            p.status = ProblemStatus.raised.rawValue; p.version = 1
            try await p.create(on: tx)
            try await step(p, action: "raise", note: nil, seq: 1, tx)
            if let a = r.assignment, let (lead, assisting) = assignment {
                try await apply(a, lead: lead, assisting: assisting, to: p, on: tx)
                try await step(p, action: ProblemAction.assign.rawValue, note: a.path, seq: 2, tx)
            }
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "problem",
                                   entityID: p.id, summary: "\(r.kind.noun.zh) \(p.title)", before: Snapshot?.none, after: Snapshot(p))
            return p
        }
    }

    /// One step on a problem: `assignment` for 交办 (also re-assigning an open one), `deadline`
    /// for moving the deadline, `note` as the rules require.
    public func act(id: UUID, version: Int, _ action: ProblemAction, note: String?, assignment: Assignment? = nil,
                    deadline newDeadline: CalendarDate? = nil, on db: any Database) async throws -> ProblemModel {
        try await db.writeTransaction { tx in
            let p = try await problem(id, on: tx)
            // The edit claims the version first: whoever stepped meanwhile changed what the rule is judged on.
            try await context.update(p, version: version, entity: "problem", in: tx, audited: action != .comment, before: Snapshot(p), change: { p in
                let status = ProblemStatus(rawValue: p.status) ?? .raised
                let assisting = try await ProblemAssistModel.query(on: tx).filter(\.$problemID == id).all().map(\.unitID)
                let actor = ProblemActor(isSupervisor: supervisor, isRaiser: p.raisedBy == context.actor.name,
                                         isLeadUnit: context.scopeUnitID != nil && p.leadUnitID == context.scopeUnitID,
                                         isAssistingUnit: context.scopeUnitID.map(assisting.contains) ?? false)
                var problems = ProblemRules.check(action, status: status, actor: actor, raisedBy: p.raisedBy, note: note,
                                                  newDeadline: newDeadline, deadline: p.deadline, today: context.today)
                var resolved: (UUID, [UUID])?
                // A 批示 is addressed by its leader as it is given: no route re-assigns it (the
                // problems' route once did, and dropped the leader's name).
                if action == .assign && p.kind == ProblemKind.instruction.rawValue {
                    problems.append(FieldProblem("action", Message(zh: "批示在下达时已交办，不能再交办", en: "An instruction is addressed when given")))
                } else if action == .assign {
                    if let a = assignment { resolved = try await resolve(a, into: &problems, on: tx) } else {
                        problems.append(FieldProblem("leadUnit", Message(zh: "请选择牵头单位", en: "Choose the lead unit")))
                    }
                }
                guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
                p.status = ProblemRules.next(action, from: status).rawValue
                let today = context.today
                switch action {
                case .assign: if let a = assignment, let (lead, others) = resolved { try await apply(a, lead: lead, assisting: others, to: p, on: tx) }
                case .acknowledge: p.acknowledgedOn = today
                case .feedback:
                    if p.acknowledgedOn == nil { p.acknowledgedOn = today }
                    if p.firstFeedbackOn == nil { p.firstFeedbackOn = today }
                case .resolve:
                    if p.acknowledgedOn == nil { p.acknowledgedOn = today }
                    p.resolvedOn = today
                case .close: p.closedOn = today
                case .reopen: p.resolvedOn = nil; p.closedOn = nil
                case .deadline: p.deadline = newDeadline
                case .comment: break
                }
            }, after: Snapshot.init, summary: { "\((ProblemKind(rawValue: $0.kind) ?? .problem).noun.zh) \($0.title) \(action.chineseName)" })
            let last = try await ProblemStepModel.query(on: tx).filter(\.$problemID == id).max(\.$seq) ?? 0
            try await step(p, action: action.rawValue, note: action == .assign ? assignment?.path : note, seq: last + 1, tx)
            // A 批示 reported done waits on its leader: tell them, in the same transaction.
            if action == .resolve && p.kind == ProblemKind.instruction.rawValue {
                try await Notifier.send(.init(districtID: context.districtID, kind: .resolved, title: "领导批示已办结，请审核销号：\(p.title)",
                                              link: Site.problem.link(id), usernames: [p.raisedBy]), on: tx)
            }
            return p
        }
    }

    /// The problem, if it is the district's and (for a unit) one it raised, leads, assists or
    /// whose project it owns.
    public func problem(_ id: UUID, on db: any Database) async throws -> ProblemModel {
        let sql = try db.sql()
        let q: SQLQueryString = "SELECT p.id FROM problems p WHERE p.id = \(bind: id) AND p.district_id = \(bind: context.districtID)"
            + ProblemScope.visible(to: context.scopeUnitID)
        guard try await sql.raw(q).first() != nil, let p = try await ProblemModel.find(id, on: db) else { throw Self.notFound }
        return p
    }

    /// The lead and assisting units' ids, with a problem named for each name not on the list.
    func resolve(_ a: Assignment, into problems: inout [FieldProblem], on tx: any Database) async throws -> (UUID, [UUID])? {
        func unit(_ name: String, field: String) async throws -> UUID? {
            do {
                return try await context.unitID(named: name, on: tx)
            } catch ProjectItemContext.Failure.invalid {
                // Named as the field calls it: a 协办单位 is not the 责任单位.
                let (zh, en) = field == "assistingUnits" ? ("协办单位", "Assisting unit") : ("牵头单位", "Lead unit")
                problems.append(FieldProblem(field, Message(zh: "\(zh)“\(name)”不在本区单位名单中",
                                                            en: "\(en) “\(name)” is not on the district's list of units")))
                return nil
            }
        }
        let lead = try await unit(a.leadUnit, field: "leadUnit")
        if lead == nil, a.leadUnit.trimmed.isEmpty {
            problems.append(FieldProblem("leadUnit", Message(zh: "请选择牵头单位", en: "Choose the lead unit")))
        }
        var assisting: [UUID] = []
        for name in a.assistingUnits.map(\.trimmed) where !name.isEmpty {
            if let id = try await unit(name, field: "assistingUnits"), id != lead, !assisting.contains(id) { assisting.append(id) }
        }
        if let leader = a.leader?.trimmed, !leader.isEmpty,
           try await ReferenceEntryModel.query(on: tx).filter(\.$district.$id == context.districtID)
               .filter(\.$kind == ReferenceKind.leader.rawValue).filter(\.$name == leader).first() == nil {
            problems.append(FieldProblem("leader", Message(zh: "责任领导“\(leader)”不在本区领导名单中", en: "“\(leader)” is not on the district's list of leaders")))
        }
        problems += ProblemRules.checkDeadline(a.deadline, today: context.today)
        if (a.path?.count ?? 0) > 2000 { problems.append(FieldProblem("path", Message(zh: "破解路径超过 2000 个字", en: "The path is over 2000 characters"))) }
        return lead.map { ($0, assisting) }
    }

    func apply(_ a: Assignment, lead: UUID, assisting: [UUID], to p: ProblemModel, on tx: any Database) async throws {
        let settings = try await SupervisionSettings.load(districtID: context.districtID, on: tx)
        p.leadUnitID = lead; p.leader = a.leader?.trimmed.nilIfEmpty; p.path = a.path?.trimmed.nilIfEmpty
        if p.assignedOn == nil { p.assignedOn = context.today }
        // A re-assignment keeps the deadline unless a new one is given; the first takes the clock's.
        let clockDay = settings.calendar.adding(workingDays: p.major ? settings.clock.majorResolveDays : settings.clock.resolveDays,
                                                to: context.today)
        if let d = a.deadline { p.deadline = d } else if p.deadline == nil { p.deadline = clockDay }
        if p.originalDeadline == nil { p.originalDeadline = p.deadline }
        if p.status == ProblemStatus.raised.rawValue { p.status = ProblemStatus.assigned.rawValue }
        try await p.save(on: tx)
        let id = try p.requireID()
        try await ProblemAssistModel.query(on: tx).filter(\.$problemID == id).delete()
        for unit in assisting {
            let row = ProblemAssistModel()
            row.id = UUID(); row.problemID = id; row.unitID = unit
            try await row.create(on: tx)
        }
        let decision = p.kind == ProblemKind.decision.rawValue
        let instruction = p.kind == ProblemKind.instruction.rawValue ? "领导批示（\(p.leader ?? "")）：" : ""
        try await Notifier.send(.init(districtID: context.districtID, kind: decision ? .decision : .assigned,
                                      title: "\(instruction)\(p.title)（时间节点 \(p.deadline?.iso ?? "")）", link: Site.problem.link(id), units: [lead] + assisting), on: tx)
    }

    func step(_ p: ProblemModel, action: String, note: String?, seq: Int, _ tx: any Database) async throws {
        let s = ProblemStepModel()
        s.id = UUID(); s.problemID = try p.requireID(); s.seq = seq; s.action = action; s.status = p.status; s.deadline = p.deadline
        s.effectiveOn = context.today; s.actor = context.actor.name; s.note = note?.trimmed.nilIfEmpty
        try await s.create(on: tx)
    }
}

/// Which problems a unit sees: those it raised, leads, assists, or that are on its projects.
enum ProblemScope {
    static func visible(to unit: UUID?, alias: String = "p") -> SQLQueryString {
        guard let unit else { return "" }
        return """
             AND (\(unsafeRaw: alias).lead_unit_id = \(bind: unit) OR \(unsafeRaw: alias).raised_by_unit_id = \(bind: unit)
                  OR EXISTS (SELECT 1 FROM problem_assists pa WHERE pa.problem_id = \(unsafeRaw: alias).id AND pa.unit_id = \(bind: unit))
                  OR EXISTS (SELECT 1 FROM projects pj WHERE pj.id = \(unsafeRaw: alias).project_id AND pj.unit_id = \(bind: unit)))
            """
    }
}
