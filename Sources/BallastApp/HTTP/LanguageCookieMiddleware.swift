import BallastCore
import Vapor

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
