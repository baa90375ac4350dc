import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import SQLKit
import Testing

/// Issue 29: the district's data version moves with every committed change, in the change's
/// transaction, whoever wrote it; and the kept answers stay within their bounds.
@Suite struct DataVersionStoreTests {
    static func districts(_ db: any Database) async throws -> (UUID, UUID) {
        let a = DistrictModel(id: UUID(), code: "va", name: "甲区"), b = DistrictModel(id: UUID(), code: "vb", name: "乙区")
        try await a.create(on: db); try await b.create(on: db)
        return (try a.requireID(), try b.requireID())
    }

    static func audit(_ districtID: UUID?, on db: any Database) async throws {
        try await Audit.record(on: db, districtID: districtID, actor: ChangeActor(name: "t"), action: "test", entity: "test",
                               entityID: nil, before: Nothing?.none, after: Nothing?.none)
    }

    static func versions(_ a: UUID, _ b: UUID, _ db: any Database) async throws -> [Int64] {
        [try await DataVersion.read(a, on: db), try await DataVersion.read(b, on: db)]
    }

    struct Refused: Error {}

    @Test func aChangeMovesItsDistrictsVersionOnlyWhenItCommits() async throws {
        try await StoreDatabase.with { ctx in
            let db = ctx.db
            let (a, b) = try await Self.districts(db)
            #expect(try await Self.versions(a, b, db) == [0, 0])
            // A change audited for 甲区 moves 甲区's version once, however many entries it writes.
            try await db.writeTransaction { tx in
                try await Self.audit(a, on: tx); try await Self.audit(a, on: tx)
            }
            #expect(try await Self.versions(a, b, db) == [1, 0])
            // Rolled back: nothing moves.
            await #expect(throws: Refused.self) {
                try await db.writeTransaction { tx in try await Self.audit(b, on: tx); throw Refused() }
            }
            #expect(try await DataVersion.read(b, on: db) == 0)
            // A write that names no district (no audit entry): every district moves.
            try await db.writeTransaction { tx in
                try await (try tx.sql()).raw("UPDATE districts SET name = name WHERE 1 = 0").run()
            }
            #expect(try await Self.versions(a, b, db) == [2, 1])
            // Bookkeeping (a sign-in, a job's claim) moves nothing, even with an audit entry.
            try await db.writeTransaction(.bookkeeping) { tx in try await Self.audit(a, on: tx) }
            #expect(try await DataVersion.read(a, on: db) == 2)
            // A transaction handed down into another writeTransaction: one move for the whole.
            try await db.writeTransaction { tx in
                try await tx.writeTransaction { inner in try await Self.audit(b, on: inner) }
                try await Self.audit(b, on: tx)
            }
            #expect(try await Self.versions(a, b, db) == [2, 2])
            // An audited change made outside any transaction moves its district at once.
            try await Self.audit(a, on: db)
            #expect(try await DataVersion.read(a, on: db) == 3)
        }
    }

    /// The store's own workflows, not only the audit helper: a project edited through
    /// `ProjectEditor` and a colour recompute (which writes no audit entry) both move the version.
    @Test func theWorkflowsAndTheRecolourMoveTheVersion() async throws {
        try await StoreDatabase.with(demo: true) { ctx in
            let db = ctx.db
            let district = try #require(try await DistrictModel.query(on: db).first())
            let id = try district.requireID()
            let v0 = try await DataVersion.read(id, on: db)
            try await WarningEngine.recompute(districtID: id, year: 2023, asOf: CalendarDate(year: 2023, month: 7, day: 31)!, on: db)
            let v1 = try await DataVersion.read(id, on: db)
            #expect(v1 > v0)
        }
    }

    @Test func keptAnswersStayWithinTheirBoundsAndOldVersionsGo() async throws {
        let cache = AnswerCache(maxEntries: 10, maxBytes: 1_000)
        let d = UUID(), day = CalendarDate(year: 2023, month: 6, day: 30)!
        func key(_ v: Int64, _ what: String, district: UUID = d) -> AnswerCache.Key {
            AnswerCache.Key(districtID: district, version: v, today: day, scope: "office", what: what)
        }
        let light: @Sendable (Int) -> Int = { _ in 10 }
        for i in 0..<25 { _ = try await cache.value(key(1, "q\(i)"), weight: light) { i } }
        #expect(cache.figures.entries <= 10)
        // Kept: the same key answers without computing.
        let kept = try await cache.value(key(1, "q24")) { -1 }
        #expect(kept == 24)
        // Bytes: one heavy answer pushes out the rest, never past the bound.
        _ = try await cache.value(key(1, "heavy"), weight: { _ in 900 }) { 7 }
        #expect(cache.figures.bytes <= 1_000)
        // A newer version of the district drops every older one; other districts keep theirs.
        let other = UUID()
        _ = try await cache.value(key(1, "x", district: other), weight: light) { 1 }
        _ = try await cache.value(key(2, "q24"), weight: light) { 2 }
        #expect(try await cache.value(key(1, "q24")) { -1 } == -1)
        #expect(try await cache.value(key(1, "x", district: other)) { -1 } == 1)
        // A failed computation is not kept.
        struct Failed: Error {}
        await #expect(throws: Failed.self) { _ = try await cache.value(key(2, "bad")) { () async throws -> Int in throw Failed() } }
        #expect(try await cache.value(key(2, "bad")) { 5 } == 5)
    }

    @Test func missesAtOnceOnOneKeyComputeOnce() async throws {
        let cache = AnswerCache()
        let key = AnswerCache.Key(districtID: UUID(), version: 1, today: CalendarDate(year: 2023, month: 6, day: 30)!, scope: "s", what: "w")
        let counter = Counter()
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await cache.value(key) { () async throws -> Int in
                        counter.add()
                        try await Task.sleep(for: .milliseconds(50))
                        return 42
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results.count == 50 && results.allSatisfy { $0 == 42 })
        #expect(counter.value == 1)
    }

    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }
}

extension DataVersionStoreTests {
    /// `BALLAST_CACHE_MB=0`: nothing kept, nothing shared, every caller computes its own.
    @Test func aCacheOfNoSizeKeepsAndSharesNothing() async throws {
        let cache = AnswerCache(maxEntries: 4_000, maxBytes: 0)
        let key = AnswerCache.Key(districtID: UUID(), version: 1, today: CalendarDate(year: 2023, month: 6, day: 30)!, scope: "s", what: "w")
        #expect(try await cache.value(key) { 1 } == 1)
        #expect(try await cache.value(key) { 2 } == 2)
        #expect(cache.figures.entries == 0)
    }
}
