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
        let columns: [DataTable<Inbox.Item>.Column] = [
            .text(en ? "Time" : "时间", .date) { m in f.string(from: m.createdAt) },
            .init(en ? "Kind" : "类型") { m in
                .span(.class(m.kind == .overdue || m.kind == .escalated ? "tag red" : "tag"), .text(en ? m.kind.englishName : m.kind.chineseName))
            },
            .text(en ? "Message" : "内容") { m in m.title },
            .init("") { m in
                .form(.method(.post), .action(attr(Layout.link(Site.inboxMessageRead.link(m.id), lang))), .csrf(),
                      .button(.type(.submit), .class("link"), .text(en ? "Open" : "查看")))
            },
        ]
        return Layout.page(title: en ? "Inbox" : "消息", lang: lang, section: .inbox, path: Site.inbox.link,
            .h1(.text(en ? "Inbox — \(unread) unread" : "消息（未读 \(unread) 条）")),
            .if(unread > 0, .form(.method(.post), .action(attr(Layout.link(Site.inboxRead.link, lang))), .csrf(),
                                  .button(.type(.submit), .class("link"), .text(en ? "Mark all read" : "全部标为已读")))),
            DataTable(columns, rows: items, empty: en ? "No messages: assignments, reminders and notices due will appear here." : "暂无消息：交办、催办和到期提醒会出现在这里。", rowClass: { m in m.readAt == nil ? "unread" : nil }).listed(ListText.messages, lang).node
        )
    }
}
