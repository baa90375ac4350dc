import BallastCore
import Fluent
import Foundation
import SQLKit

/// What a notification is about.
public enum NotificationKind: String, Sendable, CaseIterable, Codable {
    case assigned, decision, notice, escalated
    case dueTomorrow = "due-tomorrow"
    case overdue
    /// A 批示 reported done by its units, for the leader who gave it to close.
    case resolved
    /// A step of the nightly job failed (to the office).
    case jobFailed = "job-failed"

    public var chineseName: String {
        switch self {
        case .assigned: "新交办"; case .decision: "会议议定"; case .notice: "催办单"; case .escalated: "催办升级"
        case .dueTomorrow: "明日到期"; case .overdue: "已逾期"; case .resolved: "待销号"; case .jobFailed: "任务失败"
        }
    }

    public var englishName: String {
        switch self {
        case .assigned: "Assigned"; case .decision: "Decision"; case .notice: "Notice"; case .escalated: "Escalated"
        case .dueTomorrow: "Due tomorrow"; case .overdue: "Overdue"; case .resolved: "To close"; case .jobFailed: "Job failed"
        }
    }
}

/// Tells the people concerned: a message in the inbox of every user of the units named (and of
/// the users named), and one message queued for each enabled robot of those units and of the
/// whole district. Called inside the change's own transaction, so a message exists exactly when
/// its change does; robots are only queued here, never called, so a slow or failing one cannot
/// hold up the request (`WebhookSender` delivers the queue).
public enum Notifier {
    public struct Event: Sendable {
        public var districtID: UUID
        public var kind: NotificationKind
        public var title: String
        public var link: String
        public var units: [UUID]
        /// Escalations go to the leaders of these units rather than their users.
        public var leadersOf: [UUID]
        public var usernames: [String]
        /// Sent once per user: a second event with the same key is dropped.
        public var dedupeKey: String?

        public init(districtID: UUID, kind: NotificationKind, title: String, link: String, units: [UUID] = [], leadersOf: [UUID] = [],
                    usernames: [String] = [], dedupeKey: String? = nil) {
            self.districtID = districtID; self.kind = kind; self.title = title; self.link = link; self.units = units
            self.leadersOf = leadersOf; self.usernames = usernames; self.dedupeKey = dedupeKey
        }
    }

    public static func send(_ e: Event, on db: any Database) async throws {
        let sql = try db.sql()
        var recipients: Set<UUID> = []
        let active: SQLQueryString = "SELECT id FROM users WHERE district_id = \(bind: e.districtID) AND disabled = \(bind: false)"
        if !e.units.isEmpty {
            for r in try await sql.raw(active + " AND unit_id IN (\(binds: e.units))").all() { recipients.insert(try r.decode(column: "id", as: UUID.self)) }
        }
        if !e.leadersOf.isEmpty {
            var leaders = try await sql.raw(active + " AND roles LIKE '%leader%' AND unit_id IN (\(binds: e.leadersOf))").all()
            // A unit without a leader of its own in the system: the district's leaders hear of it.
            if leaders.isEmpty { leaders = try await sql.raw(active + " AND roles LIKE '%leader%'").all() }
            for r in leaders { recipients.insert(try r.decode(column: "id", as: UUID.self)) }
        }
        if !e.usernames.isEmpty {
            for r in try await sql.raw(active + " AND username IN (\(binds: e.usernames))").all() { recipients.insert(try r.decode(column: "id", as: UUID.self)) }
        }
        if let key = e.dedupeKey, !recipients.isEmpty {
            for r in try await sql.raw("SELECT user_id FROM notifications WHERE dedupe_key = \(bind: key) AND user_id IN (\(binds: Array(recipients)))").all() {
                recipients.remove(try r.decode(column: "user_id", as: UUID.self))
            }
            // Robots post once per key too.
            if recipients.isEmpty { return }
        }
        let now = Date()
        var rows: [NotificationModel] = []
        for user in recipients.sorted(by: { $0.uuidString < $1.uuidString }) {
            let n = NotificationModel()
            n.id = UUID(); n.districtID = e.districtID; n.userID = user; n.kind = e.kind.rawValue; n.title = e.title; n.link = e.link
            n.dedupeKey = e.dedupeKey; n.createdAt = now
            rows.append(n)
        }
        try await BulkInsert.insert(rows, on: db)
        let targets = Array(Set(e.units + e.leadersOf))
        var hooks = WebhookModel.query(on: db).filter(\.$districtID == e.districtID).filter(\.$enabled == true)
        hooks = targets.isEmpty ? hooks.filter(\.$unitID == nil) : hooks.group(.or) { $0.filter(\.$unitID == nil).filter(\.$unitID ~~ targets) }
        for hook in try await hooks.all() {
            try await enqueue(hook, text: "【\(e.kind.chineseName)】\(e.title)", link: e.link, on: db)
        }
    }

    /// Queues one message for a robot (also the admin page's test message), due at once by the
    /// database's clock (the senders on every instance judge "due" by that clock too).
    @discardableResult
    public static func enqueue(_ hook: WebhookModel, text: String, link: String, at time: Date? = nil, on db: any Database) async throws -> WebhookDeliveryModel {
        var now = time ?? Date()
        if time == nil { now = try await DatabaseClock.now(on: db) }
        let d = WebhookDeliveryModel()
        let id = UUID()
        d.id = id; d.webhookID = try hook.requireID()
        d.payload = RobotMessage.body(format: RobotMessage.Format(rawValue: hook.format) ?? .wecom, text: text, link: link, id: id)
        d.status = "pending"; d.attempts = 0; d.nextAttemptAt = now; d.createdAt = now
        try await d.create(on: db)
        return d
    }
}

extension NotificationModel: BulkInsertable {
    static let columns = ["id", "district_id", "user_id", "kind", "title", "link", "dedupe_key", "created_at", "read_at"]
    var row: [any Encodable & Sendable] { [id, districtID, userID, kind, title, link, dedupeKey, createdAt, readAt] }
}

/// The JSON the group robots government offices use accept: 企业微信 and 钉钉 both take
/// `{"msgtype": "text", "text": {"content": …}}`; both answer `{"errcode": 0}` when they took it.
public enum RobotMessage {
    public enum Format: String, Sendable, CaseIterable, Codable {
        case wecom, dingtalk

        public var chineseName: String { self == .wecom ? "企业微信群机器人" : "钉钉群机器人" }
    }

    struct Text: Encodable { var content: String }
    struct Body: Encodable {
        var msgtype = "text"
        var text: Text
        /// The message's id, the same on every attempt: delivery is at least once, and a
        /// receiver that keeps the ids it has seen drops a repeat. The robots ignore the field;
        /// it also goes as the `X-Ballast-Message-Id` header.
        var ballast_message_id: String
    }

    public static let idHeader = "X-Ballast-Message-Id"

    public static func body(format: Format, text: String, link: String, id: UUID) -> String {
        // The two robots read the same text message; the format is kept per robot so a richer
        // message type for one of them changes nothing for the other.
        let content = "Ballast 重点项目督办\n\(text)\n\(link)"
        return String(decoding: (try? JSONEncoder.sorted.encode(Body(text: Text(content: content), ballast_message_id: id.uuidString.lowercased()))) ?? Data(), as: UTF8.self)
    }

    /// Whether the robot's answer says it took the message: 2xx, and `errcode` 0 when it says one.
    public static func accepted(status: Int, body: Data?) -> Bool {
        guard (200..<300).contains(status) else { return false }
        guard let body, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let code = object["errcode"] else { return true }
        return (code as? Int) == 0
    }
}
