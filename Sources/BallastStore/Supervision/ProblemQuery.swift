import BallastCore
import Fluent
import Foundation
import SQLKit

/// Problems and decisions as the ledger and a problem's page show them: with the project's or
/// enterprise's name, the units' names, and overdue derived from the deadline.
public enum ProblemQuery {
    public struct Row: Sendable, Equatable {
        public var id: UUID
        public var kind: ProblemKind
        public var title: String
        public var category: String
        public var major: Bool
        public var projectID: UUID?
        public var projectCode: String?
        public var projectName: String?
        public var enterpriseID: UUID?
        public var enterprise: String?
        public var meetingID: UUID?
        public var leadUnit: String?
        public var leader: String?
        public var status: ProblemStatus
        public var raisedBy: String
        public var raisedOn: CalendarDate
        public var deadline: CalendarDate?
        public var originalDeadline: CalendarDate?
        public var resolvedOn: CalendarDate?
        public var overdue: Bool
        public var version: Int
        /// A 批示's subject when it is a problem or a document: its id and title.
        public var subjectProblemID: UUID? = nil
        public var subjectDocumentID: UUID? = nil
        public var subjectTitle: String? = nil
        /// The subject document's kind (`DocumentKind`): a 督查通报 has a page of its own.
        public var subjectDocumentKind: String? = nil
    }

    public enum StatusFilter: String, Sendable, CaseIterable {
        case open, overdue, solved, all
    }

    public struct Filter: Sendable {
        public var status: StatusFilter
        public var kind: ProblemKind?
        public var category: String?
        public var leadUnitID: UUID?
        public var projectID: UUID?
        public var enterpriseID: UUID?
        public var meetingID: UUID?
        public var text: String?
        /// 批示 of this leader (the 分包领导 name they carry).
        public var leader: String?
        /// Exactly these (a meeting's agenda, a decision's problems).
        public var ids: [UUID]?
        /// Raised between these days: the problem ledger's period, so its list holds what its
        /// figures count.
        public var raisedFrom: CalendarDate?
        public var raisedTo: CalendarDate?
        /// The day the status filter and the rows' states are read on: before today, from each
        /// problem's last step by then (`stateOn`), as `ProblemFigures` counts that day.
        public var asOf: CalendarDate?

        public init(status: StatusFilter = .open, kind: ProblemKind? = nil, category: String? = nil, leadUnitID: UUID? = nil,
                    projectID: UUID? = nil, enterpriseID: UUID? = nil, meetingID: UUID? = nil, text: String? = nil, ids: [UUID]? = nil) {
            self.status = status; self.kind = kind; self.category = category; self.leadUnitID = leadUnitID; self.projectID = projectID
            self.enterpriseID = enterpriseID; self.meetingID = meetingID; self.text = text; self.ids = ids
        }
    }

    static let solvedStatuses = ProblemStatus.allCases.filter(\.isSolved).map(\.rawValue)
    static let openStatuses = ProblemStatus.open.map(\.rawValue)

    /// 逾期, the one rule in SQL (`ProblemDeadline.isOverdue` in Swift): open, and the deadline
    /// before the day. Each surface applies it to what it counts (the ledger to the period's
    /// problems, the bulletins to every problem and decision, meetings to their decisions).
    static func overdue(status: SQLQueryString, deadline: SQLQueryString, on day: CalendarDate) -> SQLQueryString {
        "(" + status + " IN (\(binds: openStatuses)) AND " + deadline + " < \(bind: day.iso))"
    }

    /// A problem `p`'s status and deadline on a past day: its last step's by then. One reading
    /// of a past state for the ledger's cards (`ProblemFigures`) and its list.
    static func stateOn(_ day: CalendarDate) -> (status: SQLQueryString, deadline: SQLQueryString) {
        let last: SQLQueryString = "FROM problem_steps s WHERE s.problem_id = p.id AND s.effective_on <= \(bind: day.iso) ORDER BY s.seq DESC LIMIT 1)"
        return ("(SELECT s.status " + last, "(SELECT s.deadline " + last)
    }

    /// The total matching, and one page: open work by deadline (longest overdue first), the rest newest first.
    public static func list(districtID: UUID, filter: Filter, today: CalendarDate, scopeUnitID: UUID?, limit: Int = 100, offset: Int = 0,
                            on db: any Database) async throws -> (total: Int, rows: [Row]) {
        let sql = try db.sql()
        var where_: SQLQueryString = "p.district_id = \(bind: districtID)" + ProblemScope.visible(to: scopeUnitID)
        // Today the problem's own columns are its state; a past day reads its steps.
        let day = min(filter.asOf ?? today, today)
        let past = day < today ? stateOn(day) : nil
        let status = past?.status ?? "p.status", deadline = past?.deadline ?? "p.deadline"
        switch filter.status {
        case .open: where_ += " AND " + status + " IN (\(binds: openStatuses))"
        case .overdue: where_ += " AND " + overdue(status: status, deadline: deadline, on: day)
        case .solved: where_ += " AND " + status + " IN (\(binds: solvedStatuses))"
        case .all: break
        }
        if let k = filter.kind { where_ += " AND p.kind = \(bind: k.rawValue)" }
        if let c = filter.category?.trimmed, !c.isEmpty { where_ += " AND p.category = \(bind: c)" }
        if let u = filter.leadUnitID { where_ += " AND p.lead_unit_id = \(bind: u)" }
        if let x = filter.projectID { where_ += " AND p.project_id = \(bind: x)" }
        if let x = filter.enterpriseID { where_ += " AND p.enterprise_id = \(bind: x)" }
        if let x = filter.meetingID { where_ += " AND p.meeting_id = \(bind: x)" }
        if let x = filter.leader?.trimmed, !x.isEmpty { where_ += " AND p.leader = \(bind: x)" }
        if let ids = filter.ids { where_ += ids.isEmpty ? " AND 1 = 0" : " AND p.id IN (\(binds: ids))" }
        if let d = filter.raisedFrom { where_ += " AND p.raised_on >= \(bind: d.iso)" }
        if let d = filter.raisedTo { where_ += " AND p.raised_on <= \(bind: d.iso)" }
        var joins: SQLQueryString = ""
        if let text = filter.text?.trimmed, !text.isEmpty {
            let like = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            joins = " LEFT JOIN projects pr ON pr.id = p.project_id LEFT JOIN enterprises e ON e.id = p.enterprise_id"
            where_ += " AND (p.title LIKE \(bind: like) OR pr.name LIKE \(bind: like) OR pr.code LIKE \(bind: like) OR e.name LIKE \(bind: like))"
        }
        // Open work by deadline (the overdue come first, the unassigned last); the rest newest first.
        // The page is chosen on the problems alone, then its rows read with their names: over
        // hundreds of thousands of problems, sorting the joined rows cost most of a second.
        let order: SQLQueryString = filter.status == .open || filter.status == .overdue
            ? " ORDER BY CASE WHEN p.deadline IS NULL THEN 1 ELSE 0 END, p.deadline, p.raised_on DESC, p.id"
            : " ORDER BY p.raised_on DESC, p.id"
        let base: SQLQueryString = " FROM problems p" + joins + " WHERE " + where_
        let total = try await sql.raw("SELECT COUNT(*) AS n" + base).first()?.decode(column: "n", as: Int.self) ?? 0
        let ids = try await sql.raw("SELECT p.id" + base + order + " LIMIT \(literal: limit) OFFSET \(literal: offset)").all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return (total, []) }
        let rows = try await sql.raw("""
            SELECT p.id, p.kind, p.title, p.category, p.major, p.project_id, pr.code AS project_code, pr.name AS project_name, p.enterprise_id,
                   e.name AS enterprise, p.meeting_id, u.name AS lead_unit, p.leader,
            """ + status + """
             AS status, p.raised_by, p.raised_on,
            """ + deadline + """
             AS deadline, p.original_deadline, p.resolved_on, p.version,
            """ + subjectColumns + """
            FROM problems p LEFT JOIN projects pr ON pr.id = p.project_id LEFT JOIN enterprises e ON e.id = p.enterprise_id
            LEFT JOIN reference_entries u ON u.id = p.lead_unit_id
            """ + subjectJoins + """
             WHERE p.id IN (\(binds: ids))
            """).all()
        let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "id", as: UUID.self), try row($0, today: day)) })
        return (total, ids.compactMap { byID[$0] })
    }

    /// A 批示's subject, problem or document, read with its title.
    static let subjectColumns: SQLQueryString = " p.subject_problem_id, p.subject_document_id, COALESCE(sp.title, sd.title) AS subject_title, sd.kind AS subject_document_kind "
    static let subjectJoins: SQLQueryString = " LEFT JOIN problems sp ON sp.id = p.subject_problem_id LEFT JOIN documents sd ON sd.id = p.subject_document_id "

    static func row(_ r: any SQLRow, today: CalendarDate) throws -> Row {
        let status = ProblemStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .raised
        let deadline = try r.decode(column: "deadline", as: CalendarDate?.self)
        return Row(id: try r.decode(column: "id", as: UUID.self), kind: ProblemKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .problem,
                   title: try r.decode(column: "title", as: String.self), category: try r.decode(column: "category", as: String.self),
                   major: try r.decode(column: "major", as: Bool.self), projectID: try r.decode(column: "project_id", as: UUID?.self),
                   projectCode: try r.decode(column: "project_code", as: String?.self), projectName: try r.decode(column: "project_name", as: String?.self),
                   enterpriseID: try r.decode(column: "enterprise_id", as: UUID?.self), enterprise: try r.decode(column: "enterprise", as: String?.self),
                   meetingID: try r.decode(column: "meeting_id", as: UUID?.self), leadUnit: try r.decode(column: "lead_unit", as: String?.self),
                   leader: try r.decode(column: "leader", as: String?.self), status: status,
                   raisedBy: try r.decode(column: "raised_by", as: String.self), raisedOn: try r.decode(column: "raised_on", as: CalendarDate.self),
                   deadline: deadline, originalDeadline: try r.decode(column: "original_deadline", as: CalendarDate?.self),
                   resolvedOn: try r.decode(column: "resolved_on", as: CalendarDate?.self),
                   overdue: ProblemDeadline.isOverdue(status: status, deadline: deadline, today: today),
                   version: try r.decode(column: "version", as: Int.self),
                   subjectProblemID: try r.decode(column: "subject_problem_id", as: UUID?.self),
                   subjectDocumentID: try r.decode(column: "subject_document_id", as: UUID?.self),
                   subjectTitle: try r.decode(column: "subject_title", as: String?.self),
                   subjectDocumentKind: try r.decode(column: "subject_document_kind", as: String?.self))
    }

    public struct Step: Sendable, Equatable {
        public var seq: Int
        public var action: String
        public var status: String
        public var deadline: CalendarDate?
        public var on: CalendarDate
        public var actor: String
        public var note: String?
    }

    public struct Detail: Sendable {
        public var row: Row
        public var description: String
        public var path: String?
        public var assistingUnits: [String]
        public var assignedOn: CalendarDate?
        public var steps: [Step]
        public var clocks: [ProblemClock.State]
    }

    public static func detail(id: UUID, districtID: UUID, today: CalendarDate, scopeUnitID: UUID?, on db: any Database) async throws -> Detail? {
        let sql = try db.sql()
        guard let r = try await sql.raw("""
            SELECT p.id, p.kind, p.title, p.category, p.major, p.project_id, pr.code AS project_code, pr.name AS project_name, p.enterprise_id,
                   e.name AS enterprise, p.meeting_id, u.name AS lead_unit, p.leader, p.status, p.raised_by, p.raised_on, p.deadline,
                   p.original_deadline, p.resolved_on, p.version, p.description, p.path, p.assigned_on, p.acknowledged_on, p.first_feedback_on,
            """ + subjectColumns + """
            FROM problems p LEFT JOIN projects pr ON pr.id = p.project_id LEFT JOIN enterprises e ON e.id = p.enterprise_id
            LEFT JOIN reference_entries u ON u.id = p.lead_unit_id
            """ + subjectJoins + """
            WHERE p.id = \(bind: id) AND p.district_id = \(bind: districtID)
            """ + ProblemScope.visible(to: scopeUnitID)).first() else { return nil }
        let row = try row(r, today: today)
        let assisting = try await sql.raw("""
            SELECT u.name FROM problem_assists a JOIN reference_entries u ON u.id = a.unit_id WHERE a.problem_id = \(bind: id) ORDER BY u.name
            """).all().map { try $0.decode(column: "name", as: String.self) }
        let steps = try await ProblemStepModel.query(on: db).filter(\.$problemID == id).sort(\.$seq).all().map {
            Step(seq: $0.seq, action: $0.action, status: $0.status, deadline: $0.deadline, on: $0.effectiveOn, actor: $0.actor, note: $0.note)
        }
        let settings = try await SupervisionSettings.load(districtID: districtID, on: db)
        let day = { (column: String) in try r.decode(column: column, as: String?.self).flatMap(CalendarDate.parse) }
        let clocks = settings.clock.states(assignedOn: try day("assigned_on"), major: row.major, acknowledgedOn: try day("acknowledged_on"),
                                           firstFeedbackOn: try day("first_feedback_on"), resolvedOn: try day("resolved_on"),
                                           today: today, calendar: settings.calendar, deadline: row.deadline)
        return Detail(row: row, description: try r.decode(column: "description", as: String.self), path: try r.decode(column: "path", as: String?.self),
                      assistingUnits: assisting, assignedOn: try r.decode(column: "assigned_on", as: CalendarDate?.self), steps: steps, clocks: clocks)
    }
}
