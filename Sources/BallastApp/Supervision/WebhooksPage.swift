import BallastCore
import BallastStore
import Foundation
import Plot

/// 群机器人: each robot with its delivery counts and last messages, and the form to add one.
struct WebhooksPage {
    var hooks: [WebhookEditor.Listed]
    var logs: [UUID: [WebhookEditor.Delivery]]
    var units: [String]
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let f = DateFormatter.district("MM-dd HH:mm:ss")
        let columns: [DataTable<WebhookEditor.Delivery>.Column] = [
            .text(en ? "Queued" : "排队时间", .date) { d in f.string(from: d.createdAt) },
            .init(en ? "Status" : "状态") { d in .span(.class(d.status == "failed" ? "tag red" : "tag"), .text(d.statusName.text(lang))) },
            .text(en ? "Attempts" : "次数", .number) { d in String(d.attempts) },
            .text(en ? "Last answer" : "最近结果") { d in d.reason?.text(lang) ?? d.lastStatus.map { "HTTP \($0)" } ?? "" },
        ]
        return Layout.page(title: en ? "Group robots" : "群机器人", lang: lang, section: .webhooks, path: Site.adminWebhooks.link,
            .h1(.text(en ? "Group robots (企业微信 / 钉钉 webhooks)" : "群机器人（企业微信、钉钉）")),
            .p(.class("muted"), .text(en ? "Each unit's robot receives its assignments, notices and reminders; a robot with no unit receives the whole district's. Messages are sent in the background, retried up to 5 times."
                                         : "单位的机器人接收本单位的交办、催办和到期提醒；不指定单位的接收全区消息。消息在后台发送，失败最多重试 5 次。")),
            Layout.notice(notice),
            .if(hooks.isEmpty, .p(.class("muted"), .text(en ? "No robots yet." : "尚未添加机器人。"))),
            .forEach(hooks) { h in
                .div(.class("card"),
                    .h2(.text(h.hook.name), .text(" "), .span(.class(h.hook.enabled ? "tag" : "tag red"), .text(h.hook.enabled ? (en ? "on" : "启用") : (en ? "off" : "停用")))),
                    .p(.class("muted"), .text("\(RobotMessage.Format(rawValue: h.hook.format)?.chineseName ?? h.hook.format) · \(h.unit ?? (en ? "whole district" : "全区")) · \(h.hook.url)")),
                    .p(.text(en ? "Sent \(h.sent), waiting \(h.pending), failed \(h.failed)" : "已送达 \(h.sent)，待发送 \(h.pending)，失败 \(h.failed)")),
                    DataTable(columns, rows: logs[h.hook.id] ?? [], empty: en ? "No messages yet." : "暂无消息。").node,
                    .form(.method(.post), .action(attr(Layout.link(Site.adminWebhookTest.link(h.hook.idString), lang))), .csrf(),
                          .button(.type(.submit), .text(en ? "Send a test message" : "发送测试消息"))),
                    .form(.method(.post), .action(attr(Layout.link(Site.adminWebhookEnabled.link(h.hook.idString), lang))), .csrf(),
                          .input(.type(.hidden), .name("enabled"), .value(h.hook.enabled ? "false" : "true")),
                          .button(.type(.submit), .class("link"), .text(h.hook.enabled ? (en ? "Switch off" : "停用") : (en ? "Switch on" : "启用")))))
            },
            .div(.class("card"),
                .h2(.text(en ? "Add a robot" : "添加机器人")),
                .form(.method(.post), .action(attr(Layout.link(Site.adminWebhooks.link, lang))), .class("filters"), .csrf(),
                    .label(.text(en ? "Name" : "名称"), .input(.type(.text), .name("name"), .attribute(named: "size", value: "14"))),
                    .label(.text(en ? "Address" : "地址"), .input(.type(.url), .name("url"), .attribute(named: "size", value: "40"))),
                    .label(.text(en ? "Kind" : "类型"), .select(.attribute(named: "name", value: "format"), .forEach(RobotMessage.Format.allCases) { f in
                        .choice(f.rawValue, f.chineseName)
                    })),
                    .label(.text(en ? "Unit" : "单位"), .select(.attribute(named: "name", value: "unit"), .choice("", en ? "Whole district" : "全区"),
                        .forEach(units) { u in .choice(u, u) })),
                    .button(.type(.submit), .text(en ? "Add" : "添加"))))
        )
    }
}
