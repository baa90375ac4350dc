import BallastCore
import Fluent
import Foundation
import SQLKit

/// One thing a user has to do, with where to do it: the 工作台's rows and `GET /api/v1/todo`.
public struct WorkItem: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Monthly reports to fill, or to fix after a return (a unit's).
        case report
        /// Submitted reports to approve or return (the office's).
        case review
        /// Problems and decisions to acknowledge, work on or report done (a unit's), or to assign and close (督查室).
        case problem
        /// 催办单 to acknowledge (a unit's).
        case notice
        /// Drafted documents to issue (the office's and 督查室's).
        case document
        /// Uploaded files previewed and waiting for 确认导入 (the office's).
        case importBatch = "import"
        /// 前期手续 steps applied for at the unit as approving department, due soon or overdue.
        case approval
        /// 观摩: projects to score (a reviewer's), or scoring to close after the tour (the office's).
        case inspection

        public var chineseName: String {
            switch self {
            case .report: "月报填报"; case .review: "月报审核"; case .problem: "问题与议定事项"; case .notice: "催办单签收"; case .document: "文件印发"
            case .importBatch: "待确认的导入"; case .approval: "审批事项"; case .inspection: "观摩讲评"
            }
        }

        public var englishName: String {
            switch self {
            case .report: "Reports to file"; case .review: "Reports to review"; case .problem: "Problems and decisions"
            case .notice: "Notices to acknowledge"; case .document: "Documents to issue"
            case .importBatch: "Imports to confirm"; case .approval: "Approvals to give"; case .inspection: "Inspection tours"
            }
        }
    }

    public var kind: Kind
    public var title: Message
    /// A path on the site, without the language.
    public var url: String
    public var due: CalendarDate?
    public var overdue: Bool
    /// How many records the row stands for (a month's reports of a unit count as one row).
    public var count: Int
}

/// What is due for a user today, from the records themselves (nothing is stored): one function
/// for the 工作台, its API and the header's count. Each kind is the user's by permission and
/// scope: a unit's user sees its own unit's work, the office the district's reviews and drafts,
/// 督查室 the problems waiting to be assigned or closed.
public enum WorkQueue {
    public struct Who: Sendable {
        public var districtID: UUID
        /// The unit a unit's user works for; nil for district-wide roles.
        public var unitID: UUID?
        public var permissions: Set<Permission>
        /// The account, for the work that is its own: a leads or campaign list it uploaded.
        public var username: String?

        public init(districtID: UUID, unitID: UUID?, permissions: Set<Permission>, username: String? = nil) {
            self.districtID = districtID; self.unitID = unitID; self.permissions = permissions; self.username = username
        }
    }

    /// How far ahead a deadline makes a problem due now.
    public static let horizonDays = 7

    /// Overdue first, then by due day.
    public static func items(for who: Who, year: Int, today: CalendarDate, on db: any Database) async throws -> [WorkItem] {
        let sql = try db.sql()
        var out: [WorkItem] = []
        if let unit = who.unitID, who.permissions.contains(.editProjects) {
            out += try await reportsToFile(who.districtID, unit: unit, year: year, today: today, sql: sql)
        }
        if who.permissions.contains(.reviewReports) {
            out += try await reportsToReview(who.districtID, year: year, today: today, sql: sql)
        }
        if let unit = who.unitID, who.permissions.contains(.workProblems) {
            out += try await problemsOfUnit(who.districtID, unit: unit, today: today, sql: sql)
            out += try await noticesOfUnit(who.districtID, unit: unit, today: today, sql: sql)
            out += try await approvalsOfUnit(who.districtID, unit: unit, today: today, sql: sql)
        }
        if who.unitID == nil, who.permissions.contains(.superviseProblems) {
            out += try await problemsToSupervise(who.districtID, today: today, sql: sql)
        }
        if who.permissions.contains(.issueDocuments) || who.permissions.contains(.superviseProblems) {
            out += try await draftsToIssue(who.districtID, bulletins: who.permissions.contains(.superviseProblems),
                                           cadence: who.permissions.contains(.issueDocuments), sql: sql)
        }
        if who.permissions.contains(.importLedger) || who.username != nil {
            out += try await ImportBatches.waiting(districtID: who.districtID, on: db).compactMap { b in
                guard let id = b.id, let kind = ImportBatches.Kind(rawValue: b.kind) else { return nil }
                // The office's files for the office; a list for whoever uploaded it.
                guard kind.isOwnersOnly ? b.createdBy == who.username : who.permissions.contains(.importLedger) else { return nil }
                return WorkItem(kind: .importBatch, title: Message(zh: "确认导入：\(b.fileName)", en: "Confirm the import of \(b.fileName)"),
                                url: Site.importBatch.link(id), due: nil, overdue: false, count: 1)
            }
        }
        out += try await InspectionQuery.work(districtID: who.districtID, username: who.username,
                                              office: who.permissions.contains(.manageProjects), today: today, on: db)
        return out.sorted { a, b in
            if a.overdue != b.overdue { return a.overdue }
            return (a.due ?? .clamped(year: 2999, month: 12, day: 31), a.kind.rawValue) < (b.due ?? .clamped(year: 2999, month: 12, day: 31), b.kind.rawValue)
        }
    }

    /// Items by kind, for the header and the API's `counts` (records, not rows).
    public static func counts(_ items: [WorkItem]) -> [WorkItem.Kind: Int] {
        items.reduce(into: [:]) { $0[$1.kind, default: 0] += $1.count }
    }

    static func monthText(_ year: Int, _ month: Int) -> String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// Each month of the year so far with reports the unit owes and has not in (`ReportsOwed`,
    /// `ReportStanding`): one row a month, and one row a returned report. The unit's projects
    /// lead the join (SQLite keeps a CROSS JOIN's order): every page of a unit's user counts
    /// this for the header, and starting from the district's whole year was 50 ms at 6 000
    /// projects (`ballast bench work`).
    static func reportsToFile(_ districtID: UUID, unit: UUID, year: Int, today: CalendarDate, sql: any SQLDatabase) async throws -> [WorkItem] {
        guard year <= today.year else { return [] }
        let lastMonth = year < today.year ? 12 : today.month
        var out: [WorkItem] = []
        for month in 1...lastMonth {
            let due = ReportingDeadline.dueDate(year: year, month: month)
            let rows = try await sql.raw("""
                SELECT p.code, p.name, r.status FROM projects p CROSS JOIN year_plans yp
                LEFT JOIN monthly_reports r ON r.project_id = p.id AND r.year = \(bind: year) AND r.month = \(bind: month)
                WHERE yp.project_id = p.id AND p.district_id = \(bind: districtID) AND p.unit_id = \(bind: unit)
                  AND yp.district_id = \(bind: districtID) AND yp.year = \(bind: year) AND
                """ + ReportsOwed.condition(year: year, month: month) + " AND (r.id IS NULL OR NOT " + ReportStanding.inCondition("r") + ") ORDER BY p.code").all()
            guard !rows.isEmpty else { continue }
            let url = Site.reports.link(query: ["month": monthText(year, month)])
            var toFill = 0
            for r in rows {
                let status = try r.decode(column: "status", as: String?.self).flatMap(ReportStatus.init(rawValue:))
                if status == .returned {
                    let name = try r.decode(column: "name", as: String.self)
                    out.append(WorkItem(kind: .report, title: Message(zh: "\(month)月月报被退回，请修改后重新报送：\(name)", en: "\(name): the report for \(year)-\(month) was returned; fix and resubmit"),
                                        url: url, due: due, overdue: due < today, count: 1))
                } else {
                    toFill += 1
                }
            }
            if toFill > 0 {
                out.append(WorkItem(kind: .report, title: Message(zh: "\(year)年\(month)月月报：\(toFill) 个项目待填报", en: "\(year)-\(month) reports: \(toFill) project(s) to file"),
                                    url: url, due: due, overdue: due < today, count: toFill))
            }
        }
        return out
    }

    /// Submitted reports waiting for the office, one row a month.
    static func reportsToReview(_ districtID: UUID, year: Int, today: CalendarDate, sql: any SQLDatabase) async throws -> [WorkItem] {
        try await sql.raw("""
            SELECT r.month, COUNT(*) AS n FROM monthly_reports r
            WHERE r.district_id = \(bind: districtID) AND r.year = \(bind: year) AND r.status = \(bind: ReportStatus.submitted.rawValue)
            GROUP BY r.month ORDER BY r.month
            """).all().map { r in
            let month = try r.decode(column: "month", as: Int.self), n = try r.decode(column: "n", as: Int.self)
            return WorkItem(kind: .review, title: Message(zh: "\(year)年\(month)月月报：\(n) 份待审核", en: "\(year)-\(month) reports: \(n) to review"),
                            url: Site.reports.link(query: ["month": monthText(year, month)]), due: nil, overdue: false, count: n)
        }
    }

    /// The unit's problems, decisions and 批示: to acknowledge once assigned; to work on while the
    /// deadline is within a week or past. A 批示 is addressed to every unit it names: one it
    /// assists is the unit's to work on and report, as soon as it is given.
    static func problemsOfUnit(_ districtID: UUID, unit: UUID, today: CalendarDate, sql: any SQLDatabase) async throws -> [WorkItem] {
        let horizon = today.adding(days: horizonDays)
        return try await sql.raw("""
            SELECT p.id, p.kind, p.title, p.status, p.deadline, 0 AS assisting FROM problems p
            WHERE p.district_id = \(bind: districtID) AND p.lead_unit_id = \(bind: unit)
              AND (p.status = \(bind: ProblemStatus.assigned.rawValue)
                   OR (p.status = \(bind: ProblemStatus.inProgress.rawValue) AND p.deadline <= \(bind: horizon.iso)))
            UNION ALL
            SELECT p.id, p.kind, p.title, p.status, p.deadline, 1 AS assisting FROM problems p
            JOIN problem_assists pa ON pa.problem_id = p.id AND pa.unit_id = \(bind: unit)
            WHERE p.district_id = \(bind: districtID) AND p.kind = \(bind: ProblemKind.instruction.rawValue)
              AND p.status IN (\(bind: ProblemStatus.assigned.rawValue), \(bind: ProblemStatus.inProgress.rawValue))
            ORDER BY 5, 3
            """).all().map { r in
            let status = ProblemStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .assigned
            let deadline = try r.decode(column: "deadline", as: CalendarDate?.self)
            let title = try r.decode(column: "title", as: String.self)
            let what = (ProblemKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .problem).noun
            let assisting = try r.decode(column: "assisting", as: Int.self) == 1
            let message = assisting
                ? Message(zh: "配合办理\(what.zh)并反馈：\(title)", en: "\(what.en) to help with and report on: \(title)")
                : status == .assigned
                ? Message(zh: "签收\(what.zh)：\(title)", en: "Acknowledge: \(title)")
                : Message(zh: "办理\(what.zh)并反馈：\(title)", en: "\(what.en) to work on and report: \(title)")
            return WorkItem(kind: .problem, title: message, url: Site.problem.link(try r.decode(column: "id", as: UUID.self)),
                            due: deadline, overdue: ProblemDeadline.isOverdue(status: status, deadline: deadline, today: today), count: 1)
        }
    }

    /// 前期手续 steps the unit approves (its name is the step's department), applied for and not
    /// yet approved, due within the horizon or overdue (`ApprovalClock`, by the kept due day).
    static func approvalsOfUnit(_ districtID: UUID, unit: UUID, today: CalendarDate, sql: any SQLDatabase) async throws -> [WorkItem] {
        let horizon = today.adding(days: horizonDays)
        return try await sql.raw("""
            SELECT a.name, a.due_on, p.id AS project_id, p.name AS project_name FROM approval_items a
            JOIN projects p ON p.id = a.project_id
            JOIN reference_entries u ON u.id = \(bind: unit) AND u.name = a.department
            WHERE a.district_id = \(bind: districtID) AND a.applied_on IS NOT NULL AND a.applied_on <= \(bind: today.iso)
              AND (a.actual IS NULL OR a.actual > \(bind: today.iso)) AND a.due_on IS NOT NULL AND a.due_on <= \(bind: horizon.iso)
            ORDER BY a.due_on, p.name LIMIT 200
            """).all().map { r in
            let due = try r.decode(column: "due_on", as: CalendarDate.self)
            let step = try r.decode(column: "name", as: String.self), project = try r.decode(column: "project_name", as: String.self)
            return WorkItem(kind: .approval, title: Message(zh: "办理审批：\(project) · \(step)（应于 \(due.iso) 办结）",
                                                           en: "Approve: \(project) · \(step) (due \(due.iso))"),
                            url: Site.project.link(try r.decode(column: "project_id", as: UUID.self)) + "#approvals",
                            due: due, overdue: due < today, count: 1)
        }
    }

    /// 催办单 the unit has not acknowledged.
    static func noticesOfUnit(_ districtID: UUID, unit: UUID, today: CalendarDate, sql: any SQLDatabase) async throws -> [WorkItem] {
        try await sql.raw("""
            SELECT n.id, n.number, n.item, n.new_deadline FROM notices n
            WHERE n.district_id = \(bind: districtID) AND n.unit_id = \(bind: unit) AND n.acknowledged_on IS NULL ORDER BY n.seq
            """).all().map { r in
            let deadline = try r.decode(column: "new_deadline", as: CalendarDate.self)
            let number = try r.decode(column: "number", as: String.self)
            let item = String(try r.decode(column: "item", as: String.self).prefix(40))
            return WorkItem(kind: .notice, title: Message(zh: "签收催办单 \(number)：\(item)", en: "Acknowledge notice \(number): \(item)"),
                            url: Site.notice.link(try r.decode(column: "id", as: UUID.self)), due: deadline, overdue: deadline < today, count: 1)
        }
    }

    /// 督查室: problems raised and not yet assigned, and those resolved and waiting to be closed.
    static func problemsToSupervise(_ districtID: UUID, today: CalendarDate, sql: any SQLDatabase) async throws -> [WorkItem] {
        try await sql.raw("""
            SELECT p.id, p.title, p.status, p.deadline FROM problems p
            WHERE p.district_id = \(bind: districtID) AND p.status IN (\(bind: ProblemStatus.raised.rawValue), \(bind: ProblemStatus.resolved.rawValue))
              AND p.kind <> \(bind: ProblemKind.instruction.rawValue)
            ORDER BY p.status, p.raised_on, p.title
            """).all().map { r in
            let status = ProblemStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .raised
            let title = try r.decode(column: "title", as: String.self)
            return WorkItem(kind: .problem, title: status == .raised ? Message(zh: "交办：\(title)", en: "Assign: \(title)") : Message(zh: "核实销号：\(title)", en: "Verify and close: \(title)"),
                            url: Site.problem.link(try r.decode(column: "id", as: UUID.self)),
                            due: try r.decode(column: "deadline", as: CalendarDate?.self), overdue: false, count: 1)
        }
    }

    /// Drafts not yet issued: 督查通报 for 督查室, the cadence documents for the office.
    static func draftsToIssue(_ districtID: UUID, bulletins: Bool, cadence: Bool, sql: any SQLDatabase) async throws -> [WorkItem] {
        try await sql.raw("""
            SELECT d.id, d.kind, d.title FROM documents d
            WHERE d.district_id = \(bind: districtID) AND d.status = \(bind: DocumentStatus.draft.rawValue) ORDER BY d.period, d.kind
            """).all().compactMap { r in
            let kind = DocumentKind(rawValue: try r.decode(column: "kind", as: String.self))
            let isBulletin = kind == .supervisionBulletin
            guard isBulletin ? bulletins : cadence else { return nil }
            let id = try r.decode(column: "id", as: UUID.self)
            let title = try r.decode(column: "title", as: String.self)
            return WorkItem(kind: .document, title: Message(zh: "审定印发：\(title)", en: "Review and issue: \(title)"),
                            url: isBulletin ? Site.bulletin.link(id) : Site.document.link(id), due: nil, overdue: false, count: 1)
        }
    }
}
