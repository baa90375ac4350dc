import BallastCore
import Plot

/// An irreversible action (印发, 审定, 删除, 合并, 吊销) behind a second, explicit step. The first
/// button only opens a panel that says what will happen; the panel's own button, named for the
/// action, posts. It is a form of its own, so Enter in any other field on the page cannot reach
/// it, and it needs no script.
struct ConfirmStep {
    /// The button that opens the panel: 印发.
    var label: String
    /// What will happen, in a sentence: 印发后编号并冻结，不能撤回。
    var consequence: String
    /// The panel's button: 确认印发.
    var confirm: String
    /// Where the action posts.
    var action: String
    /// Hidden fields the action needs (the version read, …).
    var hidden: [(name: String, value: String)] = []
    /// Visible fields the action needs, shown in the panel (the record to merge into, …).
    var fields: Node<HTML.FormContext> = .empty
    var danger = false
    /// The form's id, for fields elsewhere on the page that belong to it (`form="…"`: the
    /// review queue's tick boxes, one per row).
    var formID: String?

    var node: Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            .class("confirm"),
            .element(named: "summary", nodes: [.class(danger ? "button danger" : "button"), .text(label)]),
            .div(.class("confirm-panel"), .attribute(named: "role", value: "group"),
                .p(.text(consequence)),
                .form(.unwrap(formID) { .id($0) }, .method(.post), .action(attr(action)), .csrf(),
                      .forEach(hidden) { .input(.type(.hidden), .name($0.name), .value(attr($0.value))) },
                      fields,
                      .button(.type(.submit), .class(danger ? "danger" : ""), .text(confirm)))),
        ])
    }
}
