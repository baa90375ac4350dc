import BallastStore
import Fluent
import Foundation
import NIOCore
import Vapor

/// Delivers the robots' queue in the background: due messages are claimed (so two servers never
/// send one twice), posted a few at a time with a time limit, and marked sent, or retried later
/// with a growing wait, or, after the last attempt, failed with the reason in the log. No
/// request ever waits on it: requests only queue (`Notifier`).
package struct WebhookSender: Sendable {
    package init(db: any Database, client: any Client, logger: Logger) { self.db = db; self.client = client; self.logger = logger }

    let db: any Database
    let client: any Client
    let logger: Logger
    var maxAttempts = 5
    var timeout: TimeAmount = .seconds(10)
    /// Messages in flight at once: a slow robot holds one slot, not the queue.
    package var concurrency = 8
    /// Seconds before attempt `n + 1` after `n` failed ones: 30 s, 1, 2, 4 min…
    var backoff: @Sendable (Int) -> TimeInterval = { attempts in 30 * pow(2, Double(attempts - 1)) }

    typealias Due = WebhookQueue.Due

    /// Claims and sends what is due at `now` (by default the database's clock, which every
    /// instance shares); the number attempted.
    @discardableResult
    package func processOnce(now time: Date? = nil, batch: Int = 32) async throws -> Int {
        let now: Date
        if let time { now = time } else { now = try await DatabaseClock.now(on: db) }
        let lease = now.addingTimeInterval(Double(timeout.nanoseconds) / 1e9 * 3 + 30)
        let claimed = try await WebhookQueue.claim(now: now, lease: lease, batch: batch, on: db)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            for c in claimed {
                if running == concurrency { try await group.next(); running -= 1 }
                group.addTask { try await deliver(c, now: now) }
                running += 1
            }
            try await group.waitForAll()
        }
        return claimed.count
    }

    func deliver(_ c: Due, now: Date) async throws {
        let (status, failure) = await post(c)
        let attempts = c.attempts + 1
        let outcome: WebhookQueue.Outcome
        if let error = failure {
            if attempts >= maxAttempts { logger.warning("webhook delivery \(c.id) failed after \(attempts) attempts: \(error)") }
            outcome = .failed(error, retryAt: attempts >= maxAttempts ? nil : now.addingTimeInterval(backoff(attempts)))
        } else {
            outcome = .sent
        }
        try await WebhookQueue.record(c.id, attempts: attempts, status: status, outcome, at: now, on: db)
    }

    /// One attempt: the message with its id in a header (the payload carries it too); the
    /// robot's status and, when it did not take the message, why.
    func post(_ c: Due) async -> (Int?, DeliveryFailure?) {
        var status: Int?
        var failure: DeliveryFailure?
        do {
            var request = ClientRequest(method: .POST, url: URI(string: c.url), headers: ["Content-Type": "application/json; charset=utf-8"],
                                        body: ByteBuffer(string: c.payload), timeout: timeout)
            request.headers.replaceOrAdd(name: "User-Agent", value: "Ballast")
            request.headers.replaceOrAdd(name: RobotMessage.idHeader, value: c.id.uuidString.lowercased())
            let response = try await client.send(request)
            status = Int(response.status.code)
            let body = response.body.map { Data(buffer: $0) }
            if !RobotMessage.accepted(status: Int(response.status.code), body: body) {
                failure = .rejected(status: Int(response.status.code), detail: body.map { String(decoding: $0.prefix(200), as: UTF8.self) } ?? "")
            }
        } catch {
            // The client's own words stay in the server's log for whoever runs it; the delivery log keeps the sorted reason.
            logger.info("webhook delivery \(c.id) attempt failed: \(String(describing: error))")
            failure = DeliveryFailure.classify(String(describing: error))
        }
        return (status, failure)
    }

    /// The serving instance's loop: every few seconds, what is due.
    static func schedule(_ app: Application, every interval: Duration = .seconds(3)) {
        let sender = WebhookSender(db: app.db, client: app.client, logger: app.logger)
        let task = Task {
            while !Task.isCancelled {
                do { try await sender.processOnce() } catch { app.logger.report(error: error) }
                try? await Task.sleep(for: interval)
            }
        }
        app.lifecycle.use(NightlyJob.Stopper(task: task))
    }
}
