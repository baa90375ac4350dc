import BallastCore
import Fluent
import Foundation
import SQLKit

/// Leads as the list and the lead's page show them: with the enterprise's and unit's names.
public enum LeadQuery {
    public struct Row: Sendable {
        public var id: UUID
        public var title: String
        public var enterpriseID: UUID
        public var enterprise: String
        public var source: String
        public var chain: String?
        public var intendedInvestment: Money?
        public var unit: String
        public var status: String
        public var collectedOn: CalendarDate
        public var signedOn: CalendarDate?
        public var contractAmount: Money?
        public var projectID: UUID?
        public var version: Int
    }

    public struct Filter: Sendable {
        public var status: LeadStatus?
        public var text: String?
        public var from: CalendarDate?
        public var to: CalendarDate?
        public var enterpriseID: UUID?
        public var tripID: UUID?
        /// The leads signed into this project.
        public var projectID: UUID?

        public init(status: LeadStatus? = nil, text: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil,
                    enterpriseID: UUID? = nil, tripID: UUID? = nil, projectID: UUID? = nil) {
            self.status = status; self.text = text; self.from = from; self.to = to; self.enterpriseID = enterpriseID; self.tripID = tripID
            self.projectID = projectID
        }
    }

    /// The total matching, and one page of rows, newest first.
    public static func list(districtID: UUID, filter: Filter, scopeUnitID: UUID?, limit: Int = 100, offset: Int = 0,
                            on db: any Database, only: UUID? = nil) async throws -> (total: Int, rows: [Row]) {
        let sql = try db.sql()
        var where_: SQLQueryString = "l.district_id = \(bind: districtID)"
        if let only { where_ += " AND l.id = \(bind: only)" }
        if let scopeUnitID { where_ += " AND l.unit_id = \(bind: scopeUnitID)" }
        if let s = filter.status { where_ += " AND l.status = \(bind: s.rawValue)" }
        if let f = filter.from { where_ += " AND l.collected_on >= \(bind: f.iso)" }
        if let t = filter.to { where_ += " AND l.collected_on <= \(bind: t.iso)" }
        if let e = filter.enterpriseID { where_ += " AND l.enterprise_id = \(bind: e)" }
        if let t = filter.tripID { where_ += " AND l.trip_id = \(bind: t)" }
        if let p = filter.projectID { where_ += " AND l.project_id = \(bind: p)" }
        if let text = filter.text?.trimmed, !text.isEmpty {
            let like = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            where_ += " AND (l.title LIKE \(bind: like) OR e.name LIKE \(bind: like) OR l.chain LIKE \(bind: like))"
        }
        let from: SQLQueryString = " FROM leads l JOIN enterprises e ON e.id = l.enterprise_id JOIN reference_entries u ON u.id = l.unit_id WHERE "
        let total = try await sql.raw("SELECT COUNT(*) AS n" + from + where_).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT l.id, l.title, l.enterprise_id, e.name AS enterprise, l.source, l.chain, l.intended_investment, u.name AS unit, l.status,
                   l.collected_on, l.signed_on, l.contract_amount, l.project_id, l.version
            """ + from + where_ + " ORDER BY l.collected_on DESC, l.title LIMIT \(literal: limit) OFFSET \(literal: offset)").all()
        return (total, try rows.map { r in
            Row(id: try r.decode(column: "id", as: UUID.self), title: try r.decode(column: "title", as: String.self),
                enterpriseID: try r.decode(column: "enterprise_id", as: UUID.self), enterprise: try r.decode(column: "enterprise", as: String.self),
                source: try r.decode(column: "source", as: String.self), chain: try r.decode(column: "chain", as: String?.self),
                intendedInvestment: try r.decode(column: "intended_investment", as: Int64?.self).map(Money.init(yuan:)),
                unit: try r.decode(column: "unit", as: String.self), status: try r.decode(column: "status", as: String.self),
                collectedOn: try r.decode(column: "collected_on", as: CalendarDate.self),
                signedOn: try r.decode(column: "signed_on", as: CalendarDate?.self),
                contractAmount: try r.decode(column: "contract_amount", as: Int64?.self).map(Money.init(yuan:)),
                projectID: try r.decode(column: "project_id", as: UUID?.self), version: try r.decode(column: "version", as: Int.self))
        })
    }

    public struct Detail: Sendable {
        public var row: Row
        public var note: String?
        public var abandonReason: String?
        public var trip: TripSummary?
        public var project: ProjectRef?
        public var steps: [Step]
        public var contacts: [Contact]
    }

    /// One move of a lead's status.
    public struct Step: Sendable, Hashable {
        public var fromStatus: String?
        public var toStatus: String
        public var effectiveOn: CalendarDate
        public var actor: String
        public var note: String?
        init(_ m: LeadStepModel) {
            fromStatus = m.fromStatus; toStatus = m.toStatus; effectiveOn = m.effectiveOn; actor = m.actor; note = m.note
        }
    }

    /// One contact with the enterprise (对接记录).
    public struct Contact: Sendable, Hashable {
        public var contactedOn: CalendarDate
        public var who: String
        public var what: String
        public var recordedBy: String
        init(_ m: LeadContactModel) {
            contactedOn = m.contactedOn; who = m.who; what = m.what; recordedBy = m.recordedBy
        }
    }

    public static func detail(_ lead: LeadModel, on db: any Database) async throws -> Detail {
        let id = try lead.requireID()
        let (_, rows) = try await list(districtID: lead.districtID, filter: Filter(), scopeUnitID: nil, limit: 1, offset: 0, on: db, only: id)
        guard let row = rows.first else { throw LeadEditor.notFound }
        let steps = try await LeadStepModel.query(on: db).filter(\.$leadID == id).sort(\.$effectiveOn).sort(\.$createdAt).all()
        let contacts = try await LeadContactModel.query(on: db).filter(\.$leadID == id).sort(\.$contactedOn, .descending).sort(\.$createdAt, .descending).all()
        let trip = try await lead.tripID.asyncMap { try await TripModel.find($0, on: db) } ?? nil
        let project = try await lead.projectID.asyncMap { try await ProjectModel.find($0, on: db) } ?? nil
        return Detail(row: row, note: lead.note, abandonReason: lead.abandonReason, trip: trip.map(TripSummary.init),
                      project: project.map(ProjectRef.init), steps: steps.map(Step.init), contacts: contacts.map(Contact.init))
    }

    /// The trips of a period, newest first, with how many enterprises each visited and leads it produced.
    public static func trips(districtID: UUID, from: CalendarDate, to: CalendarDate, on db: any Database) async throws
        -> [(trip: TripSummary, visits: Int, leads: Int)] {
        let trips = try await TripModel.query(on: db).filter(\.$districtID == districtID).filter(\.$startedOn >= from)
            .filter(\.$startedOn <= to).sort(\.$startedOn, .descending).all()
        guard !trips.isEmpty else { return [] }
        let sql = try db.sql()
        func counts(_ table: String) async throws -> [UUID: Int] {
            var out: [UUID: Int] = [:]
            for row in try await sql.raw("""
                SELECT x.trip_id, COUNT(*) AS n FROM \(ident: table) x JOIN trips t ON t.id = x.trip_id
                WHERE t.district_id = \(bind: districtID) AND t.started_on >= \(bind: from.iso) AND t.started_on <= \(bind: to.iso)
                GROUP BY x.trip_id
                """).all() {
                out[try row.decode(column: "trip_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
            }
            return out
        }
        let visits = try await counts(TripVisitModel.schema), leads = try await counts(LeadModel.schema)
        return trips.map(TripSummary.init).map { ($0, visits[$0.id] ?? 0, leads[$0.id] ?? 0) }
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}
