import BallastStore
import Fluent
import Foundation
import NIOCore
import SQLKit
import Vapor

/// Delivers the robots' queue in the background: due messages are claimed (so two servers never
/// send one twice), posted a few at a time with a time limit, and marked sent, or retried later
/// with a growing wait, or, after the last attempt, failed with the reason in the log. No
/// request ever waits on it: requests only queue (`Notifier`).
struct WebhookSender: Sendable {
    let db: any Database
    let client: any Client
    let logger: Logger
    var maxAttempts = 5
    var timeout: TimeAmount = .seconds(10)
    /// Messages in flight at once: a slow robot holds one slot, not the queue.
    var concurrency = 8
    /// Seconds before attempt `n + 1` after `n` failed ones: 30 s, 1, 2, 4 min…
    var backoff: @Sendable (Int) -> TimeInterval = { attempts in 30 * pow(2, Double(attempts - 1)) }

    struct Due: Sendable { var id: UUID; var url: String; var payload: String; var attempts: Int }

    /// Claims and sends what is due at `now`; the number attempted.
    @discardableResult
    func processOnce(now: Date = Date(), batch: Int = 32) async throws -> Int {
        let sql = try db.sql()
        // A message claimed by a server that died mid-send is due again once its claim lapses.
        let candidates = try await sql.raw("""
            SELECT d.id, h.url, d.payload, d.attempts FROM webhook_deliveries d JOIN webhooks h ON h.id = d.webhook_id
            WHERE d.status IN ('pending', 'sending') AND d.next_attempt_at <= \(bind: now) ORDER BY d.next_attempt_at LIMIT \(literal: batch)
            """).all().map { r in
            Due(id: try r.decode(column: "id", as: UUID.self), url: try r.decode(column: "url", as: String.self),
                payload: try r.decode(column: "payload", as: String.self), attempts: try r.decode(column: "attempts", as: Int.self))
        }
        var claimed: [Due] = []
        let lease = now.addingTimeInterval(Double(timeout.nanoseconds) / 1e9 * 3 + 30)
        for c in candidates {
            let got = try await sql.update(WebhookDeliveryModel.schema).set("status", to: "sending").set("next_attempt_at", to: lease)
                .where("id", .equal, c.id).where("attempts", .equal, c.attempts).where("next_attempt_at", .lessThanOrEqual, now)
                .returning("id").all()
            if !got.isEmpty { claimed.append(c) }
        }
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
        var status: Int?
        var failure: String?
        do {
            var request = ClientRequest(method: .POST, url: URI(string: c.url), headers: ["Content-Type": "application/json; charset=utf-8"],
                                        body: ByteBuffer(string: c.payload), timeout: timeout)
            request.headers.replaceOrAdd(name: "User-Agent", value: "Ballast")
            let response = try await client.send(request)
            status = Int(response.status.code)
            let body = response.body.map { Data(buffer: $0) }
            if !RobotMessage.accepted(status: Int(response.status.code), body: body) {
                failure = "HTTP \(response.status.code)" + (body.map { " " + String(decoding: $0.prefix(200), as: UTF8.self) } ?? "")
            }
        } catch {
            failure = String(String(describing: error).prefix(300))
        }
        let attempts = c.attempts + 1
        let update = (try db.sql()).update(WebhookDeliveryModel.schema).set("attempts", to: attempts)
            .set("last_status", to: status).where("id", .equal, c.id)
        if let error = failure {
            if attempts >= maxAttempts {
                logger.warning("webhook delivery \(c.id) failed after \(attempts) attempts: \(error)")
                try await update.set("status", to: "failed").set("last_error", to: "第 \(attempts) 次投递失败，不再重试：\(error)")
                    .set("finished_at", to: Date()).run()
            } else {
                try await update.set("status", to: "pending").set("last_error", to: "第 \(attempts) 次投递失败，将重试：\(error)")
                    .set("next_attempt_at", to: now.addingTimeInterval(backoff(attempts))).run()
            }
        } else {
            try await update.set("status", to: "sent").set("last_error", to: SQLLiteral.null).set("finished_at", to: Date()).run()
        }
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
