import Vapor

/// bcrypt off the event loop: a hash costs a quarter second of CPU, which on an event-loop
/// thread would stall every other request that thread serves.
struct PasswordHashing: Sendable {
    let cost: Int
    let pool: NIOThreadPool
    let eventLoop: any EventLoop

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await pool.runIfActive(eventLoop: eventLoop) { try Bcrypt.hash(password, cost: cost) }.get()
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await pool.runIfActive(eventLoop: eventLoop) { try Bcrypt.verify(password, created: hash) }.get()
    }

    /// Checks against a hash of a secret nobody knows, at the configured cost, when the user
    /// name is unknown: a wrong name takes as long as a wrong password, so names cannot be
    /// probed by timing.
    func verifyDecoy(_ password: String) async throws {
        let decoy = cost == 12 ? Self.decoy12 : Self.decoyLow
        _ = try await verify(password, hash: decoy)
    }

    private static let decoy12 = try! Bcrypt.hash(SecretToken.make(), cost: 12)
    private static let decoyLow = try! Bcrypt.hash(SecretToken.make(), cost: 4)
}

extension Application {
    var passwordHashing: PasswordHashing { PasswordHashing(cost: security.bcryptCost, pool: threadPool, eventLoop: eventLoopGroup.next()) }
}

extension Request {
    var passwordHashing: PasswordHashing { PasswordHashing(cost: application.security.bcryptCost, pool: application.threadPool, eventLoop: eventLoop) }
}
