import BallastCore
import Fluent
import Foundation
import SQLKit

/// 招商引资 figures for a period, as the district reports them, counted in SQL: leads collected,
/// enterprises contacted (a contact logged with one of its leads, or a visit on a trip), trips
/// by who led them, projects negotiated (leads that entered 洽谈), projects signed and the
/// contract amount. A unit sees its own leads (trips are the district's).
public enum PromotionQuery {
    public struct Figures: Sendable, Equatable {
        public var leads = 0
        public var enterprisesContacted = 0
        public var leaderTrips = 0
        public var teamTrips = 0
        public var negotiated = 0
        public var signed = 0
        public var signedAmount = Money.zero
        /// Open leads by status, and abandoned, as they stand at the period's end.
        public var byStatus: [LeadStatus: Int] = [:]
    }

    public static func run(districtID: UUID, from: CalendarDate, to: CalendarDate, scopeUnitID: UUID?, on db: any Database) async throws -> Figures {
        let sql = try db.sql()
        let (a, b) = (from.iso, to.iso)
        var f = Figures()
        func scoped(_ q: SQLQueryString, lead alias: String) -> SQLQueryString {
            guard let scopeUnitID else { return q }
            return q + " AND \(unsafeRaw: alias).unit_id = \(bind: scopeUnitID)"
        }
        func count(_ q: SQLQueryString) async throws -> Int {
            try await sql.raw(q).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        f.leads = try await count(scoped("""
            SELECT COUNT(*) AS n FROM leads l WHERE l.district_id = \(bind: districtID) AND l.collected_on BETWEEN \(bind: a) AND \(bind: b)
            """, lead: "l"))
        // Contacts through leads, and visits on trips (which belong to no unit: the district's figure only).
        var contacted: SQLQueryString = scoped("""
            SELECT l.enterprise_id AS e FROM lead_contacts c JOIN leads l ON l.id = c.lead_id
            WHERE l.district_id = \(bind: districtID) AND c.contacted_on BETWEEN \(bind: a) AND \(bind: b)
            """, lead: "l")
        if scopeUnitID == nil {
            contacted += """
                 UNION SELECT v.enterprise_id AS e FROM trip_visits v JOIN trips t ON t.id = v.trip_id
                WHERE t.district_id = \(bind: districtID) AND t.started_on BETWEEN \(bind: a) AND \(bind: b)
                """
        }
        f.enterprisesContacted = try await count("SELECT COUNT(*) AS n FROM (" + contacted + ") contacted")
        for row in try await sql.raw("""
            SELECT kind, COUNT(*) AS n FROM trips WHERE district_id = \(bind: districtID) AND started_on BETWEEN \(bind: a) AND \(bind: b) GROUP BY kind
            """).all() {
            let n = try row.decode(column: "n", as: Int.self)
            switch TripKind(rawValue: try row.decode(column: "kind", as: String.self)) {
            case .leader: f.leaderTrips = n
            case .team: f.teamTrips = n
            case nil: break
            }
        }
        f.negotiated = try await count(scoped("""
            SELECT COUNT(DISTINCT s.lead_id) AS n FROM lead_steps s JOIN leads l ON l.id = s.lead_id
            WHERE l.district_id = \(bind: districtID) AND s.to_status = \(bind: LeadStatus.negotiating.rawValue)
              AND s.effective_on BETWEEN \(bind: a) AND \(bind: b)
            """, lead: "l"))
        if let row = try await sql.raw(scoped("""
            SELECT COUNT(*) AS n, CAST(COALESCE(SUM(l.contract_amount), 0) AS BIGINT) AS amount FROM leads l
            WHERE l.district_id = \(bind: districtID) AND l.status = \(bind: LeadStatus.signed.rawValue) AND l.signed_on BETWEEN \(bind: a) AND \(bind: b)
            """, lead: "l")).first() {
            f.signed = try row.decode(column: "n", as: Int.self)
            f.signedAmount = Money(yuan: try row.decode(column: "amount", as: Int64.self))
        }
        // Each lead's status on the period's last day: its latest step on or before it.
        for row in try await sql.raw(scoped("""
            SELECT s.to_status AS status, COUNT(*) AS n FROM lead_steps s JOIN leads l ON l.id = s.lead_id
            WHERE l.district_id = \(bind: districtID) AND l.collected_on <= \(bind: b) AND s.effective_on <= \(bind: b)
              AND NOT EXISTS (SELECT 1 FROM lead_steps later WHERE later.lead_id = s.lead_id AND later.effective_on <= \(bind: b)
                              AND (later.effective_on > s.effective_on OR (later.effective_on = s.effective_on
                                   AND (later.created_at > s.created_at OR (later.created_at = s.created_at AND later.id > s.id)))))
            """, lead: "l") + " GROUP BY s.to_status").all() {
            if let status = LeadStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                f.byStatus[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return f
    }
}
