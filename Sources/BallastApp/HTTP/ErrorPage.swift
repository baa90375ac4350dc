import BallastCore
import Foundation
import Plot

enum ErrorPage {
    static func render(status: HTTPStatusLike, message: String, lang: UILanguage) -> String {
        Layout.page(title: String(status.code), lang: lang, section: .overview, path: "/",
                    .div(.class("card error"), .h1(.text("\(status.code)")), .p(.text(message)),
                         .p(.a(.href(attr(Layout.link("/", lang))), .text(UIText.overview.text(lang))))))
    }
}
