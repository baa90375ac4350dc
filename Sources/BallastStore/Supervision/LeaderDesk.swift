import BallastCore
import Fluent
import Foundation
import SQLKit

/// 领导分包: what a 区领导 reads first (我联系的项目) and the figures per leader. A leader's
/// projects are the year's portfolio projects whose 分包领导 is the leader (`LeaderProjects`);
/// their 批示 are the instructions given under that name.
public enum LeaderDesk {
    /// One of the leader's projects, with what waits on it.
    public struct ProjectLine: Sendable, Equatable {
        public var project: LeaderProjects.Row
        /// Problems and meeting decisions on the project still open today.
        public var openProblems: Int
        /// Of them, past their deadline.
        public var overdueProblems: Int
        /// This leader's 批示 on the project still open.
        public var openInstructions: Int
    }

    /// Something that happened on the leader's projects or 批示 since the last visit.
    public struct Change: Sendable, Equatable {
        public enum Kind: String, Sendable { case colour, step }
        public var kind: Kind
        public var on: CalendarDate
        public var projectID: UUID?
        public var projectName: String?
        /// The problem or 批示 a step was taken on.
        public var problemID: UUID?
        public var what: Message
    }

    public struct View: Sendable {
        public var leader: String
        public var year: Int
        public var day: CalendarDate
        public var projects: [ProjectLine]
        /// The leader's own 批示 still to close: open, or 已办结 and waiting for 销号.
        public var instructions: [ProblemQuery.Row]
        /// Changes after `since` up to the day, newest first.
        public var since: CalendarDate
        public var changes: [Change]
        public var tally: LeaderTally
    }

    /// At most this many changes are listed.
    public static let maxChanges = 40
    /// A first visit is told the last week.
    public static let firstVisitDays = 7

    /// Records a visit on `today` and returns the day changes are counted from: the visit before
    /// (a week back on the first). One statement, so two tabs opening at once agree.
    public static func visit(userID: UUID, today: CalendarDate, on db: any Database) async throws -> CalendarDate {
        let sql = try db.sql()
        try await sql.raw("""
            UPDATE users SET previous_visit_on = CASE WHEN visited_on = \(bind: today.iso) THEN previous_visit_on ELSE visited_on END,
                             visited_on = \(bind: today.iso) WHERE id = \(bind: userID)
            """).run()
        let previous = try await sql.raw("SELECT previous_visit_on FROM users WHERE id = \(bind: userID)").first()?
            .decode(column: "previous_visit_on", as: CalendarDate?.self)
        return previous.map { min($0, today) } ?? today.adding(days: -firstVisitDays)
    }

    public static func view(districtID: UUID, year: Int, day: CalendarDate, today: CalendarDate, leader: String, username: String,
                            since: CalendarDate, on db: any Database) async throws -> View {
        let sql = try db.sql()
        let rows = try await LeaderProjects.run(districtID: districtID, year: year, day: day, leader: leader, on: db)
        let ids = rows.map(\.id)
        var open: [UUID: (Int, Int)] = [:], mine: [UUID: Int] = [:]
        if !ids.isEmpty {
            for r in try await sql.raw("""
                SELECT p.project_id, p.kind, p.leader, COUNT(*) AS n,
                       SUM(CASE WHEN
                """ + ProblemQuery.overdue(status: "p.status", deadline: "p.deadline", on: today) + """
                 THEN 1 ELSE 0 END) AS late
                FROM problems p WHERE p.district_id = \(bind: districtID) AND p.project_id IN (\(binds: ids))
                  AND p.status IN (\(binds: ProblemQuery.openStatuses))
                GROUP BY p.project_id, p.kind, p.leader
                """).all() {
                let id = try r.decode(column: "project_id", as: UUID.self), n = try r.decode(column: "n", as: Int.self)
                if try r.decode(column: "kind", as: String.self) == ProblemKind.instruction.rawValue {
                    if try r.decode(column: "leader", as: String?.self) == leader { mine[id, default: 0] += n }
                } else {
                    let late = try r.decode(column: "late", as: Int?.self) ?? 0
                    open[id] = ((open[id]?.0 ?? 0) + n, (open[id]?.1 ?? 0) + late)
                }
            }
        }
        let lines = rows.map { ProjectLine(project: $0, openProblems: open[$0.id]?.0 ?? 0, overdueProblems: open[$0.id]?.1 ?? 0,
                                           openInstructions: mine[$0.id] ?? 0) }
        // The leader's 批示 given by the day, as they stood then; what changed, up to the day.
        var filter = ProblemQuery.Filter(status: .all, kind: .instruction)
        filter.leader = leader
        filter.raisedTo = day
        filter.asOf = day
        let waiting = try await ProblemQuery.list(districtID: districtID, filter: filter, today: today, scopeUnitID: nil, limit: 200, on: db)
            .rows.filter { $0.status != .closed }
        let changes = try await changes(districtID: districtID, year: year, projectIDs: ids, leader: leader, username: username,
                                        after: since, through: min(today, day), on: db)
        let tally = try await figures(districtID: districtID, year: year, asOf: day, today: today, leader: leader, on: db).first
            ?? LeaderTally(leader: leader, projects: 0, lit: 0, given: 0, done: 0, onTime: 0, overdue: 0)
        return View(leader: leader, year: year, day: day, projects: lines, instructions: waiting, since: since, changes: changes, tally: tally)
    }

    /// Colours that changed on the leader's projects, and steps others took on their problems and
    /// on the leader's 批示, after `after` and by `through`.
    static func changes(districtID: UUID, year: Int, projectIDs: [UUID], leader: String, username: String,
                        after: CalendarDate, through: CalendarDate, on db: any Database) async throws -> [Change] {
        let sql = try db.sql()
        let people = try await People.load(districtID: districtID, on: db)
        var out: [Change] = []
        if !projectIDs.isEmpty {
            for r in try await sql.raw("""
                SELECT c.project_id, p.name, c.from_colour, c.to_colour, c.on_date FROM warning_changes c JOIN projects p ON p.id = c.project_id
                WHERE c.district_id = \(bind: districtID) AND c.year = \(bind: year) AND c.project_id IN (\(binds: projectIDs))
                  AND c.on_date > \(bind: after.iso) AND c.on_date <= \(bind: through.iso)
                ORDER BY c.on_date DESC LIMIT \(literal: maxChanges)
                """).all() {
                let to = WarningColour(rawValue: try r.decode(column: "to_colour", as: String.self)) ?? .green
                let from = try r.decode(column: "from_colour", as: String?.self).flatMap(WarningColour.init(rawValue:))
                let zh = from.map { "由\($0.chineseName)灯转为\(to.chineseName)灯" } ?? "亮\(to.chineseName)灯"
                let en = from.map { "turned \(to.rawValue) from \($0.rawValue)" } ?? "lit \(to.rawValue)"
                out.append(Change(kind: .colour, on: try r.decode(column: "on_date", as: CalendarDate.self),
                                  projectID: try r.decode(column: "project_id", as: UUID.self), projectName: try r.decode(column: "name", as: String.self),
                                  problemID: nil, what: Message(zh: zh, en: en)))
            }
        }
        let onProjects: SQLQueryString = projectIDs.isEmpty ? "1 = 0" : "p.project_id IN (\(binds: projectIDs))"
        for r in try await sql.raw("""
            SELECT s.problem_id, s.action, s.effective_on, s.actor, s.note, p.kind, p.title, p.project_id, pr.name AS project
            FROM problem_steps s JOIN problems p ON p.id = s.problem_id LEFT JOIN projects pr ON pr.id = p.project_id
            WHERE p.district_id = \(bind: districtID) AND s.effective_on > \(bind: after.iso) AND s.effective_on <= \(bind: through.iso)
              AND s.actor <> \(bind: username)
              AND (
            """ + onProjects + """
             OR (p.kind = \(bind: ProblemKind.instruction.rawValue) AND p.leader = \(bind: leader)))
            ORDER BY s.effective_on DESC, s.seq DESC LIMIT \(literal: maxChanges)
            """).all() {
            let kind = ProblemKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .problem
            let raw = try r.decode(column: "action", as: String.self)
            let action = ProblemAction(rawValue: raw)
            let title = try r.decode(column: "title", as: String.self)
            let actor = try r.decode(column: "actor", as: String.self)
            let verb = action.map { ($0.chineseName, $0.englishName.lowercased()) } ?? ("提出", "raised")
            out.append(Change(kind: .step, on: try r.decode(column: "effective_on", as: CalendarDate.self),
                              projectID: try r.decode(column: "project_id", as: UUID?.self), projectName: try r.decode(column: "project", as: String?.self),
                              problemID: try r.decode(column: "problem_id", as: UUID.self),
                              what: Message(zh: "\(kind.noun.zh)“\(title)”：\(people.name(actor, .zh)) \(verb.0)",
                                            en: "\(kind.noun.en) “\(title)”: \(verb.1) by \(people.name(actor, .en))")))
        }
        return Array(out.sorted { $0.on > $1.on }.prefix(maxChanges))
    }

    /// Per leader on the district's list (or the one named): projects and lit projects on `asOf`,
    /// and the 批示 given in the year by then with how many were done and on time (as
    /// `ProblemFigures` counts any item on a day).
    public static func figures(districtID: UUID, year: Int, asOf: CalendarDate, today: CalendarDate, leader: String? = nil,
                               on db: any Database) async throws -> [LeaderTally] {
        let sql = try db.sql()
        var names = try await ReferenceLists.names(districtID: districtID, kind: .leader, on: db)
        if let leader { names = names.filter { $0 == leader } }
        guard !names.isEmpty else { return [] }
        var projects: [String: [UUID]] = [:]
        for r in try await sql.raw("""
            SELECT p.id, l.name FROM year_plans yp JOIN projects p ON p.id = yp.project_id JOIN reference_entries l ON l.id = p.leader_id
            WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: year) AND l.name IN (\(binds: names)) AND
            """ + Portfolio.on(asOf) + "").all() {
            projects[try r.decode(column: "name", as: String.self), default: []].append(try r.decode(column: "id", as: UUID.self))
        }
        // One leader's figures read that leader's projects' colours only.
        let lights = try await ColourAsOf.resolve(districtID: districtID, year: year, on: asOf, db: db)
            .warnings(scopeUnitID: nil, projects: leader.map { projects[$0] ?? [] }, on: db)
        let lit = Set(lights.filter { $0.outcome.colour == .red || $0.outcome.colour == .yellow }.map(\.projectID))
        let start = CalendarDate.clamped(year: year, month: 1, day: 1), end = CalendarDate.clamped(year: year, month: 12, day: 31)
        let lines = try await ProblemFigures.run(districtID: districtID, from: start, to: end, asOf: asOf, by: .leader, kind: .instruction,
                                                 scopeUnitID: nil, today: today, on: db)
        let byLeader = Dictionary(lines.map { ($0.group, $0.tally) }, uniquingKeysWith: { a, _ in a })
        return names.map { name in
            let ids = projects[name] ?? [], t = byLeader[name]
            return LeaderTally(leader: name, projects: ids.count, lit: ids.filter(lit.contains).count, given: t?.raised ?? 0,
                               done: t?.solved ?? 0, onTime: t?.onTime ?? 0, overdue: t?.overdue ?? 0)
        }
    }
}
