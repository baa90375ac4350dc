import Fluent
import Foundation
import SQLKit

/// A lock on one kind of work for one district, held to the end of the transaction that takes
/// it: generating notices, drafting documents. A second instance doing the same work waits,
/// then reads what the first wrote (the "not yet chased" checks run after the lock), so the
/// work is done once however many start it (issue 22). On PostgreSQL it is a transaction-scoped
/// advisory lock; on SQLite `writeTransaction` already holds the database's write lock.
public enum DistrictLock {
    public enum Work: UInt8, Sendable {
        case notices = 1
        case drafts = 2
        /// Planning, scoring and closing a 观摩: a score never lands on a tour that has just closed.
        case inspections = 3
    }

    /// Call first inside a `writeTransaction`.
    public static func take(_ work: Work, districtID: UUID, in tx: any Database) async throws {
        let sql = try tx.sql()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: key(work, districtID)))").run()
    }

    /// One recompute of a district's year at a time. A recompute replaces the year's state rows
    /// (and opens and closes the 亮灯督办 items that follow them), and runs inside the
    /// transaction of the change that called for it (`Recolour`): two changes to one year at once
    /// on PostgreSQL would both replace the same rows, and the second would fail on their unique
    /// key and take its change down with it. This waits for the first to commit instead. The
    /// two-number form of the advisory lock is a key space of its own.
    public static func takeColours(districtID: UUID, year: Int, in tx: any Database) async throws {
        let sql = try tx.sql()
        guard sql.dialect.name == "postgresql" else { return }
        let id = districtID.uuid
        let district = Int32(bitPattern: UInt32(id.0) << 24 | UInt32(id.1) << 16 | UInt32(id.2) << 8 | UInt32(id.3))
        try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: district), \(bind: Int32(clamping: year)))").run()
    }

    /// 64 bits from the district's id with the work in the top byte: distinct per district and
    /// work, and never the nightly job's key (which starts with "B").
    static func key(_ work: Work, _ districtID: UUID) -> Int64 {
        let u = districtID.uuid
        var low: UInt64 = 0
        for b in [u.0, u.1, u.2, u.3, u.4, u.5, u.6] { low = low << 8 | UInt64(b) }
        return Int64(bitPattern: UInt64(work.rawValue) << 56 | low)
    }
}
