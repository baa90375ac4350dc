import BallastCore
import Fluent
import Foundation

/// What a progress import did, or why it did nothing.
public struct ProgressImportReport: Sendable, Equatable {
    public var applied = false
    public var rows = 0
    /// Months reported for the first time.
    public var created = 0
    /// Approved months whose figure changed: each an adjustment entry.
    public var adjusted = 0
    public var unchanged = 0
    public var issues: [LedgerIssue] = []
    /// Month by month: new months, and changed figures before → after (`ImportPreview`).
    public var preview = ImportPreview()
    /// What 撤销本次导入 needs to put every month back (`ProgressImportUndo`).
    public var undoRows: [ProgressUndoRow] = []

    public init() {}
}

/// Stores imported monthly figures as approved by the importing user. A month already approved
/// with another figure gets an audited adjustment for the difference; the original stays.
public struct ProgressWriter: Sendable {
    public var districtID: UUID
    public var actor: ChangeActor

    public init(districtID: UUID, actor: ChangeActor) { self.districtID = districtID; self.actor = actor }

    /// Applies every record or none: call inside a transaction; a report with issues means the
    /// caller must roll back.
    public func apply(_ records: [ProgressRecord], on db: any Database) async throws -> ProgressImportReport {
        var report = ProgressImportReport()
        report.rows = records.count
        report.preview.rows = records.count
        let codes = Array(Set(records.map(\.code)))
        var projects: [String: ProjectModel] = [:]
        for chunk in stride(from: 0, to: codes.count, by: 500).map({ Array(codes[$0..<min($0 + 500, codes.count)]) }) {
            for p in try await ProjectModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$code ~~ chunk).all() {
                projects[p.code] = p
            }
        }
        for r in records where projects[r.code] == nil {
            report.issues.append(LedgerIssue(row: r.row, column: ProgressValidator.codeHeader, message: Message(
                zh: "项目编号“\(r.code)”不在本区台账中", en: "Project code “\(r.code)” is not in this district's ledger")))
        }
        if !report.issues.isEmpty { return report }

        let years = Set(records.map(\.year))
        var existing: [String: MonthlyReportModel] = [:]
        var adjusted: [UUID: Int64] = [:]
        for year in years {
            for m in try await MonthlyReportModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year).all() {
                existing["\(m.$project.id)|\(m.year)|\(m.month)"] = m
            }
            for a in try await ReportAdjustmentModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year).all() {
                adjusted[a.$report.id, default: 0] += a.delta
            }
        }
        // New months are written in bulk at the end: a year's import is thousands of rows.
        var newReports: [MonthlyReportModel] = [], audits: [AuditEntryModel] = []
        let now = Date()
        for r in records {
            // Unknown codes were refused by the validator before this runs.
            guard let project = projects[r.code] else { continue }
            let projectID = try project.requireID()
            let key = "\(projectID)|\(r.year)|\(r.month)"
            let month = YearMonth(year: r.year, month: r.month)?.description ?? ""
            if let m = existing[key], m.reportStatus == .approved {
                let standing = m.amount + (adjusted[try m.requireID()] ?? 0)
                if standing == r.amount.yuan {
                    report.unchanged += 1
                    report.preview.unchanged += 1
                    continue
                }
                report.preview.updated.append(.init(code: r.code, name: project.name, changes: [
                    .init(field: "月份", before: month, after: month),
                    .init(field: "本月完成（万元）", before: Money(yuan: standing).formatted(in: .wan), after: r.amount.formatted(in: .wan))]))
                let adjustment = ReportAdjustmentModel()
                adjustment.id = UUID()
                adjustment.districtID = districtID
                adjustment.$report.id = try m.requireID()
                adjustment.projectID = projectID
                adjustment.year = r.year
                adjustment.month = r.month
                adjustment.delta = r.amount.yuan - standing
                adjustment.reason = "重新导入 / re-imported"
                adjustment.actor = actor.name
                adjustment.at = now
                try await adjustment.create(on: db)
                report.undoRows.append(ProgressUndoRow(reportID: try m.requireID(), code: r.code, year: r.year, month: r.month,
                                                       version: m.version, before: nil, adjustmentID: adjustment.id))
                try await Audit.record(on: db, districtID: districtID, actor: actor, action: "adjust", entity: "monthly-report",
                                       entityID: m.id, summary: "\(r.code) \(month) 调整 \(Money(yuan: standing).formatted(in: .wan)) → \(r.amount.formatted(in: .wan))万元",
                                       before: ["amount": String(standing)], after: ["amount": String(r.amount.yuan)])
                report.adjusted += 1
            } else {
                let m = existing[key] ?? MonthlyReportModel()
                let isNew = m.id == nil
                let before = isNew ? nil : ["amount": String(m.amount), "status": m.status]
                let earlier = isNew ? nil : ProgressUndoRow.Before(m)
                if isNew {
                    m.id = UUID()
                    m.districtID = districtID
                    m.$project.id = projectID
                    m.year = r.year
                    m.month = r.month
                    m.late = false
                    m.version = 1
                } else {
                    m.version += 1
                }
                m.amount = r.amount.yuan
                m.progress = r.progress ?? m.progress
                m.status = MonthlyReportModel.Status.approved.rawValue
                m.submittedAt = m.submittedAt ?? now
                m.submittedBy = m.submittedBy ?? actor.name
                m.reviewedAt = now
                m.reviewedBy = actor.name
                m.returnReason = nil
                if isNew {
                    report.preview.created.append(.init(code: r.code, name: project.name, changes: [
                        .init(field: "月份", before: "", after: month),
                        .init(field: "本月完成（万元）", before: "", after: r.amount.formatted(in: .wan))]))
                } else {
                    report.preview.updated.append(.init(code: r.code, name: project.name, changes: [
                        .init(field: "月份", before: month, after: month),
                        .init(field: "本月完成（万元）", before: Money(yuan: m.amount).formatted(in: .wan), after: r.amount.formatted(in: .wan)),
                        .init(field: "状态", before: m.reportStatus.chineseName, after: ReportStatus.approved.chineseName)]))
                }
                if isNew { newReports.append(m) } else { try await m.save(on: db) }
                report.undoRows.append(ProgressUndoRow(reportID: try m.requireID(), code: r.code, year: r.year, month: r.month,
                                                       version: m.version, before: earlier, adjustmentID: nil))
                audits.append(Audit.entry(districtID: districtID, actor: actor, action: isNew ? "create" : "approve",
                                          entity: "monthly-report", entityID: m.id,
                                          summary: "\(r.code) \(month) 导入 \(r.amount.formatted(in: .wan))万元", before: before,
                                          after: ["amount": String(r.amount.yuan), "status": "approved"]))
                report.created += 1
            }
        }
        try await BulkInsert.insert(newReports, on: db)
        try await BulkInsert.insert(audits, on: db)
        // A year's completed investment cannot exceed the project's total investment: refused,
        // as a typo of a digit is far likelier than an overrun nobody recorded in the ledger.
        for year in years {
            let done = try await CompletedQuery.byProject(districtID: districtID, year: year, throughMonth: 12, on: db)
            for r in records where r.year == year {
                guard let p = projects[r.code] else { continue }
                if let total = done[try p.requireID()], total.yuan > p.totalInvestment,
                   !report.issues.contains(where: { $0.row == r.row }) {
                    report.issues.append(LedgerIssue(row: r.row, column: ProgressValidator.amountHeader + "（万元）", message: Message(
                        zh: "\(r.code) \(year)年累计完成 \(total.formatted(in: .wan)) 万元，超过总投资 \(Money(yuan: p.totalInvestment).formatted(in: .wan)) 万元",
                        en: "\(r.code): \(year) completed \(total.formatted(in: .wan)) 万元 exceeds the total investment of \(Money(yuan: p.totalInvestment).formatted(in: .wan)) 万元")))
                }
            }
        }
        report.applied = report.issues.isEmpty
        return report
    }

    private struct Refused: Error { let report: ProgressImportReport }

    /// A validated progress file, stored whole as approved by the importing user or not at all:
    /// the months, the audit entry and the recoloured years in one transaction. A report with
    /// issues means nothing was stored.
    public func importFile(_ records: [ProgressRecord], fileName: String?, today: CalendarDate, dryRun: Bool = false,
                           on db: any Database) async throws -> ProgressImportReport {
        do {
            return try await db.writeTransaction { tx in
                let report = try await apply(records, on: tx)
                // A dry run is the preview: the same work, rolled back.
                if !report.applied || dryRun { throw Refused(report: report) }
                try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "import", entity: "progress",
                                       entityID: nil, summary: "月度进度导入 \(fileName ?? "")：新增\(report.created)，调整\(report.adjusted)",
                                       before: Nothing?.none, after: ["file": fileName ?? "", "rows": String(report.rows)])
                for year in Set(records.map(\.year)).sorted() {
                    try await Recolour.year(year, districtID: districtID, today: today, in: tx)
                }
                return report
            }
        } catch let refused as Refused {
            return refused.report
        }
    }
}

extension MonthlyReportModel: BulkInsertable {
    static let columns = ["id", "district_id", "project_id", "year", "month", "amount", "progress", "status", "late",
                          "submitted_at", "submitted_by", "reviewed_at", "reviewed_by", "return_reason", "version"]
    var row: [any Encodable & Sendable] {
        [id, districtID, $project.id, year, month, amount, progress, status, late, submittedAt, submittedBy, reviewedAt,
         reviewedBy, returnReason, version]
    }
}
