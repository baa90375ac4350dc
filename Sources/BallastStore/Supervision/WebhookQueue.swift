import Fluent
import Foundation
import SQLKit

/// The robots' outgoing queue as rows (`Notifier` fills it). A message is claimed before it is
/// sent, so two servers never send one at once; a claim lapses at its lease, so a message
/// claimed by a server that died mid-send is due again. That makes delivery at least once: a
/// server that died after the robot took the message but before recording it leaves it to be
/// sent again, with the same id (`RobotMessage.idHeader` and `ballast_message_id`), which a
/// receiver that keeps ids drops. Every time here is the database's clock (`DatabaseClock`).
public enum WebhookQueue {
    public struct Due: Sendable {
        public var id: UUID
        public var url: String
        public var payload: String
        public var attempts: Int
    }

    /// Up to `batch` messages due at `now`, each claimed until `lease`; the ones this caller won.
    public static func claim(now: Date, lease: Date, batch: Int, on db: any Database) async throws -> [Due] {
        let sql = try db.sql()
        let candidates = try await sql.raw("""
            SELECT d.id, h.url, d.payload, d.attempts FROM webhook_deliveries d JOIN webhooks h ON h.id = d.webhook_id
            WHERE d.status IN ('pending', 'sending') AND d.next_attempt_at <= \(bind: now) ORDER BY d.next_attempt_at LIMIT \(literal: batch)
            """).all().map { r in
            Due(id: try r.decode(column: "id", as: UUID.self), url: try r.decode(column: "url", as: String.self),
                payload: try r.decode(column: "payload", as: String.self), attempts: try r.decode(column: "attempts", as: Int.self))
        }
        var claimed: [Due] = []
        for c in candidates {
            let got = try await sql.update(WebhookDeliveryModel.schema).set("status", to: "sending").set("next_attempt_at", to: lease)
                .where("id", .equal, c.id).where("attempts", .equal, c.attempts).where("next_attempt_at", .lessThanOrEqual, now)
                .returning("id").all()
            if !got.isEmpty { claimed.append(c) }
        }
        return claimed
    }

    /// How an attempt ended.
    public enum Outcome: Sendable {
        case sent
        /// Failed; tried again at `retryAt`, or never again when nil.
        case failed(DeliveryFailure, retryAt: Date?)
    }

    public static func record(_ id: UUID, attempts: Int, status: Int?, _ outcome: Outcome, at now: Date, on db: any Database) async throws {
        let update = (try db.sql()).update(WebhookDeliveryModel.schema).set("attempts", to: attempts)
            .set("last_status", to: status).where("id", .equal, id)
        switch outcome {
        case .sent:
            try await update.set("status", to: "sent").set("last_error", to: SQLLiteral.null).set("finished_at", to: now).run()
        // The code, not a sentence: the reader's language says it (`Delivery.reason`).
        case .failed(let failure, let retryAt?):
            try await update.set("status", to: "pending").set("last_error", to: failure.stored)
                .set("next_attempt_at", to: retryAt).run()
        case .failed(let failure, nil):
            try await update.set("status", to: "failed").set("last_error", to: failure.stored)
                .set("finished_at", to: now).run()
        }
    }
}
