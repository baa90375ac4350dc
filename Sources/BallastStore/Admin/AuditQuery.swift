import BallastCore
import Fluent
import Foundation

/// What the audit search asks for. Every field narrows; nil means any.
public struct AuditFilter: Sendable, Equatable {
    public var entity: String?
    public var entityID: UUID?
    public var actor: String?
    public var action: String?
    /// Inclusive start and exclusive end of the period, as instants.
    public var from: Date?
    public var until: Date?
    public var page = 1
    public var perPage = 50
    public static let maxPerPage = 1000

    public init() {}
}

public struct AuditPage: Sendable {
    public var entries: [Entry]
    public var total: Int

    /// One entry as the page, the export and the API show it.
    public struct Entry: Sendable, Hashable {
        public var id: UUID
        public var at: Date
        public var actor: String
        public var role: String?
        public var address: String?
        public var action: String
        public var entity: String
        public var entityID: UUID?
        public var summary: String?
        /// The record before and after, as JSON.
        public var before: String?
        public var after: String?

        init(_ e: AuditEntryModel) {
            id = e.id ?? UUID(); at = e.at; actor = e.actor; role = e.role; address = e.address; action = e.action
            entity = e.entity; entityID = e.entityID; summary = e.summary; before = e.before; after = e.after
        }
    }
}

/// The audit trail of one district, newest first. Entries without a district (a failed
/// sign-in under an unknown name) belong to no district and are shown to none.
public enum AuditQuery {
    public static func run(districtID: UUID, filter: AuditFilter, on db: any Database) async throws -> AuditPage {
        var query = AuditEntryModel.query(on: db).filter(\.$districtID == districtID)
        if let v = filter.entity { query = query.filter(\.$entity == v) }
        if let v = filter.entityID { query = query.filter(\.$entityID == v) }
        if let v = filter.actor { query = query.filter(\.$actor == v) }
        if let v = filter.action { query = query.filter(\.$action == v) }
        if let v = filter.from { query = query.filter(\.$at >= v) }
        if let v = filter.until { query = query.filter(\.$at < v) }
        let total = try await query.count()
        let paging = Paging(page: filter.page, perPage: filter.perPage)
        let entries = try await query.sort(\.$at, .descending).sort(\.$id)
            .range(lower: paging.offset, upper: paging.offset + paging.perPage).all()
        return AuditPage(entries: entries.map(AuditPage.Entry.init), total: total)
    }

    /// Failed sign-ins from `address` since `since`, counted only up to `limit`: once an
    /// address is over the limit, the exact number does not matter and is not worth scanning.
    /// Failed sign-ins since a time, by name, by address, or by both (whichever are given),
    /// counted up to `limit`. Refused attempts are audited under another action and do not count:
    /// a flood of them must not lock an account for everyone.
    public static func recentFailures(username: String? = nil, address: String? = nil, since: Date, limit: Int,
                                      on db: any Database) async throws -> Int {
        var q = AuditEntryModel.query(on: db).filter(\.$action == "sign-in-failed").filter(\.$at >= since)
        if let username { q = q.filter(\.$actor == username) }
        if let address { q = q.filter(\.$address == address) }
        return try await q.limit(limit).all(\.$id).count
    }
}
