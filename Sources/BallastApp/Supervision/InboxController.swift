import BallastCore
import BallastStore
import Fluent
import Vapor

/// 消息: each signed-in user's own inbox (new assignments, deadlines tomorrow, overdue work,
/// notices received, decisions assigned). Anyone signed in, and only their own messages.
struct InboxController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let own = routes.access(.signedIn)
        own.get(Site.inbox, use: page)
        own.post(Site.inboxRead, use: readAllPage)
        own.post(Site.inboxMessageRead, use: readPage)
        own.get(Site.API.inbox, use: listAPI)
        own.post(Site.API.inboxRead, use: readAllAPI)
        own.post(Site.API.inboxMessageRead, use: readAPI)
    }

    struct ItemDTO: Content { var id: UUID; var kind: String; var title: String; var link: String; var createdAt: Date; var readAt: Date? }
    struct InboxDTO: Content { var unread: Int; var items: [ItemDTO] }
    struct ReadDTO: Content { var marked: Int }

    /// A machine token has no inbox of its own.
    func userID(_ req: Request) throws -> UUID {
        guard let id = try req.requirePrincipal().userID else {
            throw BallastError.badParameter("token", zh: "接口令牌没有个人消息", en: "An API token has no inbox")
        }
        return id
    }

    func listAPI(req: Request) async throws -> InboxDTO {
        let (unread, items) = try await Inbox.list(userID: try userID(req), unreadOnly: req.param("unread") == "true", on: req.db)
        return InboxDTO(unread: unread, items: items.map { ItemDTO(id: $0.id, kind: $0.kind.rawValue, title: $0.title, link: $0.link, createdAt: $0.createdAt, readAt: $0.readAt) })
    }

    func readAPI(req: Request) async throws -> ReadDTO {
        let id = try req.id("message", orElse: Message(zh: "消息不存在", en: "No such message"))
        let n = try await Inbox.markRead(userID: try userID(req), id: id, on: req.db)
        return ReadDTO(marked: n)
    }

    func readAllAPI(req: Request) async throws -> ReadDTO {
        ReadDTO(marked: try await Inbox.markRead(userID: try userID(req), id: nil, on: req.db))
    }

    func page(req: Request) async throws -> Response {
        let (unread, items) = try await Inbox.list(userID: try userID(req), on: req.db)
        return .html(InboxPage(unread: unread, items: items, lang: req.language).render())
    }

    /// Reading a message opens what it is about.
    func readPage(req: Request) async throws -> Response {
        let id = try req.id("message", orElse: Message(zh: "消息不存在", en: "No such message"))
        _ = try await Inbox.markRead(userID: try userID(req), id: id, on: req.db)
        let link = try await Inbox.link(userID: try userID(req), id: id, on: req.db) ?? Site.inbox.link
        return req.redirect(to: Layout.link(link, req.language))
    }

    func readAllPage(req: Request) async throws -> Response {
        _ = try await Inbox.markRead(userID: try userID(req), id: nil, on: req.db)
        return req.redirect(to: Layout.link(Site.inbox.link, req.language))
    }
}
