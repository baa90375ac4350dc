import BallastCore
import BallastStore
import Fluent
import Vapor

/// 群机器人: the administrator adds each unit's (or the district's) 企业微信 or 钉钉 robot,
/// sends it a test message, switches it off, and reads its delivery log.
struct WebhooksController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.access(.requires(.manageUsers))
        admin.get(Site.adminWebhooks, use: page)
        admin.post(Site.adminWebhooks, use: createPage)
        admin.post(Site.adminWebhookTest, use: testPage)
        admin.post(Site.adminWebhookEnabled, use: togglePage)
        admin.get(Site.API.webhooks, use: listAPI)
        admin.post(Site.API.webhooks, use: createAPI)
        admin.post(Site.API.webhookTest, use: testAPI)
        admin.put(Site.API.webhookEnabled, use: toggleAPI)
        admin.get(Site.API.webhookDeliveries, use: deliveriesAPI)
    }

    static let noHook = Message(zh: "机器人不存在", en: "No such webhook")

    func editor(_ req: Request) throws -> WebhookEditor {
        WebhookEditor(districtID: try req.district().requireID(), actor: try req.changeActor())
    }

    struct HookBody: Content { var name: String?; var url: String?; var format: String?; var unit: String? }
    struct ToggleBody: Content { var enabled: Bool? }

    struct HookDTO: Content {
        var id: UUID, name: String, url: String, format: String, unit: String?, enabled: Bool, pending: Int, sent: Int, failed: Int
        init(_ l: WebhookEditor.Listed) {
            id = l.hook.id; name = l.hook.name; url = l.hook.url; format = l.hook.format; unit = l.unit; enabled = l.hook.enabled
            pending = l.pending; sent = l.sent; failed = l.failed
        }
    }

    struct DeliveryDTO: Content {
        var id: UUID, status: String, attempts: Int, lastStatus: Int?, lastError: String?, createdAt: Date, finishedAt: Date?, nextAttemptAt: Date
        /// `lastError`: why the last attempt failed and whether another follows, in the request's language.
        init(_ d: WebhookEditor.Delivery, lang: UILanguage) {
            id = d.id; status = d.status; attempts = d.attempts; lastStatus = d.lastStatus; lastError = d.reason?.text(lang); createdAt = d.createdAt
            finishedAt = d.finishedAt; nextAttemptAt = d.nextAttemptAt
        }
    }

    func create(_ req: Request, _ b: HookBody) async throws -> WebhookModel {
        guard let format = RobotMessage.Format(rawValue: (b.format ?? "wecom").trimmed) else {
            throw BallastError.badParameter("format", zh: "format 应为 wecom（企业微信）或 dingtalk（钉钉）", en: "format must be wecom or dingtalk")
        }
        var unit: UUID?
        if let name = b.unit?.trimmed, !name.isEmpty {
            guard let id = try await ReferenceLists.entry(.unit, named: name, districtID: try req.district().requireID(), on: req.db)?.id else {
                throw BallastError.badParameter("unit", zh: "单位“\(name)”不在本区名单中", en: "“\(name)” is not on the district's list of units")
            }
            unit = id
        }
        return try await editor(req).create(name: b.name ?? "", url: b.url ?? "", format: format, unitID: unit, on: req.db)
    }

    func listAPI(req: Request) async throws -> [HookDTO] { try await editor(req).list(on: req.db).map(HookDTO.init) }

    func createAPI(req: Request) async throws -> Response {
        let h = try await create(req, try req.content.decode(HookBody.self))
        return try await HookDTO(try await listed(req, h)).encodeResponse(status: .created, for: req)
    }

    /// Queues a test message: the background sender posts it, and the log shows what came back.
    func test(_ req: Request) async throws -> WebhookDeliveryModel {
        let h = try await editor(req).hook(try req.id("hook", orElse: Self.noHook), on: req.db)
        return try await Notifier.enqueue(h, text: "测试消息：\(h.name) 已接入 Ballast 重点项目督办。", link: Site.inbox.link, on: req.db)
    }

    func testAPI(req: Request) async throws -> Response {
        try await DeliveryDTO(WebhookEditor.Delivery(try await test(req)), lang: req.language).encodeResponse(status: .accepted, for: req)
    }

    func toggleAPI(req: Request) async throws -> HookDTO {
        guard let enabled = try req.content.decode(ToggleBody.self).enabled else {
            throw BallastError.badParameter("enabled", zh: "请给出 enabled（true 或 false）", en: "Give enabled: true or false")
        }
        let h = try await editor(req).setEnabled(id: try req.id("hook", orElse: Self.noHook), enabled, on: req.db)
        return HookDTO(try await listed(req, h))
    }

    /// The robot as the list shows it (with its unit), just after a change to it.
    func listed(_ req: Request, _ h: WebhookModel) async throws -> WebhookEditor.Listed {
        guard let l = try await editor(req).list(on: req.db).first(where: { $0.hook.id == h.id }) else { throw BallastError.notFound(Self.noHook) }
        return l
    }

    func deliveriesAPI(req: Request) async throws -> [DeliveryDTO] {
        try await editor(req).deliveries(hookID: try req.id("hook", orElse: Self.noHook), on: req.db).map { DeliveryDTO($0, lang: req.language) }
    }

    // MARK: Pages

    func page(req: Request) async throws -> Response { try await render(req, notice: nil) }

    func render(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let hooks = try await editor(req).list(on: req.db)
        var logs: [UUID: [WebhookEditor.Delivery]] = [:]
        for h in hooks { logs[h.hook.id] = try await editor(req).deliveries(hookID: h.hook.id, limit: 5, on: req.db) }
        let units = try await ReferenceLists.names(districtID: try req.district().requireID(), kind: .unit, on: req.db)
        return .html(WebhooksPage(hooks: hooks, logs: logs, units: units, notice: notice, lang: req.language).render(), status: status)
    }

    func createPage(req: Request) async throws -> Response {
        let body = try req.content.decode(HookBody.self)
        return try await PageOutcome.run(req, work: {
            _ = try await create(req, body)
            return Message(zh: "已添加", en: "Added")
        }) { notice, status in try await render(req, notice: notice, status: status) }
    }

    func testPage(req: Request) async throws -> Response {
        try await PageOutcome.run(req, work: {
            _ = try await test(req)
            return Message(zh: "测试消息已排队，稍后刷新查看投递记录", en: "Test message queued; refresh to see the delivery log")
        }) { notice, status in try await render(req, notice: notice, status: status) }
    }

    func togglePage(req: Request) async throws -> Response {
        let enabled = (try? req.content.get(String.self, at: "enabled")) == "true"
        return try await PageOutcome.run(req, work: {
            _ = try await editor(req).setEnabled(id: try req.id("hook", orElse: Self.noHook), enabled, on: req.db)
            return enabled ? Message(zh: "已启用", en: "Enabled") : Message(zh: "已停用", en: "Disabled")
        }) { notice, status in try await render(req, notice: notice, status: status) }
    }
}
