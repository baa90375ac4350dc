import BallastCore
import Foundation
import Synchronization

/// Answers worked out from a district's records, kept in memory under the district's data
/// version (`DataVersion`): a figure, a dashboard's panels, a list page, an API's JSON. A key
/// holds the version the caller read with its district row at the start of the request, so an
/// answer is reused only while the database still holds that version; once any change commits
/// (on this instance or another one sharing the database) the next request reads a newer
/// version and misses. Old versions of a district are dropped as soon as a newer one is stored.
///
/// Bounded by entries and by bytes (each answer says what it weighs); past either bound the
/// least recently used go. Requests that miss on the same key at once wait for one computation
/// (a Monday morning's first dashboard is worked out once, not five hundred times).
public final class AnswerCache: Sendable {
    public struct Key: Hashable, Sendable {
        public var districtID: UUID
        public var version: Int64
        /// The district's today: an answer that reads "today" is not today's tomorrow.
        public var today: CalendarDate
        /// Who may see what: the roles, the unit a unit user is held to, the leader.
        public var scope: String
        /// Which answer: its name and every parameter it depends on (the as-of day among them).
        public var what: String

        public init(districtID: UUID, version: Int64, today: CalendarDate, scope: String, what: String) {
            self.districtID = districtID; self.version = version; self.today = today; self.scope = scope; self.what = what
        }
    }

    public struct Figures: Sendable, Equatable {
        public var entries: Int
        public var bytes: Int
        public var hits: Int
        public var misses: Int
        public var evictions: Int
    }

    struct Entry {
        var value: any Sendable
        var bytes: Int
        var used: UInt64
    }

    struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var tick: UInt64 = 0
        var latest: [UUID: Int64] = [:]
        var inflight: [Key: Task<any Sendable, any Error>] = [:]
        var hits = 0, misses = 0, evictions = 0
    }

    public let maxEntries: Int
    public let maxBytes: Int
    let state = Mutex(State())

    /// Zero for either bound keeps nothing and shares nothing: every request works its answer out
    /// (for measuring the work itself, `BALLAST_CACHE_MB=0`).
    public init(maxEntries: Int = 4_000, maxBytes: Int = 256 << 20) {
        self.maxEntries = max(0, maxEntries); self.maxBytes = max(0, maxBytes)
    }

    public var keeps: Bool { maxEntries > 0 && maxBytes > 0 }

    /// The answer under `key`, worked out by `compute` when it is not kept (or was kept under
    /// another type). `weight` says roughly how many bytes the answer holds.
    public func value<T: Sendable>(_ key: Key, weight: @escaping @Sendable (T) -> Int = { _ in 4_096 },
                                   _ compute: @escaping @Sendable () async throws -> T) async throws -> T {
        guard keeps else { return try await compute() }
        let found: Found = state.withLock { s in
            s.tick &+= 1
            if let e = s.entries[key], e.value is T {
                s.entries[key]?.used = s.tick
                s.hits += 1
                return .kept(e.value)
            }
            s.misses += 1
            if let running = s.inflight[key] { return .waiting(running) }
            let task = Task<any Sendable, any Error> { try await compute() }
            s.inflight[key] = task
            return .mine(task)
        }
        switch found {
        case .kept(let v):
            if let v = v as? T { return v }
            return try await compute()
        case .waiting(let task):
            if let v = try await task.value as? T { return v }
            return try await compute()
        case .mine(let task):
            do {
                let any = try await task.value
                guard let v = any as? T else { throw CancellationError() }
                store(key, v, bytes: weight(v))
                return v
            } catch {
                _ = state.withLock { $0.inflight.removeValue(forKey: key) }
                throw error
            }
        }
    }

    enum Found { case kept(any Sendable), waiting(Task<any Sendable, any Error>), mine(Task<any Sendable, any Error>) }

    func store(_ key: Key, _ value: any Sendable, bytes: Int) {
        state.withLock { s in
            s.inflight.removeValue(forKey: key)
            // A version older than one already stored for the district can never be asked again.
            let latest = s.latest[key.districtID] ?? Int64.min
            if key.version < latest { return }
            if key.version > latest {
                s.latest[key.districtID] = key.version
                for (k, e) in s.entries where k.districtID == key.districtID && k.version < key.version {
                    s.entries.removeValue(forKey: k); s.bytes -= e.bytes
                }
            }
            s.tick &+= 1
            if let old = s.entries[key] { s.bytes -= old.bytes }
            s.entries[key] = Entry(value: value, bytes: max(bytes, 1), used: s.tick)
            s.bytes += max(bytes, 1)
            if s.entries.count > maxEntries || s.bytes > maxBytes { evict(&s) }
        }
    }

    /// Drops the least recently used until a tenth below both bounds: one sort per many stores.
    func evict(_ s: inout State) {
        let keepEntries = maxEntries - maxEntries / 10, keepBytes = maxBytes - maxBytes / 10
        for (k, e) in s.entries.sorted(by: { $0.value.used < $1.value.used }) {
            if s.entries.count <= keepEntries && s.bytes <= keepBytes { break }
            s.entries.removeValue(forKey: k); s.bytes -= e.bytes; s.evictions += 1
        }
    }

    public var figures: Figures {
        state.withLock { Figures(entries: $0.entries.count, bytes: $0.bytes, hits: $0.hits, misses: $0.misses, evictions: $0.evictions) }
    }

    /// Forgets every answer (the page bench's "first request" times).
    public func removeAll() {
        state.withLock { s in s.entries.removeAll(); s.bytes = 0; s.latest.removeAll() }
    }
}
