import BallastCore
import Fluent
import Foundation
import SQLKit

/// 三个一批 figures, counted in SQL: per period and batch, the entries, the investment they
/// count, and how many had started, gone into production and reached designed output by the
/// as-of day. Periods held after that day are not yet counted. Rates and running totals are
/// `CampaignPeriodFigures` (Core).
public enum CampaignQuery {
    public struct Period: Sendable {
        public var id: UUID
        public var number: Int
        public var heldOn: CalendarDate
        public var title: String?
        public var figures: CampaignPeriodFigures
    }

    public static func periods(districtID: UUID, asOf: CalendarDate, scopeUnitID: UUID?, on db: any Database) async throws -> [Period] {
        let sql = try db.sql()
        let day = asOf.iso
        var q: SQLQueryString = """
            SELECT cp.number AS number, e.batch AS batch, COUNT(*) AS entries,
                   CAST(COALESCE(SUM(e.investment), 0) AS BIGINT) AS investment,
                   COALESCE(SUM(CASE WHEN e.started_on <= \(bind: day) THEN 1 ELSE 0 END), 0) AS started,
                   COALESCE(SUM(CASE WHEN e.produced_on <= \(bind: day) THEN 1 ELSE 0 END), 0) AS produced,
                   COALESCE(SUM(CASE WHEN e.at_capacity_on <= \(bind: day) THEN 1 ELSE 0 END), 0) AS at_capacity
            FROM campaign_entries e
            JOIN campaign_periods cp ON cp.id = e.period_id
            JOIN projects p ON p.id = e.project_id
            WHERE e.district_id = \(bind: districtID) AND cp.held_on <= \(bind: day)
            """
        if let scopeUnitID { q += " AND p.unit_id = \(bind: scopeUnitID)" }
        q += " GROUP BY cp.number, e.batch"
        var tallies: [Int: [CampaignBatch: CampaignTally]] = [:]
        for row in try await sql.raw(q).all() {
            guard let batch = CampaignBatch(rawValue: try row.decode(column: "batch", as: String.self)) else { continue }
            tallies[try row.decode(column: "number", as: Int.self), default: [:]][batch] = CampaignTally(
                entries: try row.decode(column: "entries", as: Int.self), investment: Money(yuan: try row.decode(column: "investment", as: Int64.self)),
                started: try row.decode(column: "started", as: Int.self), produced: try row.decode(column: "produced", as: Int.self),
                atCapacity: try row.decode(column: "at_capacity", as: Int.self))
        }
        let models = try await CampaignPeriodModel.query(on: db).filter(\.$districtID == districtID).filter(\.$heldOn <= asOf).sort(\.$number).all()
        for m in models where tallies[m.number] == nil { tallies[m.number] = [:] }   // a period with no entries (yet) still shows
        let figures = Dictionary(uniqueKeysWithValues: CampaignPeriodFigures.accumulate(tallies).map { ($0.number, $0) })
        return try models.map { m in
            Period(id: try m.requireID(), number: m.number, heldOn: m.heldOn, title: m.title,
                   figures: figures[m.number] ?? CampaignPeriodFigures(number: m.number, batches: [:], cumulative: [:]))
        }
    }

    /// A period as announced: its number, day and title, without figures.
    public struct Announced: Sendable, Hashable {
        public var id: UUID
        public var number: Int
        public var heldOn: CalendarDate
        public var title: String?
        public var idString: String { id.uuidString }

        public init(_ m: CampaignPeriodModel) {
            id = m.id ?? UUID(); number = m.number; heldOn = m.heldOn; title = m.title
        }
    }

    /// Periods announced for after the as-of day: listed, not counted.
    public static func upcoming(districtID: UUID, asOf: CalendarDate, on db: any Database) async throws -> [Announced] {
        try await CampaignPeriodModel.query(on: db).filter(\.$districtID == districtID).filter(\.$heldOn > asOf).sort(\.$number).all()
            .map(Announced.init)
    }

    /// One project on one period's list, with its follow-up dates.
    public struct Entry: Sendable, Hashable {
        public var id: UUID
        public var version: Int
        public var batch: String
        /// The investment the list counts, in yuan.
        public var investment: Money
        public var startedOn: CalendarDate?
        public var producedOn: CalendarDate?
        public var atCapacityOn: CalendarDate?
        public var note: String?
        public var projectID: UUID
        public var projectCode: String
        public var projectName: String
        public var period: Announced
        public var idString: String { id.uuidString }

        public init(_ e: CampaignEntryModel, project: ProjectModel, period: CampaignPeriodModel) {
            id = e.id ?? UUID(); version = e.version; batch = e.batch; investment = Money(yuan: e.investment)
            startedOn = e.startedOn; producedOn = e.producedOn; atCapacityOn = e.atCapacityOn; note = e.note
            projectID = project.id ?? UUID(); projectCode = project.code; projectName = project.name
            self.period = Announced(period)
        }
    }

    /// A period's lists (a unit sees its own projects' entries), batch by batch, largest first.
    public static func entries(periodID: UUID, scopeUnitID: UUID?, on db: any Database) async throws -> [Entry] {
        var q = CampaignEntryModel.query(on: db).filter(\.$period.$id == periodID)
            .join(ProjectModel.self, on: \CampaignEntryModel.$project.$id == \ProjectModel.$id)
            .join(CampaignPeriodModel.self, on: \CampaignEntryModel.$period.$id == \CampaignPeriodModel.$id)
        if let scopeUnitID { q = q.filter(ProjectModel.self, \.$unit.$id == scopeUnitID) }
        let rows = try await q.sort(\.$batch).sort(\.$investment, .descending).all()
        return try rows.map { Entry($0, project: try $0.joined(ProjectModel.self), period: try $0.joined(CampaignPeriodModel.self)) }
    }

    /// One entry, as just written.
    public static func entry(id: UUID, on db: any Database) async throws -> Entry? {
        try await CampaignEntryModel.query(on: db).filter(\.$id == id)
            .join(ProjectModel.self, on: \CampaignEntryModel.$project.$id == \ProjectModel.$id)
            .join(CampaignPeriodModel.self, on: \CampaignEntryModel.$period.$id == \CampaignPeriodModel.$id).first()
            .map { Entry($0, project: try $0.joined(ProjectModel.self), period: try $0.joined(CampaignPeriodModel.self)) }
    }

    /// Every entry naming a project, for its page, oldest period first.
    public static func entries(projectID: UUID, on db: any Database) async throws -> [Entry] {
        let rows = try await CampaignEntryModel.query(on: db).filter(\.$project.$id == projectID)
            .join(ProjectModel.self, on: \CampaignEntryModel.$project.$id == \ProjectModel.$id)
            .join(CampaignPeriodModel.self, on: \CampaignEntryModel.$period.$id == \CampaignPeriodModel.$id).all()
        return try rows.map { Entry($0, project: try $0.joined(ProjectModel.self), period: try $0.joined(CampaignPeriodModel.self)) }
            .sorted { $0.period.number < $1.period.number }
    }
}
