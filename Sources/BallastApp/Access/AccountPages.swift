import BallastCore
import Plot

/// The sign-in form and the password form.
enum AccountPages {
    static func signIn(username: String, next: String, csrf: String, error: String?, lang: UILanguage) -> String {
        let t = { (m: Message) in m.text(lang) }
        return Layout.page(title: t(UIText.signIn), lang: lang, section: .account, path: Site.signIn.link,
            .div(.class("card signin"),
                .h1(.text(t(UIText.signIn))),
                .unwrap(error) { .div(.class("alert bad"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(.method(.post), .action(attr(Site.signIn.link + (lang == .en ? "?lang=en" : ""))),
                    .input(.type(.hidden), .name(AccessMiddleware.csrfField), .value(attr(csrf))),
                    .input(.type(.hidden), .name("next"), .value(attr(next))),
                    .div(.class("field"), .label(.for("username"), .text(t(UIText.username))),
                         .input(.type(.text), .name("username"), .id("username"), .value(attr(username)),
                                .attribute(named: "autocomplete", value: "username"), .required(true), .autofocus(username.isEmpty))),
                    .div(.class("field"), .label(.for("password"), .text(t(UIText.password))),
                         .input(.type(.password), .name("password"), .id("password"),
                                .attribute(named: "autocomplete", value: "current-password"), .required(true), .autofocus(!username.isEmpty))),
                    .button(.type(.submit), .text(t(UIText.signIn)))
                )
            )
        )
    }

    static func password(mustChange: Bool, errors: [String: String], lang: UILanguage) -> String {
        let t = { (m: Message) in m.text(lang) }
        func field(_ name: String, _ label: Message, _ autocomplete: String) -> Node<HTML.FormContext> {
            .div(.class(errors[name] == nil ? "field" : "field invalid"),
                 .label(.for(name), .text(t(label))),
                 .input(.type(.password), .name(name), .id(name), .attribute(named: "autocomplete", value: autocomplete), .required(true)),
                 .unwrap(errors[name]) { .div(.class("error"), .text($0)) })
        }
        return Layout.page(title: t(UIText.changePassword), lang: lang, section: .account, path: Site.accountPassword.link,
            .div(.class("card signin"),
                .h1(.text(t(UIText.changePassword))),
                .if(mustChange, .div(.class("alert bad"), .text(t(UIText.mustChange)))),
                .form(.method(.post), .action(attr(Site.accountPassword.link + (lang == .en ? "?lang=en" : ""))), .csrf(),
                    field("current", UIText.currentPassword, "current-password"),
                    field("new", UIText.newPassword, "new-password"),
                    field("confirm", UIText.confirmPassword, "new-password"),
                    .p(.class("muted"), .text(t(UIText.passwordRule))),
                    .button(.type(.submit), .text(t(UIText.save)))
                )
            )
        )
    }
}
