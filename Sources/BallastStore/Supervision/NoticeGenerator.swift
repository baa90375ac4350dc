import BallastCore
import Fluent
import Foundation
import SQLKit

/// Issues the notices lateness calls for, and escalates the unanswered: run by the scheduler
/// each night, and by the office from the notices page. A problem or decision past its deadline
/// gets a notice unless one still running covers it, and a problem a meeting decision still open
/// addresses is chased through that decision (one lateness, one notice); a unit whose monthly reports are missing
/// after the reporting day gets one notice for the month; a notice unacknowledged past its
/// days goes up to the unit's leader.
public enum NoticeGenerator {
    public struct Outcome: Sendable, Equatable {
        public var issued: [String]
        public var escalated: [String]
    }

    ///
    /// One transaction under the district's notices lock (`DistrictLock`): a second run, on this
    /// instance or another, at the same moment waits and then finds every item chased, so each
    /// late item gets one notice however many runs start (issue 22).
    public static func run(districtID: UUID, today: CalendarDate, actor: ChangeActor = .system, on db: any Database) async throws -> Outcome {
        try await db.writeTransaction { tx in
            try await DistrictLock.take(.notices, districtID: districtID, in: tx)
            let issued = try await issue(districtID: districtID, today: today, actor: actor, in: tx)
            try await remind(districtID: districtID, today: today, on: tx)
            return Outcome(issued: issued, escalated: try await escalate(districtID: districtID, today: today, on: tx))
        }
    }

    /// The nightly job's steps, each in a transaction of its own under the same lock, so one
    /// failing leaves the others done (issue 22).
    public static func issueStep(districtID: UUID, today: CalendarDate, on db: any Database) async throws -> [String] {
        try await db.writeTransaction { tx in
            try await DistrictLock.take(.notices, districtID: districtID, in: tx)
            return try await issue(districtID: districtID, today: today, actor: .system, in: tx)
        }
    }

    public static func remindStep(districtID: UUID, today: CalendarDate, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            try await DistrictLock.take(.notices, districtID: districtID, in: tx)
            try await remind(districtID: districtID, today: today, on: tx)
        }
    }

    public static func escalateStep(districtID: UUID, today: CalendarDate, on db: any Database) async throws -> [String] {
        try await db.writeTransaction { tx in
            try await DistrictLock.take(.notices, districtID: districtID, in: tx)
            return try await escalate(districtID: districtID, today: today, on: tx)
        }
    }

    /// The notices lateness calls for today, under the caller's lock; their numbers.
    static func issue(districtID: UUID, today: CalendarDate, actor: ChangeActor, in db: any Database) async throws -> [String] {
        let editor = NoticeEditor(context: ProjectItemContext(districtID: districtID, actor: actor, today: today, scopeUnitID: nil))
        let sql = try db.sql()
        var issued: [String] = []
        let late = try await sql.raw("""
            SELECT p.id, p.kind, p.title, p.deadline, p.lead_unit_id, pr.code, pr.name AS project FROM problems p
            LEFT JOIN projects pr ON pr.id = p.project_id
            WHERE p.district_id = \(bind: districtID) AND p.status IN (\(binds: ProblemQuery.openStatuses)) AND p.deadline < \(bind: today.iso)
              AND p.lead_unit_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.problem_id = p.id AND n.new_deadline >= \(bind: today.iso))
              AND NOT EXISTS (SELECT 1 FROM decision_problems l JOIN problems d ON d.id = l.decision_id
                              WHERE l.problem_id = p.id AND d.status IN (\(binds: ProblemQuery.openStatuses)))
            ORDER BY p.deadline, p.title
            """).all()
        for r in late {
            let kind = try r.decode(column: "kind", as: String.self)
            let title = try r.decode(column: "title", as: String.self)
            let deadline = try r.decode(column: "deadline", as: CalendarDate.self)
            let project = try r.decode(column: "project", as: String?.self).map { "（\($0)）" } ?? ""
            let what = kind == ProblemKind.decision.rawValue ? "会议议定事项“\(title)”"
                : kind == ProblemKind.instruction.rawValue ? "领导批示“\(title)”\(project)" : "问题“\(title)”\(project)"
            let n = try await editor.issue(.init(unitID: try r.decode(column: "lead_unit_id", as: UUID.self),
                                                 subject: kind == ProblemKind.decision.rawValue ? .decision
                                                    : kind == ProblemKind.instruction.rawValue ? .instruction : .problem,
                                                 problemID: try r.decode(column: "id", as: UUID.self),
                                                 item: "你单位牵头办理的\(what)已超过时间节点 \(deadline) 仍未办结，请抓紧办理并按期反馈。",
                                                 originalDeadline: deadline, automatic: true), in: db)
            issued.append(n.number)
        }
        issued += try await chaseApprovals(districtID: districtID, today: today, editor: editor, in: db)
        for month in 1...today.month {
            let due = ReportingDeadline.dueDate(year: today.year, month: month)
            guard due < today else { continue }
            let key = "report:\(today.year)-\(month < 10 ? "0" : "")\(month)"
            let missing = try await sql.raw("""
                SELECT p.unit_id, COUNT(*) AS n, MIN(p.code) AS first FROM year_plans yp JOIN projects p ON p.id = yp.project_id
                LEFT JOIN monthly_reports r ON r.project_id = p.id AND r.year = \(bind: today.year) AND r.month = \(bind: month)
                     AND
                """ + ReportStanding.inCondition("r") + """
                WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: today.year) AND r.id IS NULL AND
                """ + ReportsOwed.condition(year: today.year, month: month) + """
                  AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.district_id = \(bind: districtID) AND n.unit_id = p.unit_id AND n.subject_key = \(bind: key))
                GROUP BY p.unit_id ORDER BY MIN(p.code)
                """).all()
            for r in missing {
                let count = try r.decode(column: "n", as: Int.self)
                let first = try r.decode(column: "first", as: String.self)
                let n = try await editor.issue(.init(unitID: try r.decode(column: "unit_id", as: UUID.self), subject: .report, subjectKey: key,
                                                     item: "你单位 \(today.year) 年 \(month) 月有 \(count) 个项目（\(first)\(count > 1 ? " 等" : "")）未在 \(due.iso) 前报送月度进度，请即报送。",
                                                     originalDeadline: due, automatic: true), in: db)
                issued.append(n.number)
            }
        }
        return issued
    }

    /// 前期手续 steps past their due day (`ApprovalClock`, by the kept due day) whose department
    /// is a unit of the district: one notice a step, chased again once that notice's own
    /// deadline has passed (as a problem is).
    static func chaseApprovals(districtID: UUID, today: CalendarDate, editor: NoticeEditor, in db: any Database) async throws -> [String] {
        let sql = try db.sql()
        let late = try await sql.raw("""
            SELECT a.id, a.name, a.due_on, u.id AS unit_id, p.name AS project FROM approval_items a
            JOIN projects p ON p.id = a.project_id
            JOIN reference_entries u ON u.district_id = a.district_id AND u.kind = \(bind: ReferenceKind.unit.rawValue) AND u.name = a.department
            WHERE a.district_id = \(bind: districtID) AND a.actual IS NULL AND a.due_on < \(bind: today.iso)
              AND a.applied_on IS NOT NULL AND a.applied_on <= \(bind: today.iso)
            ORDER BY a.due_on, p.name LIMIT 500
            """).all()
        guard !late.isEmpty else { return [] }
        let running = Set(try await NoticeModel.query(on: db).filter(\.$districtID == districtID)
            .filter(\.$subject == NoticeEditor.Subject.approval.rawValue).filter(\.$newDeadline >= today).all().compactMap(\.subjectKey))
        var issued: [String] = []
        for r in late {
            let key = "approval:\(try r.decode(column: "id", as: UUID.self).uuidString)"
            guard !running.contains(key) else { continue }
            let due = try r.decode(column: "due_on", as: CalendarDate.self)
            let n = try await editor.issue(.init(unitID: try r.decode(column: "unit_id", as: UUID.self), subject: .approval, subjectKey: key,
                                                 item: "你单位承办的“\(try r.decode(column: "project", as: String.self))”\(try r.decode(column: "name", as: String.self))审批事项已超过承诺时限（应于 \(due.iso) 办结）仍未批复，请抓紧办理。",
                                                 originalDeadline: due, automatic: true), in: db)
            issued.append(n.number)
        }
        return issued
    }

    /// The inbox's daily reminders: a problem or decision due tomorrow (to its units), and one
    /// that went overdue yesterday (to its units and whoever raised it). Each is sent once.
    static func remind(districtID: UUID, today: CalendarDate, on db: any Database) async throws {
        let sql = try db.sql()
        for (kind, day) in [(NotificationKind.dueTomorrow, today.adding(days: 1)), (.overdue, today.adding(days: -1))] {
            for r in try await sql.raw("""
                SELECT p.id, p.title, p.lead_unit_id, p.raised_by FROM problems p
                WHERE p.district_id = \(bind: districtID) AND p.status IN (\(binds: ProblemQuery.openStatuses)) AND p.deadline = \(bind: day.iso)
                  AND p.lead_unit_id IS NOT NULL
                """).all() {
                let id = try r.decode(column: "id", as: UUID.self)
                let title = try r.decode(column: "title", as: String.self)
                try await Notifier.send(.init(districtID: districtID, kind: kind,
                                              title: kind == .dueTomorrow ? "\(title) 明天（\(day.iso)）到期" : "\(title) 已超过时间节点 \(day.iso)",
                                              link: Site.problem.link(id), units: [try r.decode(column: "lead_unit_id", as: UUID.self)],
                                              usernames: kind == .overdue ? [try r.decode(column: "raised_by", as: String.self)] : [],
                                              dedupeKey: "\(kind.rawValue):\(id):\(day.iso)"), on: db)
            }
        }
    }

    /// Marks every notice unacknowledged past its days as escalated today; the numbers escalated.
    static func escalate(districtID: UUID, today: CalendarDate, on db: any Database) async throws -> [String] {
        let settings = try await SupervisionSettings.load(districtID: districtID, on: db)
        var out: [String] = []
        for n in try await NoticeModel.query(on: db).filter(\.$districtID == districtID).filter(\.$acknowledgedOn == nil)
            .filter(\.$escalatedOn == nil).sort(\.$seq).all() {
            guard NoticeRule.isDueForEscalation(issuedOn: n.issuedOn, acknowledged: false, escalated: false, today: today, calendar: settings.calendar) else { continue }
            n.escalatedOn = today
            try await n.update(on: db)
            try await Notifier.send(.init(districtID: districtID, kind: .escalated, title: "\(n.number) 逾期未签收：\(String(n.item.prefix(60)))",
                                          link: Site.notice.link(n.idString), leadersOf: [n.unitID]), on: db)
            out.append(n.number)
        }
        return out
    }
}
