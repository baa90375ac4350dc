import BallastCore
import Fluent
import Foundation
import SQLKit

/// The office's meeting work: calling a meeting, putting problems on its agenda (from the
/// rule's suggestions or by hand), and, once held, recording its minutes and decisions. Each
/// decision is a problem of kind `decision`, assigned as it is recorded, and linked to the
/// problems it addresses. Every change claims the meeting's version and is audited.
public struct MeetingEditor: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    static let notFound = ProjectItemContext.Failure.notFound(Message(zh: "会议不存在", en: "No such meeting"))

    public struct Fields: Sendable, Equatable {
        public var kind: MeetingKind
        public var title: String
        public var heldOn: CalendarDate
        /// Nil: the day before the meeting.
        public var cutoffOn: CalendarDate?
        public var chairedBy: String?

        public init(kind: MeetingKind, title: String, heldOn: CalendarDate, cutoffOn: CalendarDate? = nil, chairedBy: String? = nil) {
            self.kind = kind; self.title = title; self.heldOn = heldOn; self.cutoffOn = cutoffOn; self.chairedBy = chairedBy
        }
    }

    public func create(_ f: Fields, on db: any Database) async throws -> MeetingModel {
        var problems: [FieldProblem] = []
        let title = f.title.trimmed
        if title.isEmpty { problems.append(FieldProblem("title", Message(zh: "会议名称不能为空", en: "The meeting needs a title"))) }
        if title.count > 100 { problems.append(FieldProblem("title", Message(zh: "会议名称超过 100 个字", en: "The title is over 100 characters"))) }
        let cutoff = f.cutoffOn ?? f.heldOn.adding(days: -1)
        if cutoff > f.heldOn {
            problems.append(FieldProblem("cutoffOn", Message(zh: "议题截止日期晚于会议日期", en: "The agenda cut-off is after the meeting")))
        }
        let early = problems
        return try await db.writeTransaction { tx in
            var problems = early
            if let chair = f.chairedBy?.trimmed, !chair.isEmpty,
               try await ReferenceEntryModel.query(on: tx).filter(\.$district.$id == context.districtID)
                   .filter(\.$kind == ReferenceKind.leader.rawValue).filter(\.$name == chair).first() == nil {
                problems.append(FieldProblem("chairedBy", Message(zh: "主持领导“\(chair)”不在本区领导名单中", en: "“\(chair)” is not on the district's list of leaders")))
            }
            guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
            let m = MeetingModel()
            m.id = UUID(); m.districtID = context.districtID; m.kind = f.kind.rawValue; m.title = title; m.heldOn = f.heldOn
            m.cutoffOn = cutoff; m.chairedBy = f.chairedBy?.trimmed.nilIfEmpty; m.version = 1
            try await m.create(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "meeting",
                                   entityID: m.id, summary: "\(m.kind) \(m.title) \(m.heldOn)", before: Nothing?.none,
                                   after: ["kind": m.kind, "title": m.title, "heldOn": m.heldOn.iso, "cutoffOn": m.cutoffOn.iso])
            return m
        }
    }

    /// Puts open problems of the district on the agenda, after those already there. A problem
    /// already on it, solved, or raised after the cut-off is refused, named.
    public func addItems(meetingID: UUID, version: Int, problems ids: [UUID], reasons: [UUID: String] = [:], on db: any Database) async throws -> MeetingModel {
        try await db.writeTransaction { tx in
            let m = try await meeting(meetingID, on: tx)
            try await context.update(m, version: version, entity: "meeting", in: tx, before: [String: [UUID]]?.none, change: { m in
                // The agenda is what the meeting discussed: it closes once the meeting is over.
                if m.heldOn < context.today {
                    throw ProjectItemContext.Failure.invalid(field: "meeting", Message(zh: "会议已于 \(m.heldOn) 召开，议题不能再增加", en: "The meeting was held on \(m.heldOn); its agenda is closed"))
                }
                let existing = try await MeetingItemModel.query(on: tx).filter(\.$meetingID == meetingID).all()
                var position = existing.map(\.position).max() ?? 0
                var problems: [FieldProblem] = []
                for id in ids {
                    guard let p = try await ProblemModel.query(on: tx).filter(\.$id == id).filter(\.$districtID == context.districtID).first() else {
                        problems.append(FieldProblem("problems", Message(zh: "问题 \(id) 不存在", en: "No problem \(id)")))
                        continue
                    }
                    if existing.contains(where: { $0.problemID == id }) {
                        problems.append(FieldProblem("problems", Message(zh: "“\(p.title)”已在议题中", en: "“\(p.title)” is on the agenda already")))
                    } else if !(ProblemStatus(rawValue: p.status)?.isOpen ?? false) {
                        problems.append(FieldProblem("problems", Message(zh: "“\(p.title)”已\(p.status)", en: "“\(p.title)” is solved")))
                    } else if p.raisedOn > m.cutoffOn {
                        problems.append(FieldProblem("problems", Message(zh: "“\(p.title)”提出于议题截止日 \(m.cutoffOn) 之后", en: "“\(p.title)” was raised after the cut-off, \(m.cutoffOn)")))
                    } else {
                        position += 1
                        let item = MeetingItemModel()
                        item.id = UUID(); item.meetingID = meetingID; item.problemID = id; item.position = position; item.reason = reasons[id] ?? "chosen"
                        try await item.create(on: tx)
                    }
                }
                guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
            }, after: { _ in ["added": ids] }, summary: { "\($0.title) 增加议题 \(ids.count) 项" })
            return m
        }
    }

    public func removeItem(meetingID: UUID, version: Int, problem id: UUID, on db: any Database) async throws -> MeetingModel {
        try await db.writeTransaction { tx in
            let m = try await meeting(meetingID, on: tx)
            try await context.update(m, version: version, entity: "meeting", in: tx, before: ["problem": id], change: { _ in
                guard try await MeetingItemModel.query(on: tx).filter(\.$meetingID == meetingID).filter(\.$problemID == id).first() != nil else {
                    throw ProjectItemContext.Failure.invalid(field: "problem", Message(zh: "该问题不在议题中", en: "The problem is not on the agenda"))
                }
                try await MeetingItemModel.query(on: tx).filter(\.$meetingID == meetingID).filter(\.$problemID == id).delete()
            }, after: { _ in [String: UUID]?.none }, summary: { "\($0.title) 移除议题" })
            return m
        }
    }

    /// 会议纪要: only once the meeting has been held.
    public func recordMinutes(meetingID: UUID, version: Int, minutes: String, on db: any Database) async throws -> MeetingModel {
        try await db.writeTransaction { tx in
            let m = try await meeting(meetingID, on: tx)
            try await context.update(m, version: version, entity: "meeting", in: tx, before: m.minutes.map { ["minutes": $0] },
                                     change: { m in try held(m); m.minutes = minutes.trimmed.nilIfEmpty },
                                     after: { $0.minutes.map { ["minutes": $0] } }, summary: { "\($0.title) 会议纪要" })
            return m
        }
    }

    /// 会议议定事项: a decision of a held meeting, assigned as recorded (owner, deadline), and the
    /// district's problems it addresses.
    public func recordDecision(meetingID: UUID, title: String, description: String, assignment: ProblemEditor.Assignment,
                               addresses ids: [UUID], on db: any Database) async throws -> ProblemModel {
        try await db.writeTransaction { tx in
            let m = try await meeting(meetingID, on: tx)
            try held(m)
            for id in ids where try await ProblemModel.query(on: tx).filter(\.$id == id).filter(\.$districtID == context.districtID).first() == nil {
                throw ProjectItemContext.Failure.invalid(field: "problems", Message(zh: "问题 \(id) 不存在", en: "No problem \(id)"))
            }
            let editor = ProblemEditor(context: context, supervisor: true)
            let decision = try await editor.raise(.init(kind: .decision, meetingID: meetingID, category: "", title: title, description: description,
                                                        assignment: assignment), on: tx)
            for id in Set(ids) {
                let link = DecisionProblemModel()
                link.id = UUID(); link.decisionID = try decision.requireID(); link.problemID = id
                try await link.create(on: tx)
            }
            return decision
        }
    }

    func held(_ m: MeetingModel) throws {
        if m.heldOn > context.today {
            throw ProjectItemContext.Failure.invalid(field: "meeting", Message(zh: "会议定于 \(m.heldOn) 召开，尚未举行", en: "The meeting is on \(m.heldOn); it has not been held yet"))
        }
    }

    public func meeting(_ id: UUID, on db: any Database) async throws -> MeetingModel {
        guard let m = try await MeetingModel.query(on: db).filter(\.$id == id).filter(\.$districtID == context.districtID).first() else {
            throw Self.notFound
        }
        return m
    }
}
