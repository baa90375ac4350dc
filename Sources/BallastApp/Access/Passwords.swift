import BallastStore
import Vapor

/// bcrypt off the event loop: a hash costs a quarter second of CPU, which on an event-loop
/// thread would stall every other request that thread serves.
package struct PasswordHashing: PasswordHashes {
    package init(cost: Int, pool: NIOThreadPool, eventLoop: any EventLoop) { self.cost = cost; self.pool = pool; self.eventLoop = eventLoop }

    let cost: Int
    let pool: NIOThreadPool
    let eventLoop: any EventLoop

    package func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await pool.runIfActive(eventLoop: eventLoop) { try Bcrypt.hash(password, cost: cost) }.get()
    }

    package func verify(_ password: String, hash: String) async throws -> Bool {
        try await pool.runIfActive(eventLoop: eventLoop) { try Bcrypt.verify(password, created: hash) }.get()
    }

    /// Checks against a hash of a secret nobody knows, at the configured cost, when the user
    /// name is unknown: a wrong name takes as long as a wrong password, so names cannot be
    /// probed by timing.
    func verifyDecoy(_ password: String) async throws {
        let decoy = cost == 12 ? Self.decoy12 : Self.decoyLow
        _ = try await verify(password, hash: decoy.hash)
    }

    /// Waits as long as a check takes, without doing one: a refused (throttled) attempt answers
    /// in the time a checked one does, so refusals tell nothing by timing, yet a flood of them
    /// costs no CPU and cannot queue bcrypt work ahead of real sign-ins.
    func waitAsLongAsACheck() async throws {
        let decoy = cost == 12 ? Self.decoy12 : Self.decoyLow
        try await Task.sleep(for: .seconds(decoy.seconds))
    }

    // Hashing a fresh random token cannot fail; were it to, a decoy of the right shape that
    // matches nothing still costs the same time to check. Hashing and checking cost the same,
    // so the time the decoy took to make is the time a check takes.
    private static let decoy12 = timedDecoy(cost: 12)
    private static let decoyLow = timedDecoy(cost: 4)

    private static func timedDecoy(cost: Int) -> (hash: String, seconds: Double) {
        let start = ContinuousClock.now
        let hash = (try? Bcrypt.hash(SecretToken.make(), cost: cost)) ?? "$2b$\(cost < 10 ? "0" : "")\(cost)$" + String(repeating: "A", count: 53)
        let d = ContinuousClock.now - start
        return (hash, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
}

/// bcrypt's own threads, fewer than the cores: a flood of failed sign-ins queues here, and the
/// blocking pool the database calls run on (and the other cores) stay free for everyone's reads.
/// On the shared pool, 500 failed sign-ins once took other users' reads from 17 ms to 1.5 s.
final class HashingPool: LifecycleHandler {
    let pool: NIOThreadPool

    init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    func shutdown(_ application: Application) {
        try? pool.syncShutdownGracefully()
    }

    static func install(on app: Application) {
        let hashing = HashingPool(threads: max(1, System.coreCount / 2))
        app.storage[Key.self] = hashing
        app.lifecycle.use(hashing)
    }

    struct Key: StorageKey { typealias Value = HashingPool }
}

extension Application {
    /// The hashing pool when configured; the blocking pool otherwise (an app set up by hand in a test).
    package var hashingThreads: NIOThreadPool { storage[HashingPool.Key.self]?.pool ?? threadPool }
    var passwordHashing: PasswordHashing { PasswordHashing(cost: security.bcryptCost, pool: hashingThreads, eventLoop: eventLoopGroup.next()) }
    /// The same, for code outside the app library (the demo loader).
    public var passwordHashes: any PasswordHashes { passwordHashing }
}

extension Request {
    var passwordHashing: PasswordHashing { PasswordHashing(cost: application.security.bcryptCost, pool: application.hashingThreads, eventLoop: eventLoop) }
}
