import BallastCore
import Foundation
import Plot

/// The one page layout: header with navigation and language switch, then the content.
enum Layout {
    enum Section { case overview, ledger, importLedger, lists }

    static func page(title: String, lang: UILanguage, section: Section, path: String,
                     _ content: Node<HTML.BodyContext>...) -> String {
        let html = HTML(
            .lang(lang == .en ? .english : .chinese),
            .head(
                .encoding(.utf8),
                // Not Plot's .title(): it also writes og:/twitter: meta tags without escaping them.
                .element(named: "title", nodes: [.text("\(title) · \(UIText.appName.text(lang))")]),
                .viewport(.accordingToDevice),
                .stylesheet("/assets/app.css")
            ),
            .body(
                .header(.class("top"),
                    .div(.class("brand"), .text(UIText.appName.text(lang))),
                    .nav(
                        navLink(UIText.overview, "/", section == .overview, lang),
                        navLink(UIText.ledger, "/projects", section == .ledger, lang),
                        navLink(UIText.importLedger, "/ledger/import", section == .importLedger, lang),
                        navLink(UIText.lists, "/lists/unit", section == .lists, lang)
                    ),
                    .div(.class("lang"),
                        .a(.href(withLang(path, .zh)), .text("中文")),
                        .text(" | "),
                        .a(.href(withLang(path, .en)), .text("English"))
                    )
                ),
                .main(.group(content))
            )
        )
        return html.render()
    }

    static func navLink(_ label: Message, _ href: String, _ active: Bool, _ lang: UILanguage) -> Node<HTML.BodyContext> {
        .a(.class(active ? "active" : ""), .href(link(href, lang)), .text(label.text(lang)))
    }

    /// Links carry the page's language, so a shared link opens as its sender saw it.
    static func link(_ path: String, _ lang: UILanguage) -> String {
        guard lang == .en else { return path }
        return path + (path.contains("?") ? "&" : "?") + "lang=en"
    }

    static func withLang(_ path: String, _ lang: UILanguage) -> String {
        var components = URLComponents(string: path) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: lang.rawValue))
        components.queryItems = items
        return components.string ?? path
    }

    static func yi(_ m: Money) -> String { String(format: "%.2f", m.rounded(in: .yi, places: 2)) }
    static func wan(_ m: Money) -> String {
        let v = m.rounded(in: .wan, places: 2)
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.minimumFractionDigits = 0
        f.maximumFractionDigits = 2
        return f.string(from: NSNumber(value: v)) ?? String(v)
    }
}

enum ErrorPage {
    static func render(status: HTTPStatusLike, message: String, lang: UILanguage) -> String {
        Layout.page(title: String(status.code), lang: lang, section: .overview, path: "/",
                    .div(.class("card error"), .h1(.text("\(status.code)")), .p(.text(message)),
                         .p(.a(.href(Layout.link("/", lang)), .text(UIText.overview.text(lang))))))
    }
}

/// The status as the error page needs it, without tying the page to Vapor's type.
protocol HTTPStatusLike { var code: UInt { get } }
