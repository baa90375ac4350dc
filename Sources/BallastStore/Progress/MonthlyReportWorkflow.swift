import BallastCore
import Fluent
import Foundation

/// The monthly report's life: a unit saves a draft and submits it; the project office approves
/// it or returns it with a reason; an approved figure is corrected only by an adjustment. Every
/// step checks the version it was read at and is audited.
public struct MonthlyReportWorkflow: Sendable {
    public var districtID: UUID
    public var actor: ChangeActor
    public var today: CalendarDate
    /// For a unit: the only unit whose projects it may report on.
    public var scopeUnitID: UUID?

    public init(districtID: UUID, actor: ChangeActor, today: CalendarDate, scopeUnitID: UUID?) {
        self.districtID = districtID; self.actor = actor; self.today = today; self.scopeUnitID = scopeUnitID
    }

    public enum Failure: Error, Equatable, Sendable {
        case projectNotFound
        case reportNotFound
        case futureMonth
        case negativeAmount
        case wrongStatus(MonthlyReportModel.Status)
        case reasonRequired
        case versionConflict(current: Int?)
        case exceedsTotal(total: Money)
    }

    func project(_ id: UUID, on db: any Database) async throws -> ProjectModel {
        var q = ProjectModel.query(on: db).filter(\.$id == id).filter(\.$district.$id == districtID)
        if let scopeUnitID { q = q.filter(\.$unit.$id == scopeUnitID) }
        guard let p = try await q.first() else { throw Failure.projectNotFound }
        return p
    }

    func report(_ projectID: UUID, _ year: Int, _ month: Int, on db: any Database) async throws -> MonthlyReportModel? {
        try await MonthlyReportModel.query(on: db).filter(\.$project.$id == projectID).filter(\.$year == year)
            .filter(\.$month == month).first()
    }

    var edit: EditContext { EditContext(districtID: districtID, actor: actor) }

    /// Saves this month's figure and progress as a draft (new, draft or returned reports only).
    @discardableResult
    public func saveDraft(projectID: UUID, year: Int, month: Int, amount: Money, progress: String?, version: Int?,
                          on db: any Database) async throws -> MonthlyReportModel {
        guard ReportingDeadline.isReportable(year: year, month: month, today: today) else { throw Failure.futureMonth }
        guard amount.yuan >= 0 else { throw Failure.negativeAmount }
        return try await db.writeTransaction { tx in
            let p = try await project(projectID, on: tx)
            if let existing = try await report(projectID, year, month, on: tx) {
                guard [.draft, .returned].contains(existing.reportStatus) else { throw Failure.wrongStatus(existing.reportStatus) }
                try await edit.update(existing, version: version ?? -1, entity: "monthly-report", in: tx, conflict: Failure.versionConflict(current:),
                                      before: ["amount": String(existing.amount), "progress": existing.progress ?? ""], change: { r in
                    r.amount = amount.yuan
                    r.progress = progress
                    r.status = MonthlyReportModel.Status.draft.rawValue
                }, after: { _ in ["amount": String(amount.yuan), "progress": progress ?? ""] }, summary: { _ in "\(p.code) \(year)-\(month) 草稿" })
                return existing
            }
            let r = MonthlyReportModel()
            r.id = UUID(); r.districtID = districtID; r.$project.id = projectID; r.year = year; r.month = month
            r.amount = amount.yuan; r.progress = progress; r.status = MonthlyReportModel.Status.draft.rawValue
            r.late = false; r.version = 1
            try await r.create(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "create", entity: "monthly-report",
                                   entityID: r.id, summary: "\(p.code) \(year)-\(month) 草稿", before: Nothing?.none,
                                   after: ["amount": String(amount.yuan), "progress": progress ?? ""])
            return r
        }
    }

    /// Moves a report from one status to another, checking who may, from which status, and the version.
    func transition(_ id: UUID, version: Int, from allowed: [MonthlyReportModel.Status], to next: MonthlyReportModel.Status,
                    action: String, recolour: Bool = false, on db: any Database,
                    _ change: @escaping @Sendable (MonthlyReportModel) throws -> Void) async throws -> MonthlyReportModel {
        try await db.writeTransaction { tx in
            guard let r = try await MonthlyReportModel.query(on: tx).filter(\.$id == id).filter(\.$districtID == districtID).first()
            else { throw Failure.reportNotFound }
            let p = try await project(r.$project.id, on: tx)
            guard allowed.contains(r.reportStatus) else { throw Failure.wrongStatus(r.reportStatus) }
            let before = r.status
            try await edit.update(r, version: version, action: action, entity: "monthly-report", in: tx, conflict: Failure.versionConflict(current:),
                                  before: ["status": before], change: { r in
                r.status = next.rawValue
                try change(r)
            }, after: { ["status": next.rawValue, "reason": $0.returnReason ?? ""] },
               summary: { "\(p.code) \($0.year)-\($0.month) \(before) → \(next.rawValue)" })
            if recolour { try await Recolour.year(r.year, districtID: districtID, today: today, in: tx) }
            return r
        }
    }

    /// The unit sends its draft to the project office; after the reporting day it is marked late.
    @discardableResult
    public func submit(_ id: UUID, version: Int, on db: any Database) async throws -> MonthlyReportModel {
        try await transition(id, version: version, from: [.draft, .returned], to: .submitted, action: "submit", on: db) { r in
            r.submittedAt = Date()
            r.submittedBy = actor.name
            r.late = r.late || ReportingDeadline.isLate(submittedOn: today, year: r.year, month: r.month)
        }
    }

    /// The project office approves: from now on the figure is locked, and the year's colours follow it.
    @discardableResult
    public func approve(_ id: UUID, version: Int, on db: any Database) async throws -> MonthlyReportModel {
        try await transition(id, version: version, from: [.submitted], to: .approved, action: "approve", recolour: true, on: db) { r in
            r.reviewedAt = Date()
            r.reviewedBy = actor.name
            r.returnReason = nil
        }
    }

    /// Several at once, as the reviewer ticked them (`/reports`' 批量审定): all or none, each at
    /// the version the reviewer saw, and the year recoloured once at the end.
    public func approveAll(_ items: [(id: UUID, version: Int)], on db: any Database) async throws -> Int {
        try await db.writeTransaction { tx in
            var years = Set<Int>()
            for item in items {
                let r = try await transition(item.id, version: item.version, from: [.submitted], to: .approved, action: "approve", on: tx) { r in
                    r.reviewedAt = Date()
                    r.reviewedBy = actor.name
                    r.returnReason = nil
                }
                years.insert(r.year)
            }
            for year in years.sorted() { try await Recolour.year(year, districtID: districtID, today: today, in: tx) }
            return items.count
        }
    }

    @discardableResult
    public func returnReport(_ id: UUID, version: Int, reason: String, on db: any Database) async throws -> MonthlyReportModel {
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw Failure.reasonRequired }
        return try await transition(id, version: version, from: [.submitted], to: .returned, action: "return", on: db) { r in
            r.reviewedAt = Date()
            r.reviewedBy = actor.name
            r.returnReason = reason
        }
    }

    /// Corrects an approved month to `amount`: a new adjustment entry for the difference; the
    /// approved report stays as it was, and the year is recoloured.
    public func adjust(_ id: UUID, to amount: Money, reason: String, on db: any Database) async throws {
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw Failure.reasonRequired }
        guard amount.yuan >= 0 else { throw Failure.negativeAmount }
        try await db.writeTransaction { tx in
            guard let r = try await MonthlyReportModel.query(on: tx).filter(\.$id == id).filter(\.$districtID == districtID).first()
            else { throw Failure.reportNotFound }
            guard r.reportStatus == .approved else { throw Failure.wrongStatus(r.reportStatus) }
            let p = try await project(r.$project.id, on: tx)
            let standing = try await CompletedQuery.effectiveAmount(of: r, on: tx)
            guard standing != amount.yuan else { return }
            let a = ReportAdjustmentModel()
            a.id = UUID(); a.districtID = districtID; a.$report.id = try r.requireID(); a.projectID = try p.requireID()
            a.year = r.year; a.month = r.month; a.delta = amount.yuan - standing; a.reason = reason; a.actor = actor.name; a.at = Date()
            try await a.create(on: tx)
            let done = try await CompletedQuery.byProject(districtID: districtID, year: r.year, throughMonth: 12, on: tx)
            if let total = done[try p.requireID()], total.yuan > p.totalInvestment { throw Failure.exceedsTotal(total: p.total) }
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "adjust", entity: "monthly-report",
                                   entityID: r.id, summary: "\(p.code) \(r.year)-\(r.month) 调整：\(reason)",
                                   before: ["amount": String(standing)], after: ["amount": String(amount.yuan), "reason": reason])
            try await Recolour.year(r.year, districtID: districtID, today: today, in: tx)
        }
    }
}

extension MonthlyReportModel.Status {
    /// The status as the office calls it.
    public var chineseName: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "已报送"
        case .approved: "已审定"
        case .returned: "已退回"
        }
    }
}

extension MonthlyReportWorkflow.Failure: DomainFailure {
    public var status: Int {
        switch self {
        case .projectNotFound, .reportNotFound: 404
        case .futureMonth: 400
        case .negativeAmount, .reasonRequired, .exceedsTotal: 422
        case .wrongStatus, .versionConflict: 409
        }
    }
    public var code: String {
        switch self {
        case .projectNotFound, .reportNotFound: "not_found"
        case .futureMonth: "invalid_parameter"
        case .negativeAmount, .reasonRequired: "invalid"
        case .wrongStatus: "wrong_status"
        case .versionConflict: "version_conflict"
        case .exceedsTotal: "exceeds_total"
        }
    }
    public var message: Message {
        switch self {
        case .projectNotFound: Message(zh: "项目不存在", en: "No such project")
        case .reportNotFound: Message(zh: "月报不存在", en: "No such report")
        case .futureMonth: Message(zh: "该月尚未到来，不能填报", en: "That month has not begun; it cannot be reported")
        case .negativeAmount: Message(zh: "本月完成投资不能为负数", en: "The month's investment cannot be negative")
        case .wrongStatus(let s): Message(zh: "月报当前为“\(s.chineseName)”，不能进行此操作", en: "The report is \(s.rawValue); this step does not apply")
        case .reasonRequired: Message(zh: "请填写原因", en: "Please give a reason")
        case .versionConflict(let current): Refusal.versionConflict(current: current)
        case .exceedsTotal(let total):
            Message(zh: "调整后本年累计完成将超过总投资 \(total.formatted(in: .wan)) 万元",
                    en: "The year's completed would exceed the total investment of \(total.formatted(in: .wan)) 万元")
        }
    }
    public var field: String? {
        switch self {
        case .projectNotFound, .reportNotFound: nil
        case .futureMonth: "month"
        case .negativeAmount, .exceedsTotal: "amount"
        case .wrongStatus: "status"
        case .reasonRequired: "reason"
        case .versionConflict: "version"
        }
    }
}
