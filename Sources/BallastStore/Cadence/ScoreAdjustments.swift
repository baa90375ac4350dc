import BallastCore
import Fluent
import Foundation

/// The office's 加减分 on a quarter or year: recorded with its reason and audited, never edited.
/// Once the period's assessment is issued it is closed: the issued document would not show it.
public struct ScoreAdjustments: Sendable {
    /// One adjustment as pages, the API and the assessment read it, with its unit's name.
    public struct Entry: Sendable, Hashable {
        public var id: UUID
        public var period: String
        public var unit: String
        public var points: Double
        public var reason: String
        public var createdBy: String
        public var createdAt: Date

        init(_ a: ScoreAdjustmentModel, unit: String) {
            id = a.id ?? UUID(); period = a.period; self.unit = unit; points = a.points; reason = a.reason
            createdBy = a.createdBy; createdAt = a.createdAt
        }
    }

    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    public func add(period raw: String, unit: String, points: Double, reason: String, on db: any Database) async throws -> Entry {
        guard let period = AssessmentPeriod.parse(raw) else {
            throw ProjectItemContext.Failure.invalid(field: "period", Message(zh: "考核期应为 YYYY-Qn（季度）或 YYYY（年度），实为“\(raw)”",
                                                                              en: "period must be YYYY-Qn or YYYY, not “\(raw)”"))
        }
        if let p = ScoreAdjustmentRule.problem(points: points, reason: reason) { throw ProjectItemContext.Failure.invalid(field: p.field, p.message) }
        guard let unitID = try await context.unitID(named: unit, on: db) else {
            throw ProjectItemContext.Failure.invalid(field: "unit", Message(zh: "请选择单位", en: "Choose a unit"))
        }
        return try await db.writeTransaction { tx in
            let kind: DocumentKind = period.quarter == nil ? .annualEvaluation : .quarterlyAssessment
            if let issued = try await DocumentDesk.issued(districtID: context.districtID, kind: kind, period: period.description, on: tx) {
                throw ProjectItemContext.Failure.invalid(field: "period", Message(
                    zh: "\(period.chineseName)考核已于 \(issued.issuedOn?.iso ?? "") 印发（\(issued.number ?? "")），不能再加减分",
                    en: "The assessment for \(period) was issued on \(issued.issuedOn?.iso ?? ""); no more adjustments"))
            }
            let a = ScoreAdjustmentModel()
            a.id = UUID(); a.districtID = context.districtID; a.period = period.description; a.unitID = unitID
            a.points = points; a.reason = reason.trimmed; a.createdBy = context.actor.name; a.createdAt = Date()
            try await a.create(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "score_adjustment",
                                   entityID: a.id, summary: "\(period.chineseName) \(unit.trimmed) \(points > 0 ? "+" : "")\(ScoringScheme.format(points)) 分：\(a.reason)",
                                   before: Nothing?.none, after: ["unit": unit.trimmed, "points": ScoringScheme.format(points), "reason": a.reason])
            return Entry(a, unit: unit.trimmed)
        }
    }

    public static func list(districtID: UUID, period: String, on db: any Database) async throws -> [Entry] {
        let rows = try await ScoreAdjustmentModel.query(on: db).filter(\.$districtID == districtID).filter(\.$period == period).sort(\.$createdAt).all()
        let names = try await ReferenceEntryModel.query(on: db).filter(\.$id ~~ Set(rows.map(\.unitID))).all()
        let byID = Dictionary(try names.map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { a, _ in a })
        return rows.map { Entry($0, unit: byID[$0.unitID] ?? "") }
    }
}
