import BallastCore
import BallastStore
import Foundation
import Plot

/// 消息: the signed-in user's messages, newest first, unread marked, each opening its record.
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
