import Fluent
import Foundation
import SQLKit
import Synchronization

/// Each district's data version (issue 29): a number in the district's row that every committed
/// change to its records advances, in the transaction of the change. Answers worked out from the
/// records (figures, panels, page models, an API's JSON) are cached under it (`AnswerCache`) and
/// ETags are made from it; the caller's district row, and so its version, is read from the
/// database on every request, so an instance never serves an answer older than the database
/// however many instances share it.
///
/// Nothing has to remember to advance it. `writeTransaction` advances, as it commits, the version
/// of every district the transaction's audit entries name (`Audit` marks them here); a change
/// that writes no audit entry advances every district's, unless it says it is bookkeeping
/// (a sign-in, a job's claim: nothing a cached answer reads). An audit entry written outside a
/// transaction advances its district at once.
public enum DataVersion {
    /// What a transaction touched, gathered as it runs.
    final class Changes: Sendable {
        struct State { var districts: Set<UUID> = []; var everything = false }
        let state = Mutex(State())

        func mark(_ districtID: UUID?) {
            state.withLock { s in
                if let districtID { s.districts.insert(districtID) } else { s.everything = true }
            }
        }
    }

    @TaskLocal static var current: Changes?

    /// Notes that the running transaction changed `districtID`'s records (nil: records of no
    /// one district, so every district's answers). Outside a write transaction it does nothing:
    /// `advanceNow` is for that.
    public static func touch(_ districtID: UUID?) {
        current?.mark(districtID)
    }

    /// For a change made outside `writeTransaction` (a message marked read): advances now.
    public static func advanceNow(_ districtID: UUID, on db: any Database) async throws {
        try await (try db.sql()).raw("UPDATE districts SET data_version = data_version + 1 WHERE id = \(bind: districtID)").run()
    }

    /// The district's version as the database holds it now.
    public static func read(_ districtID: UUID, on db: any Database) async throws -> Int64 {
        try await (try db.sql()).raw("SELECT data_version FROM districts WHERE id = \(bind: districtID)")
            .first(decoding: Row.self)?.data_version ?? 0
    }

    struct Row: Decodable { var data_version: Int64 }

    /// Runs `body` gathering what it touches, then advances those districts' versions in the
    /// same transaction. A transaction inside another (the same `tx` handed down) gathers into
    /// the outer one, which advances once.
    static func gathering<T: Sendable>(_ kind: WriteKind, on tx: any Database,
                                       _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if current != nil { return try await body(tx) }
        let changes = Changes()
        let result = try await $current.withValue(changes) { try await body(tx) }
        let (districts, everything) = changes.state.withLock { ($0.districts, $0.everything) }
        let sql = try tx.sql()
        guard kind == .records else { return result }
        if everything || districts.isEmpty {
            try await sql.raw("UPDATE districts SET data_version = data_version + 1").run()
        } else {
            // In one order, so two transactions touching the same districts never wait on each other in a cycle.
            for id in districts.sorted(by: { $0.uuidString < $1.uuidString }) {
                try await sql.raw("UPDATE districts SET data_version = data_version + 1 WHERE id = \(bind: id)").run()
            }
        }
        return result
    }
}

/// What a write transaction changes, for the data version.
public enum WriteKind: Sendable {
    /// Records some answer reads: the districts its audit entries name advance, every district
    /// when it names none.
    case records
    /// Only bookkeeping no cached answer reads (a sign-in's counters, session and audit entry; a
    /// scheduled job's claim): advances nothing. The audit page, which shows sign-ins, is not cached.
    case bookkeeping
}
