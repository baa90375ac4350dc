import Vapor

/// Headers every response carries. The pages use no inline script and load nothing from
/// elsewhere, so the policy can be strict. The one exception is a configured map tile service
/// (`BALLAST_MAP_TILES`): images may come from its origin too.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let imageSources: String

    init(tiles: String? = Environment.get(DashboardController.tilesVariable)) {
        imageSources = "'self' data:" + (Self.origin(of: tiles).map { " " + $0 } ?? "")
    }

    /// "https://t0.tianditu.gov.cn" from a tile URL template; nil for none or one that is not http(s).
    static func origin(of template: String?) -> String? {
        guard let template, let url = URL(string: template.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")),
              let scheme = url.scheme, ["http", "https"].contains(scheme), let host = url.host else { return nil }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let h = response.headers
        if !h.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value:
                "default-src 'self'; img-src \(imageSources); style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        // Strict-Transport-Security when the deployment serves over HTTPS (secure cookies:
        // production, or BALLAST_SECURE_COOKIES=1): browsers then never fall back to plain http.
        if request.application.security.secureCookies {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        return response
    }
}
