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

struct InboxPage {
    var unread: Int
    var items: [Inbox.Item]
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let f = DateFormatter.district("yyyy-MM-dd HH:mm")
        return Layout.page(title: en ? "Inbox" : "消息", lang: lang, section: .inbox, path: Site.inbox.link,
            .h1(.text(en ? "Inbox — \(unread) unread" : "消息（未读 \(unread) 条）")),
            .if(unread > 0, .form(.method(.post), .action(attr(Layout.link(Site.inboxRead.link, lang))), .csrf(),
                                  .button(.type(.submit), .class("link"), .text(en ? "Mark all read" : "全部标为已读")))),
            .if(items.isEmpty, .p(.class("muted"), .text(en ? "No messages." : "暂无消息。"))),
            .if(!items.isEmpty, .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(en ? "Time" : "时间")), .th(.text(en ? "Kind" : "类型")), .th(.text(en ? "Message" : "内容")), .th(.text("")))),
                .tbody(.forEach(items) { m in
                    .tr(.class(m.readAt == nil ? "unread" : ""),
                        .td(.class("date"), .text(f.string(from: m.createdAt))),
                        .td(.span(.class(m.kind == .overdue || m.kind == .escalated ? "tag red" : "tag"), .text(en ? m.kind.englishName : m.kind.chineseName))),
                        .td(.text(m.title)),
                        .td(.form(.method(.post), .action(attr(Layout.link(Site.inboxMessageRead.link(m.id), lang))), .csrf(),
                                  .button(.type(.submit), .class("link"), .text(en ? "Open" : "查看")))))
                }))))
        )
    }
}
