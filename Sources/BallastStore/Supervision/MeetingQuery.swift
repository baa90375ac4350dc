import BallastCore
import Fluent
import Foundation
import SQLKit

/// Meetings as the office works them: the list with how their decisions stand, one meeting's
/// agenda and decisions, the problems the rule suggests for it, and its printed packet.
public enum MeetingQuery {
    public struct Row: Sendable, Equatable {
        public var id: UUID
        public var kind: String
        public var title: String
        public var heldOn: CalendarDate
        public var cutoffOn: CalendarDate
        public var agenda: Int
        public var decisions: Int
        public var decisionsSolved: Int
        public var decisionsOverdue: Int
    }

    /// Newest first.
    public static func list(districtID: UUID, today: CalendarDate, on db: any Database) async throws -> [Row] {
        let sql = try db.sql()
        return try await sql.raw("""
            SELECT m.id, m.kind, m.title, m.held_on, m.cutoff_on,
                   (SELECT COUNT(*) FROM meeting_items i WHERE i.meeting_id = m.id) AS agenda,
                   (SELECT COUNT(*) FROM problems d WHERE d.meeting_id = m.id) AS decisions,
                   (SELECT COUNT(*) FROM problems d WHERE d.meeting_id = m.id AND d.status IN (\(binds: ProblemQuery.solvedStatuses))) AS solved,
                   (SELECT COUNT(*) FROM problems d WHERE d.meeting_id = m.id AND
            """ + ProblemQuery.overdue(status: "d.status", deadline: "d.deadline", on: today) + """
            ) AS overdue
            FROM meetings m WHERE m.district_id = \(bind: districtID) ORDER BY m.held_on DESC, m.created_at DESC
            """).all().map { r in
            Row(id: try r.decode(column: "id", as: UUID.self), kind: try r.decode(column: "kind", as: String.self),
                title: try r.decode(column: "title", as: String.self), heldOn: try r.decode(column: "held_on", as: CalendarDate.self),
                cutoffOn: try r.decode(column: "cutoff_on", as: CalendarDate.self), agenda: try r.decode(column: "agenda", as: Int.self),
                decisions: try r.decode(column: "decisions", as: Int.self), decisionsSolved: try r.decode(column: "solved", as: Int.self),
                decisionsOverdue: try r.decode(column: "overdue", as: Int.self))
        }
    }

    /// The last meeting held by `today`: "what did it decide and what is done".
    public static func latestHeld(districtID: UUID, today: CalendarDate, on db: any Database) async throws -> MeetingModel? {
        try await MeetingModel.query(on: db).filter(\.$districtID == districtID).filter(\.$heldOn <= today)
            .sort(\.$heldOn, .descending).sort(\.$createdAt, .descending).first()
    }

    /// A meeting's own fields, as its page and packet show them.
    public struct Meeting: Sendable, Hashable {
        public var id: UUID
        public var kind: String
        public var title: String
        public var heldOn: CalendarDate
        public var cutoffOn: CalendarDate
        public var chairedBy: String?
        public var minutes: String?
        public var version: Int
        public var idString: String { id.uuidString }

        public init(_ m: MeetingModel) {
            id = m.id ?? UUID(); kind = m.kind; title = m.title; heldOn = m.heldOn; cutoffOn = m.cutoffOn
            chairedBy = m.chairedBy; minutes = m.minutes; version = m.version
        }
    }

    public struct Detail: Sendable {
        public var meeting: Meeting
        /// The agenda, in order, each with why it is there.
        public var agenda: [(row: ProblemQuery.Row, reason: String)]
        public var decisions: [ProblemQuery.Row]
        /// Decision id → the titles of the problems it addresses.
        public var addresses: [UUID: [String]]
    }

    /// A unit (`scopeUnitID`) sees the agenda items and decisions it has a part in.
    public static func detail(_ m: MeetingModel, today: CalendarDate, scopeUnitID: UUID? = nil, on db: any Database) async throws -> Detail {
        let id = try m.requireID()
        let items = try await MeetingItemModel.query(on: db).filter(\.$meetingID == id).sort(\.$position).all()
        let rows = try await ProblemQuery.list(districtID: m.districtID, filter: .init(status: .all, ids: items.map(\.problemID)), today: today,
                                               scopeUnitID: scopeUnitID, limit: 1000, on: db).rows
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        let agenda = items.compactMap { i in byID[i.problemID].map { ($0, i.reason) } }
        let decisions = try await ProblemQuery.list(districtID: m.districtID, filter: .init(status: .all, kind: .decision, meetingID: id), today: today,
                                                    scopeUnitID: scopeUnitID, limit: 1000, on: db).rows
        let sql = try db.sql()
        var addresses: [UUID: [String]] = [:]
        if !decisions.isEmpty {
            for r in try await sql.raw("""
                SELECT l.decision_id, p.title FROM decision_problems l JOIN problems p ON p.id = l.problem_id
                WHERE l.decision_id IN (\(binds: decisions.map(\.id))) ORDER BY p.title
                """).all() {
                addresses[try r.decode(column: "decision_id", as: UUID.self), default: []].append(try r.decode(column: "title", as: String.self))
            }
        }
        return Detail(meeting: Meeting(m), agenda: agenda, decisions: decisions.sorted { $0.raisedOn == $1.raisedOn ? $0.title < $1.title : $0.raisedOn < $1.raisedOn },
                      addresses: addresses)
    }

    public struct Suggestion: Sendable {
        public var row: ProblemQuery.Row
        public var reasons: [AgendaRule.Reason]
        /// What the project is short of, in words (with `.elements`).
        public var shortfalls: [Message] = []
    }

    /// The open problems the rule offers for this meeting's agenda.
    public static func suggestions(_ m: MeetingModel, today: CalendarDate, on db: any Database) async throws -> [Suggestion] {
        let sql = try db.sql()
        let year = m.heldOn.year
        let short = try await ElementsQuery.shortfalls(districtID: m.districtID, asOf: min(m.heldOn, today), on: db)
        let candidates = try await sql.raw("""
            SELECT p.id, p.project_id, p.raised_on, p.category, p.major, ws.colour,
                   CASE WHEN EXISTS (SELECT 1 FROM meeting_items i WHERE i.problem_id = p.id) THEN 1 ELSE 0 END AS listed
            FROM problems p LEFT JOIN warning_states ws ON ws.project_id = p.project_id AND ws.year = \(bind: year)
            WHERE p.district_id = \(bind: m.districtID) AND p.kind = 'problem' AND p.status IN (\(binds: ProblemQuery.openStatuses))
            ORDER BY p.raised_on, p.created_at, p.title
            """).all().map { r in
            AgendaRule.Candidate(id: try r.decode(column: "id", as: UUID.self).uuidString,
                                 raisedOn: try r.decode(column: "raised_on", as: CalendarDate.self),
                                 category: try r.decode(column: "category", as: String.self), major: try r.decode(column: "major", as: Bool.self),
                                 colour: try r.decode(column: "colour", as: String?.self).flatMap(WarningColour.init(rawValue:)),
                                 onAgendaAlready: try r.decode(column: "listed", as: Int.self) != 0,
                                 elementsShort: try r.decode(column: "project_id", as: UUID?.self).map { short[$0] != nil } ?? false)
        }
        let suggested = AgendaRule.suggest(candidates, cutoff: m.cutoffOn)
        let ids = suggested.compactMap { UUID(uuidString: $0.id) }
        let rows = try await ProblemQuery.list(districtID: m.districtID, filter: .init(status: .all, ids: ids), today: today, scopeUnitID: nil,
                                               limit: 1000, on: db).rows
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        return suggested.compactMap { s in
            UUID(uuidString: s.id).flatMap { byID[$0] }.map { row in
                Suggestion(row: row, reasons: s.reasons, shortfalls: row.projectID.flatMap { short[$0] } ?? [])
            }
        }
    }

    /// One page of the meeting packet: the problem and its project's figures and colour.
    public struct PacketPage: Sendable {
        public var problem: ProblemQuery.Detail
        public var total: Money?
        public var annualPlan: Money?
        public var completed: Money?
        public var colour: WarningColour?
        public var reasons: [Message]
    }

    public static func packet(_ m: MeetingModel, today: CalendarDate, on db: any Database) async throws -> [PacketPage] {
        let items = try await MeetingItemModel.query(on: db).filter(\.$meetingID == m.requireID()).sort(\.$position).all()
        let held = m.heldOn
        let asOf = min(held, today)
        let completed = try await CompletedQuery.byProject(districtID: m.districtID, year: asOf.year, throughMonth: asOf.month, on: db)
        var pages: [PacketPage] = []
        for item in items {
            guard let d = try await ProblemQuery.detail(id: item.problemID, districtID: m.districtID, today: today, scopeUnitID: nil, on: db) else { continue }
            var page = PacketPage(problem: d, total: nil, annualPlan: nil, completed: nil, colour: nil, reasons: [])
            if let pid = d.row.projectID, let p = try await ProjectModel.find(pid, on: db) {
                page.total = p.total
                page.annualPlan = try await PlanInForce.annualPlan(projectID: pid, year: asOf.year, on: asOf, db: db)
                page.completed = completed[pid] ?? .zero
                if let ws = try await WarningStateModel.query(on: db).filter(\.$projectID == pid).filter(\.$year == asOf.year).first() {
                    page.colour = WarningColour(rawValue: ws.colour)
                    page.reasons = WarningEngine.reasons(ws.reasons)
                }
            }
            pages.append(page)
        }
        return pages
    }
}
