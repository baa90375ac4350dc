import BallastCore
import Fluent
import Foundation
import SQLKit

/// A user's in-app inbox: unread first, newest first; read one or all.
public enum Inbox {
    public struct Item: Sendable, Equatable {
        public var id: UUID
        public var kind: NotificationKind
        public var title: String
        public var link: String
        public var createdAt: Date
        public var readAt: Date?

        public init(id: UUID, kind: NotificationKind, title: String, link: String, createdAt: Date, readAt: Date?) {
            self.id = id; self.kind = kind; self.title = title; self.link = link; self.createdAt = createdAt; self.readAt = readAt
        }
    }

    /// Messages not yet read: the inbox's figure and the header's.
    public static func unreadCount(userID: UUID, on db: any Database) async throws -> Int {
        try await (try db.sql()).raw("SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: userID) AND read_at IS NULL")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public static func list(userID: UUID, unreadOnly: Bool = false, limit: Int = 100, on db: any Database) async throws -> (unread: Int, items: [Item]) {
        let sql = try db.sql()
        let unread = try await unreadCount(userID: userID, on: db)
        // Two index range reads (unread, then read) rather than one sort over the whole inbox.
        var items = try await page(userID: userID, read: false, limit: limit, on: sql)
        if !unreadOnly && items.count < limit { items += try await page(userID: userID, read: true, limit: limit - items.count, on: sql) }
        return (unread, items)
    }

    static func page(userID: UUID, read: Bool, limit: Int, on sql: any SQLDatabase) async throws -> [Item] {
        try await sql.raw("""
            SELECT id, kind, title, link, created_at, read_at FROM notifications
            WHERE user_id = \(bind: userID) AND read_at IS \(unsafeRaw: read ? "NOT NULL" : "NULL")
            ORDER BY created_at DESC LIMIT \(literal: limit)
            """).all().map { r in
            Item(id: try r.decode(column: "id", as: UUID.self), kind: NotificationKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .assigned,
                 title: try r.decode(column: "title", as: String.self), link: try r.decode(column: "link", as: String.self),
                 createdAt: try r.decode(column: "created_at", as: Date.self), readAt: try r.decode(column: "read_at", as: Date?.self))
        }
    }

    /// Where a message of the user's own points, or nil when it is not theirs.
    public static func link(userID: UUID, id: UUID, on db: any Database) async throws -> String? {
        try await NotificationModel.query(on: db).filter(\.$id == id).filter(\.$userID == userID).first()?.link
    }

    /// Marks one message (nil: all) read; only the user's own.
    public static func markRead(userID: UUID, id: UUID?, on db: any Database) async throws -> Int {
        let sql = try db.sql()
        var q = sql.update(NotificationModel.schema).set("read_at", to: Date()).where("user_id", .equal, userID).where("read_at", .is, SQLLiteral.null)
        if let id { q = q.where("id", .equal, id) }
        let marked = try await q.returning("id").all().count
        // The header's unread count is on every cached page: the district's version moves.
        if marked > 0 {
            try await sql.raw("UPDATE districts SET data_version = data_version + 1 WHERE id = (SELECT district_id FROM users WHERE id = \(bind: userID))").run()
        }
        return marked
    }
}

/// The group robots a district's units post to: added, switched on and off, removed by the
/// administrator; every change audited. Only http(s) addresses with a host are taken.
public struct WebhookEditor: Sendable {
    public var districtID: UUID
    public var actor: ChangeActor

    public init(districtID: UUID, actor: ChangeActor) { self.districtID = districtID; self.actor = actor }

    static let notFound = ProjectItemContext.Failure.notFound(Message(zh: "机器人不存在", en: "No such webhook"))

    /// Nil when usable, else why not.
    public static func urlProblem(_ raw: String) -> Message? {
        let t = raw.trimmed
        guard let url = URL(string: t), let scheme = url.scheme?.lowercased() else {
            return Message(zh: "地址“\(t)”不是有效的网址", en: "“\(t)” is not a URL")
        }
        guard scheme == "http" || scheme == "https" else {
            return Message(zh: "地址须以 http:// 或 https:// 开头，实为“\(scheme)”", en: "The address must be http:// or https://, not \(scheme)")
        }
        guard let host = url.host, !host.isEmpty else { return Message(zh: "地址缺少主机名", en: "The address has no host") }
        if t.count > 1000 { return Message(zh: "地址超过 1000 个字符", en: "The address is over 1000 characters") }
        return nil
    }

    public func create(name: String, url: String, format: RobotMessage.Format, unitID: UUID?, on db: any Database) async throws -> WebhookModel {
        var problems: [FieldProblem] = []
        let name = name.trimmed
        if name.isEmpty { problems.append(FieldProblem("name", Message(zh: "请填写机器人名称", en: "Name the webhook"))) }
        if let p = Self.urlProblem(url) { problems.append(FieldProblem("url", p)) }
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        return try await db.writeTransaction { tx in
            if let unitID, try await ReferenceEntryModel.query(on: tx).filter(\.$id == unitID).filter(\.$district.$id == districtID).first() == nil {
                throw ProjectItemContext.Failure.invalid(field: "unit", Message(zh: "单位不在本区名单中", en: "The unit is not on the district's list"))
            }
            let h = WebhookModel()
            h.id = UUID(); h.districtID = districtID; h.unitID = unitID; h.name = name; h.url = url.trimmed; h.format = format.rawValue
            h.enabled = true; h.version = 1; h.createdAt = Date()
            try await h.create(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "create", entity: "webhook", entityID: h.id,
                                   summary: "群机器人 \(name)", before: Nothing?.none, after: ["name": name, "url": h.url, "format": h.format])
            return h
        }
    }

    public func setEnabled(id: UUID, _ enabled: Bool, on db: any Database) async throws -> WebhookModel {
        try await db.writeTransaction { tx in
            let h = try await hook(id, on: tx)
            h.enabled = enabled; h.version += 1
            try await h.update(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "update", entity: "webhook", entityID: id,
                                   summary: "群机器人 \(h.name) \(enabled ? "启用" : "停用")", before: ["enabled": !enabled], after: ["enabled": enabled])
            return h
        }
    }

    public func hook(_ id: UUID, on db: any Database) async throws -> WebhookModel {
        guard let h = try await WebhookModel.query(on: db).filter(\.$id == id).filter(\.$districtID == districtID).first() else { throw Self.notFound }
        return h
    }

    /// A robot as the admin page and the API show it.
    public struct Hook: Sendable, Hashable {
        public var id: UUID
        public var name: String
        public var url: String
        public var format: String
        public var enabled: Bool
        public var version: Int
        public var idString: String { id.uuidString }
        public init(id: UUID, name: String, url: String, format: String, enabled: Bool, version: Int) {
            self.id = id; self.name = name; self.url = url; self.format = format; self.enabled = enabled; self.version = version
        }
        public init(_ m: WebhookModel) {
            id = m.id ?? UUID(); name = m.name; url = m.url; format = m.format; enabled = m.enabled; version = m.version
        }
    }

    /// One message to a robot and what became of it.
    public struct Delivery: Sendable, Hashable {
        public var id: UUID
        public var status: String
        public var attempts: Int
        public var lastStatus: Int?
        public var lastError: String?
        public var createdAt: Date
        public var finishedAt: Date?
        public var nextAttemptAt: Date
        public init(id: UUID, status: String, attempts: Int, lastStatus: Int?, lastError: String?, createdAt: Date,
                    finishedAt: Date?, nextAttemptAt: Date) {
            self.id = id; self.status = status; self.attempts = attempts; self.lastStatus = lastStatus; self.lastError = lastError
            self.createdAt = createdAt; self.finishedAt = finishedAt; self.nextAttemptAt = nextAttemptAt
        }
        public init(_ d: WebhookDeliveryModel) {
            id = d.id ?? UUID(); status = d.status; attempts = d.attempts; lastStatus = d.lastStatus; lastError = d.lastError
            createdAt = d.createdAt; finishedAt = d.finishedAt; nextAttemptAt = d.nextAttemptAt
        }

        /// The delivery's state as a person reads it.
        public var statusName: Message {
            switch status {
            case "sent": Message(zh: "已送达", en: "Sent")
            case "failed": Message(zh: "发送失败", en: "Failed")
            case "sending": Message(zh: "发送中", en: "Sending")
            default: Message(zh: "待发送", en: "Waiting")
            }
        }

        /// Why the last attempt failed and whether another follows; nil when nothing failed.
        public var reason: Message? {
            guard let raw = lastError else {
                return lastStatus.flatMap { (200..<300).contains($0) ? nil : Message(zh: "HTTP \($0)", en: "HTTP \($0)") }
            }
            let why = DeliveryFailure(stored: raw).message
            switch status {
            case "pending": return Message(zh: "第 \(attempts) 次投递失败，将重试：\(why.zh)", en: "Attempt \(attempts) failed, will retry: \(why.en)")
            case "failed": return Message(zh: "第 \(attempts) 次投递失败，不再重试：\(why.zh)", en: "Attempt \(attempts) failed, not tried again: \(why.en)")
            default: return why
            }
        }
    }

    public struct Listed: Sendable {
        public var hook: Hook
        public var unit: String?
        public var pending: Int
        public var sent: Int
        public var failed: Int

        public init(hook: Hook, unit: String?, pending: Int, sent: Int, failed: Int) {
            self.hook = hook; self.unit = unit; self.pending = pending; self.sent = sent; self.failed = failed
        }
    }

    public func list(on db: any Database) async throws -> [Listed] {
        let sql = try db.sql()
        var counts: [UUID: [String: Int]] = [:]
        for r in try await sql.raw("""
            SELECT d.webhook_id, d.status, COUNT(*) AS n FROM webhook_deliveries d JOIN webhooks h ON h.id = d.webhook_id
            WHERE h.district_id = \(bind: districtID) GROUP BY d.webhook_id, d.status
            """).all() {
            counts[try r.decode(column: "webhook_id", as: UUID.self), default: [:]][try r.decode(column: "status", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        let units = Dictionary(try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$kind == ReferenceKind.unit.rawValue)
            .all().map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { a, _ in a })
        return try await WebhookModel.query(on: db).filter(\.$districtID == districtID).sort(\.$createdAt).all().map { h in
            let c = counts[try h.requireID()] ?? [:]
            return Listed(hook: Hook(h), unit: h.unitID.flatMap { units[$0] }, pending: (c["pending"] ?? 0) + (c["sending"] ?? 0), sent: c["sent"] ?? 0, failed: c["failed"] ?? 0)
        }
    }

    /// The delivery log, newest first.
    public func deliveries(hookID: UUID, limit: Int = 50, on db: any Database) async throws -> [Delivery] {
        _ = try await hook(hookID, on: db)
        return try await WebhookDeliveryModel.query(on: db).filter(\.$webhookID == hookID).sort(\.$createdAt, .descending).limit(limit).all()
            .map(Delivery.init)
    }
}
