import BallastCore
import Foundation
import Plot

/// A refused or failed page: the message, and a way home the user may take (their 工作台, or
/// the first section their roles open), inside their navigation.
enum ErrorPage {
    /// `path`: the page asked for, so switching language asks again rather than going elsewhere.
    static func render(status: HTTPStatusLike, message: String, lang: UILanguage, path: String) -> String {
        let home = Layout.sections.first
        return Layout.page(title: String(status.code), lang: lang, section: .error, path: path,
                    .div(.class("card error"), .h1(.text("\(status.code)")), .p(.text(message)),
                         .p(home.map { h in .a(.href(attr(Layout.link(h.href, lang))), .text(ErrorText.backTo(h.label).text(lang))) }
                            ?? .a(.href(attr(Layout.link(Site.signIn.link, lang))), .text(ErrorText.signIn.text(lang))))))
    }
}

/// The error page's words.
enum ErrorText {
    static let signIn = Message(zh: "登录", en: "Sign in")
    static func backTo(_ section: Message) -> Message { Message(zh: "返回\(section.zh)", en: "Back to \(section.en)") }
}
