import BallastCore
import Fluent
import Foundation

/// 领导批示: a 区领导 gives an instruction on a project, a problem (or decision) or a document,
/// addressed to units, with an optional deadline (none: the answer clock's resolution day). It
/// is a problem of kind `instruction`, assigned as it is given, so the units answer it as they
/// answer a meeting's decision (签收, 反馈, 办结), the nightly job chases it when late (催办单),
/// and the leader who gave it closes or reopens it. The first unit named leads; the others assist.
public struct InstructionEditor: Sendable {
    public var context: ProjectItemContext
    /// The giver's 分包领导 name (the account's link to the district's leader list); nil for an
    /// account that is not a linked leader, which may not give one.
    public var leader: String?
    /// 项目办 and 督查室: may move a 批示's deadline, as for any problem.
    public var supervisor: Bool

    public init(context: ProjectItemContext, leader: String?, supervisor: Bool) {
        self.context = context; self.leader = leader; self.supervisor = supervisor
    }

    public struct Give: Sendable, Equatable {
        public var subject: Instruction.Subject
        public var text: String
        /// Lead unit first.
        public var units: [String]
        public var deadline: CalendarDate?

        public init(subject: Instruction.Subject, text: String, units: [String], deadline: CalendarDate?) {
            self.subject = subject; self.text = text; self.units = units; self.deadline = deadline
        }
    }

    static let notFound = ProjectItemContext.Failure.notFound(Message(zh: "批示不存在", en: "No such instruction"))

    public func give(_ g: Give, on db: any Database) async throws -> ProblemModel {
        guard let leader = leader?.trimmed, !leader.isEmpty else {
            throw ProjectItemContext.Failure.refused([FieldProblem("leader", Message(
                zh: "只有关联了分包领导的区领导账号可以批示（请系统管理员在用户管理中关联）",
                en: "Only a district leader's account linked to the leader list gives instructions (ask the administrator to link it)"))])
        }
        let units = g.units.map(\.trimmed).filter { !$0.isEmpty }
        var problems = Instruction.check(text: g.text, units: units, deadline: g.deadline, today: context.today)
        // What it is given on, by the one rule the form reads too (`InstructionSubject`).
        let found = try await InstructionSubject.find(g.subject, districtID: context.districtID, on: db)
        if found == nil { problems.append(InstructionSubject.missing(g.subject)) }
        guard problems.isEmpty, let lead = units.first else { throw ProjectItemContext.Failure.refused(problems) }
        var raise = ProblemEditor.Raise(kind: .instruction, projectID: found?.projectID, category: "", title: Instruction.title(of: g.text),
                                        description: g.text.trimmed,
                                        assignment: .init(leadUnit: lead, assistingUnits: Array(units.dropFirst()), leader: leader, deadline: g.deadline))
        if case .problem(let id) = g.subject { raise.subjectProblemID = id }
        if case .document(let id) = g.subject { raise.subjectDocumentID = id }
        return try await ProblemEditor(context: context, supervisor: supervisor).raise(raise, on: db)
    }

    /// One step on a 批示 (the problem's rules decide who may take it); another kind of item is
    /// not found here, so this route reaches only instructions.
    public func act(id: UUID, version: Int, _ action: ProblemAction, note: String?, deadline: CalendarDate? = nil,
                    on db: any Database) async throws -> ProblemModel {
        guard try await ProblemModel.query(on: db).filter(\.$id == id).filter(\.$districtID == context.districtID)
            .filter(\.$kind == ProblemKind.instruction.rawValue).first() != nil else { throw Self.notFound }
        return try await ProblemEditor(context: context, supervisor: supervisor).act(id: id, version: version, action, note: note,
                                                                                     deadline: deadline, on: db)
    }
}
