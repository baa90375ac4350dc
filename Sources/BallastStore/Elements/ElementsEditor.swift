import BallastCore
import Fluent
import Foundation

/// 资金与要素 edits (issue 27): a project's funding sources for a year (replaced as a whole,
/// as the form shows them all) and its land and quotas; whoever edits the project, a unit its
/// own. Versioned and audited.
public struct ElementsEditor: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    struct FundSnapshot: Encodable {
        var source: String, planned: Int64, arrived: Int64
    }

    public static func funds(projectID: UUID, year: Int, on db: any Database) async throws -> [ProjectFundModel] {
        let order = Dictionary(uniqueKeysWithValues: FundingSource.allCases.enumerated().map { ($1.rawValue, $0) })
        return try await ProjectFundModel.query(on: db).filter(\.$projectID == projectID).filter(\.$year == year).all()
            .sorted { (order[$0.source] ?? 99) < (order[$1.source] ?? 99) }
    }

    /// The version a reader of the year's funds sends back: 0 until the year was first saved.
    public static func fundsVersion(projectID: UUID, year: Int, on db: any Database) async throws -> Int {
        try await ProjectFundYearModel.query(on: db).filter(\.$projectID == projectID).filter(\.$year == year).first()?.version ?? 0
    }

    /// Replaces the year's funding lines (a source with nothing planned or arrived is left out).
    public func saveFunds(projectID: UUID, year: Int, _ lines: [FundLine], version: Int, on db: any Database) async throws {
        guard (2000...2100).contains(year) else {
            throw ProjectItemContext.Failure.invalid(field: "year", Message(zh: "年份应为 2000～2100，实为 \(year)", en: "year must be 2000 to 2100, not \(year)"))
        }
        if let problem = lines.lazy.compactMap(\.problem).first { throw ProjectItemContext.Failure.invalid(field: problem.field, problem.message) }
        var seen = Set<FundingSource>()
        for l in lines where !seen.insert(l.source).inserted {
            throw ProjectItemContext.Failure.invalid(field: "source", Message(zh: "资金来源“\(l.source.rawValue)”填了两次", en: "The source \(l.source.englishName) is given twice"))
        }
        try await db.writeTransaction { tx in
            let p = try await context.project(projectID, on: tx)
            try await saveFundsChecked(p, year: year, lines, version: version, in: tx)
        }
    }

    /// The save inside the caller's transaction (a file's rows share one).
    func saveFundsChecked(_ p: ProjectModel, year: Int, _ lines: [FundLine], version: Int, in tx: any Database) async throws {
        if let problem = lines.lazy.compactMap(\.problem).first { throw ProjectItemContext.Failure.invalid(field: problem.field, problem.message) }
        let projectID = try p.requireID()
        let current = try await Self.funds(projectID: projectID, year: year, on: tx)
        // The claim: one conditional write, so two saves of one version cannot both pass.
        let now: Int
        if let row = try await ProjectFundYearModel.query(on: tx).filter(\.$projectID == projectID).filter(\.$year == year).first() {
            now = row.version
            guard now == version else { throw ProjectItemContext.Failure.versionConflict(current: now) }
            guard let id = row.id else { throw ProjectItemContext.Failure.versionConflict(current: now) }
            _ = try await VersionGuard.claim(table: ProjectFundYearModel.schema, id: id, expected: now, on: tx,
                                             orElse: ProjectItemContext.Failure.versionConflict(current:))
        } else {
            now = 0
            guard version == 0 else { throw ProjectItemContext.Failure.versionConflict(current: 0) }
            let row = ProjectFundYearModel()
            row.id = UUID(); row.districtID = context.districtID; row.projectID = projectID; row.year = year; row.version = 1
            do { try await row.create(on: tx) } catch { throw ProjectItemContext.Failure.versionConflict(current: 1) }
        }
        try await ProjectFundModel.query(on: tx).filter(\.$projectID == projectID).filter(\.$year == year).delete()
        let rows = lines.filter { $0.planned.yuan != 0 || $0.arrived.yuan != 0 }.map { l in
            let m = ProjectFundModel()
            m.id = UUID(); m.districtID = context.districtID; m.projectID = projectID; m.year = year; m.source = l.source.rawValue
            m.planned = l.planned.yuan; m.arrived = l.arrived.yuan; m.version = now + 1
            return m
        }
        try await rows.create(on: tx)
        try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "update", entity: "project-funds",
                               entityID: projectID, summary: "\(p.code) \(year)年资金来源",
                               before: current.map { FundSnapshot(source: $0.source, planned: $0.planned, arrived: $0.arrived) },
                               after: rows.map { FundSnapshot(source: $0.source, planned: $0.planned, arrived: $0.arrived) })
    }

    public static func land(projectID: UUID, on db: any Database) async throws -> ProjectLandModel? {
        try await ProjectLandModel.query(on: db).filter(\.$projectID == projectID).first()
    }

    /// Saves the project's land and quotas. `version` as read (0: none yet).
    public func saveLand(projectID: UUID, _ wanted: LandRecord, version: Int, on db: any Database) async throws {
        var record = wanted
        record.supplyMethod = wanted.supplyMethod?.trimmed.nilIfEmpty
        record.quotas = wanted.quotas?.trimmed.nilIfEmpty
        if let problem = record.problem { throw ProjectItemContext.Failure.invalid(field: problem.field, problem.message) }
        try context.notFuture(record.handedOverOn, field: "handedOverOn")
        let checked = record
        try await db.writeTransaction { tx in
            let record = checked
            let p = try await context.project(projectID, on: tx)
            if let existing = try await Self.land(projectID: projectID, on: tx) {
                try await context.update(existing, version: version, entity: "project-land", in: tx, before: existing.record,
                                         change: { m in
                                             m.areaMu = record.areaMu; m.supplyMethod = record.supplyMethod
                                             m.handedOverOn = record.handedOverOn; m.quotas = record.quotas
                                         }, after: { $0.record }, summary: { _ in "\(p.code) 用地与要素" })
                return
            }
            guard version == 0 else { throw ProjectItemContext.Failure.versionConflict(current: 0) }
            let m = ProjectLandModel()
            m.id = UUID(); m.districtID = context.districtID; m.projectID = projectID; m.version = 1
            m.areaMu = record.areaMu; m.supplyMethod = record.supplyMethod; m.handedOverOn = record.handedOverOn; m.quotas = record.quotas
            try await m.create(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "project-land",
                                   entityID: m.id, summary: "\(p.code) 用地与要素", before: LandRecord?.none, after: m.record)
        }
    }
}
