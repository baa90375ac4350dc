import BallastStore
import Fluent
import Vapor

extension Application {
    /// A database handle on an event loop other than `loop`, for a query that reads two sources
    /// at once. SQLite gives each event loop a single connection and runs its queries one after
    /// another, so a second source read on the same handle would wait; on another loop's
    /// connection it runs on the other core. Nil on a single-loop application.
    package func database(beside loop: any EventLoop) -> (any Database)? {
        guard let other = eventLoopGroup.makeIterator().first(where: { $0 !== loop }) else { return nil }
        return databases.database(logger: logger, on: other)
    }

    /// Each event loop's SQLite connection tuned (`DatabaseSetup.tuneSQLite`).
    func tuneSQLiteConnections() async throws {
        for loop in eventLoopGroup.makeIterator() {
            try await DatabaseSetup.tuneSQLite(databases.database(logger: logger, on: loop) ?? db)
        }
    }
}

extension Request {
    /// See `Application.database(beside:)`.
    var dbAlongside: (any Database)? { application.database(beside: eventLoop) }
}
