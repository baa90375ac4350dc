import BallastCore
import Fluent
import Foundation

/// Problems with a history already lived (the demo district's 2022 and 2023): each step is
/// applied by the same rule the editor uses, so statuses, dates and deadlines come out as if
/// the steps had been taken one by one, and the rows are written in bulk.
public struct ProblemSeed: Sendable {
    public struct Step: Sendable {
        public var action: ProblemAction
        public var on: CalendarDate
        public var actor: String
        public var note: String?
        /// For `assign` and `deadline`: the deadline it sets.
        public var deadline: CalendarDate?

        public init(_ action: ProblemAction, on: CalendarDate, by actor: String, note: String? = nil, deadline: CalendarDate? = nil) {
            self.action = action; self.on = on; self.actor = actor; self.note = note; self.deadline = deadline
        }
    }

    public var id = UUID()
    public var kind: ProblemKind = .problem
    public var projectID: UUID?
    public var meetingID: UUID?
    /// A 批示 given on a problem or a decision.
    public var subjectProblemID: UUID?
    public var category: String
    public var title: String
    public var description: String
    public var major = false
    public var raisedBy: String
    public var raisedByUnitID: UUID?
    public var raisedOn: CalendarDate
    public var leadUnitID: UUID?
    public var assisting: [UUID] = []
    public var leader: String?
    public var path: String?
    public var steps: [Step] = []

    public init(projectID: UUID?, category: String, title: String, description: String, raisedBy: String, raisedOn: CalendarDate) {
        self.projectID = projectID; self.category = category; self.title = title; self.description = description
        self.raisedBy = raisedBy; self.raisedOn = raisedOn
    }

    public static func insert(_ seeds: [ProblemSeed], districtID: UUID, on db: any Database) async throws {
        var problems: [ProblemModel] = [], steps: [ProblemStepModel] = [], assists: [ProblemAssistModel] = []
        for s in seeds {
            let p = ProblemModel()
            p.id = s.id; p.districtID = districtID; p.kind = s.kind.rawValue; p.projectID = s.projectID; p.meetingID = s.meetingID
            p.subjectProblemID = s.subjectProblemID
            p.category = s.category; p.title = s.title; p.description = s.description; p.major = s.major; p.raisedBy = s.raisedBy
            p.raisedByUnitID = s.raisedByUnitID; p.raisedOn = s.raisedOn; p.status = ProblemStatus.raised.rawValue; p.version = 1
            var seq = 0
            func step(_ action: String, _ on: CalendarDate, _ actor: String, _ note: String?) {
                seq += 1
                let m = ProblemStepModel()
                m.id = UUID(); m.problemID = s.id; m.seq = seq; m.action = action
                m.status = p.status; m.deadline = p.deadline; m.effectiveOn = on; m.actor = actor; m.note = note
                steps.append(m)
            }
            step("raise", s.raisedOn, s.raisedBy, nil)
            // In the order they happened (same-day steps as given), as the editor would have met them.
            let ordered = s.steps.enumerated().sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }.map(\.element)
            for st in ordered {
                let status = ProblemStatus(rawValue: p.status) ?? .raised
                p.status = ProblemRules.next(st.action, from: status).rawValue
                switch st.action {
                case .assign:
                    p.leadUnitID = s.leadUnitID; p.leader = s.leader; p.path = s.path
                    if p.assignedOn == nil { p.assignedOn = st.on }
                    p.deadline = st.deadline ?? p.deadline
                    if p.originalDeadline == nil { p.originalDeadline = p.deadline }
                case .acknowledge: p.acknowledgedOn = st.on
                case .feedback:
                    if p.acknowledgedOn == nil { p.acknowledgedOn = st.on }
                    if p.firstFeedbackOn == nil { p.firstFeedbackOn = st.on }
                case .resolve:
                    if p.acknowledgedOn == nil { p.acknowledgedOn = st.on }
                    p.resolvedOn = st.on
                case .close: p.closedOn = st.on
                case .reopen: p.resolvedOn = nil; p.closedOn = nil
                case .deadline: p.deadline = st.deadline
                case .comment: break
                }
                p.version += 1
                step(st.action.rawValue, st.on, st.actor, st.action == .assign ? s.path : st.note)
            }
            problems.append(p)
            for unit in s.assisting {
                let a = ProblemAssistModel()
                a.id = UUID(); a.problemID = s.id; a.unitID = unit
                assists.append(a)
            }
        }
        try await BulkInsert.insert(problems, on: db)
        try await BulkInsert.insert(steps, on: db)
        try await BulkInsert.insert(assists, on: db)
    }
}

extension ProblemModel: BulkInsertable {
    static let columns = ["id", "district_id", "kind", "project_id", "enterprise_id", "meeting_id", "category", "title", "description", "major",
                          "raised_by", "raised_by_unit_id", "raised_on", "lead_unit_id", "leader", "path", "deadline", "original_deadline", "status",
                          "assigned_on", "acknowledged_on", "first_feedback_on", "resolved_on", "closed_on", "version", "created_at", "updated_at",
                          "subject_problem_id", "subject_document_id"]
    var row: [any Encodable & Sendable] {
        let now = Date()
        return [id, districtID, kind, projectID, enterpriseID, meetingID, category, title, description, major, raisedBy, raisedByUnitID, raisedOn,
                leadUnitID, leader, path, deadline, originalDeadline, status, assignedOn, acknowledgedOn, firstFeedbackOn, resolvedOn, closedOn,
                version, now, now, subjectProblemID, subjectDocumentID]
    }
}

extension ProblemStepModel: BulkInsertable {
    static let columns = ["id", "problem_id", "seq", "action", "status", "deadline", "effective_on", "actor", "note", "created_at"]
    var row: [any Encodable & Sendable] { [id, problemID, seq, action, status, deadline, effectiveOn, actor, note, Date()] }
}

extension ProblemAssistModel: BulkInsertable {
    static let columns = ["id", "problem_id", "unit_id"]
    var row: [any Encodable & Sendable] { [id, problemID, unitID] }
}
