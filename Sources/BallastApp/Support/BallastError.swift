import BallastCore
import Vapor

/// An error a person is meant to read: a status, a stable code for programs, a message in
/// both languages and, where one is to blame, the field or parameter.
struct BallastError: AbortError {
    var status: HTTPResponseStatus
    var code: String
    var message: Message
    var field: String?
    var details: [LedgerIssue] = []

    var reason: String { message.zh }

    static func badParameter(_ name: String, zh: String, en: String) -> BallastError {
        BallastError(status: .badRequest, code: "invalid_parameter", message: Message(zh: zh, en: en), field: name)
    }

    static func notFound(_ what: Message) -> BallastError {
        BallastError(status: .notFound, code: "not_found", message: what)
    }

    static func conflict(current: Int?) -> BallastError {
        BallastError(status: .conflict, code: "version_conflict", message: Message(
            zh: "记录已被他人修改（当前版本 \(current.map(String.init) ?? "已删除")），请刷新后重试",
            en: "Someone else changed this record (now version \(current.map(String.init) ?? "deleted")); reload and try again"),
            field: "version")
    }
}

extension Request {
    /// `?lang=` first, then the language chosen earlier (cookie), then the browser's.
    var language: UILanguage {
        UILanguage.negotiate(query: query[String.self, at: "lang"] ?? cookies["lang"]?.string,
                             acceptLanguage: headers.first(name: .acceptLanguage))
    }
}

/// Remembers a language picked with `?lang=` so every later page keeps it.
struct LanguageCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let lang = request.param("lang"), let chosen = UILanguage(rawValue: lang) {
            response.cookies["lang"] = HTTPCookies.Value(string: chosen.rawValue, maxAge: 31_536_000, path: "/",
                                                         isSecure: false, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}
