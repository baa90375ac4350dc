import BallastCore
import Fluent
import Foundation

/// 入库纳统 edits (issue 27): a project's start and its days with the statistics database
/// (the unit for its own projects, the office for any), and the investment the statistics
/// office counted each month (the office). Versioned, audited, and the year recoloured in the
/// same transaction, since the statistics rule is one of the colour's reasons.
public struct StatisticsEditor: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    struct Snapshot: Encodable {
        var startedOn: String?, declaredOn: String?, includedOn: String?, number: String?
        init(_ r: StatisticsRecord) {
            startedOn = r.startedOn?.iso; declaredOn = r.declaredOn?.iso; includedOn = r.includedOn?.iso; number = r.number
        }
    }

    /// The project's record, if any was entered.
    public static func record(projectID: UUID, on db: any Database) async throws -> ProjectStatisticsModel? {
        try await ProjectStatisticsModel.query(on: db).filter(\.$projectID == projectID).first()
    }

    /// Saves the project's record. `version` is the one the user read (nil or 0: there was none).
    @discardableResult
    public func save(projectID: UUID, _ wanted: StatisticsRecord, version: Int?, on db: any Database) async throws -> ProjectStatisticsModel {
        try await db.writeTransaction { tx in
            let p = try await context.project(projectID, on: tx)
            let r = try await saveChecked(p, wanted, version: version, in: tx)
            try await context.recolour(context.today.year, in: tx)
            return r
        }
    }

    /// The save without its transaction or recolour, for a file's rows (one of each for the file).
    func saveChecked(_ p: ProjectModel, _ wanted: StatisticsRecord, version: Int?, in tx: any Database) async throws -> ProjectStatisticsModel {
        var record = wanted
        record.number = wanted.number?.trimmed.nilIfEmpty
        try context.notFuture(record.startedOn, field: "startedOn")
        try context.notFuture(record.declaredOn, field: "declaredOn")
        try context.notFuture(record.includedOn, field: "includedOn")
        if let problem = record.problem(stage: p.lifecycleStage) { throw ProjectItemContext.Failure.invalid(field: problem.field, problem.message) }
        let projectID = try p.requireID()
        // One number, one project: the statistics database's number identifies it there.
        if let number = record.number, let other = try await ProjectStatisticsModel.query(on: tx).filter(\.$districtID == context.districtID)
            .filter(\.$number == number).filter(\.$projectID != projectID).first(),
           let code = try await ProjectModel.find(other.projectID, on: tx)?.code {
            throw ProjectItemContext.Failure.invalid(field: "statisticsNumber", Message(
                zh: "统计库项目编号“\(number)”已是项目 \(code) 的", en: "The statistics number \(number) is already project \(code)'s"))
        }
        if let existing = try await Self.record(projectID: projectID, on: tx) {
            try await context.update(existing, version: version ?? 0, entity: "project-statistics", in: tx, before: Snapshot(existing.record),
                                     change: { m in
                                         m.startedOn = record.startedOn; m.declaredOn = record.declaredOn
                                         m.includedOn = record.includedOn; m.number = record.number
                                     }, after: { Snapshot($0.record) }, summary: { _ in "\(p.code) 入库纳统" })
            return existing
        }
        if let version, version != 0 { throw ProjectItemContext.Failure.versionConflict(current: nil) }
        let m = ProjectStatisticsModel()
        m.id = UUID(); m.districtID = context.districtID; m.projectID = projectID; m.version = 1
        m.startedOn = record.startedOn; m.declaredOn = record.declaredOn; m.includedOn = record.includedOn; m.number = record.number
        try await m.create(on: tx)
        try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "project-statistics",
                               entityID: m.id, summary: "\(p.code) 入库纳统", before: Snapshot?.none, after: Snapshot(m.record))
        return m
    }

    /// 开工 reached (a milestone's actual day): the record's start, unless one was entered.
    func noteStart(_ p: ProjectModel, on day: CalendarDate, in tx: any Database) async throws {
        let projectID = try p.requireID()
        if let existing = try await Self.record(projectID: projectID, on: tx) {
            guard existing.startedOn == nil else { return }
            try await context.update(existing, version: existing.version, entity: "project-statistics", in: tx, before: Snapshot(existing.record),
                                     change: { $0.startedOn = day }, after: { Snapshot($0.record) }, summary: { _ in "\(p.code) 入库纳统：开工 \(day.iso)" })
            return
        }
        _ = try await saveChecked(p, StatisticsRecord(startedOn: day), version: nil, in: tx)
    }

    /// The largest monthly figure accepted: the largest amount Ballast keeps anywhere.
    public static let maxCounted = Money(yuan: Money.maxYuan)

    /// Sets (or, with nil, clears) the investment counted for a project in a month.
    public func setCounted(projectID: UUID, year: Int, month: Int, _ amount: Money?, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            let p = try await context.project(projectID, on: tx)
            try await setCountedChecked(p, year: year, month: month, amount, in: tx)
        }
    }

    func setCountedChecked(_ p: ProjectModel, year: Int, month: Int, _ amount: Money?, in tx: any Database) async throws {
        guard (1...12).contains(month) else {
            throw ProjectItemContext.Failure.invalid(field: "month", Message(zh: "月份应为 1～12，实为 \(month)", en: "month must be 1 to 12, not \(month)"))
        }
        guard year <= context.today.year, year >= 2000 else {
            throw ProjectItemContext.Failure.invalid(field: "year", Message(zh: "年份应为 2000～\(context.today.year)，实为 \(year)", en: "year must be 2000 to \(context.today.year), not \(year)"))
        }
        if year == context.today.year, month > context.today.month {
            throw ProjectItemContext.Failure.invalid(field: "month", Message(zh: "\(year)年\(month)月尚未到来", en: "\(year)-\(month) has not come yet"))
        }
        if let amount, amount.yuan < 0 || amount > Self.maxCounted {
            throw ProjectItemContext.Failure.invalid(field: "counted", Message(
                zh: amount.yuan < 0 ? "统计口径投资不能为负数" : "统计口径投资超过上限",
                en: amount.yuan < 0 ? "The counted investment cannot be negative" : "The counted investment is over the limit"))
        }
        let projectID = try p.requireID()
        // Only a project in the statistics database is counted there, and not before its start.
        if amount != nil {
            let record = try await Self.record(projectID: projectID, on: tx)?.record
            guard record?.includedOn != nil else {
                throw ProjectItemContext.Failure.invalid(field: "counted", Message(
                    zh: "项目 \(p.code) 尚未入库（未填入库日期），不能填写统计口径投资", en: "Project \(p.code) is not in the statistics database: it has no counted investment"))
            }
            if let start = record?.startedOn, (year, month) < (start.year, start.month) {
                throw ProjectItemContext.Failure.invalid(field: "month", Message(
                    zh: "\(year)年\(month)月早于项目开工（\(start.iso)）", en: "\(year)-\(month) is before the project started (\(start.iso))"))
            }
        }
        let existing = try await StatisticsCountModel.query(on: tx).filter(\.$projectID == projectID).filter(\.$year == year)
            .filter(\.$month == month).first()
        let before = existing?.counted
        if existing?.counted == amount?.yuan { return }
        if let existing {
            if let amount { existing.counted = amount.yuan; try await existing.update(on: tx) } else { try await existing.delete(on: tx) }
        } else if let amount {
            let c = StatisticsCountModel()
            c.id = UUID(); c.districtID = context.districtID; c.projectID = projectID; c.year = year; c.month = month; c.counted = amount.yuan
            try await c.create(on: tx)
        }
        try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "update", entity: "statistics-count",
                               entityID: projectID, summary: "\(p.code) \(year)年\(month)月统计口径投资",
                               before: before, after: amount?.yuan)
    }
}
