import BallastCore
import Vapor

/// What makes the site installable and the clerk's month usable without signal: the web app
/// manifest, its icons, the service worker and its scripts. Open to all (a browser fetches them
/// before and without a session); none of them holds data.
struct OfflineController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let open = routes.access(.open)
        open.get(Site.serviceWorker, use: { _ in Self.script(ServiceWorkerScript.js, cache: "no-cache") })
        open.get(Site.draftsScript, use: { _ in Self.script(DraftsScript.js) })
        open.get(Site.offlineScript, use: { _ in Self.script(OfflineScript.js) })
        open.get(Site.manifest, use: { _ in
            Response(status: .ok, headers: ["Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "max-age=3600"],
                     body: .init(string: Self.manifest))
        })
        open.get(Site.icon192, use: { _ in Self.png(AppIcon.icon192) })
        open.get(Site.icon512, use: { _ in Self.png(AppIcon.icon512) })
    }

    static func script(_ js: String, cache: String = "max-age=3600") -> Response {
        // The service worker is checked for a new version on every visit: never cached long.
        Response(status: .ok, headers: ["Content-Type": "text/javascript; charset=utf-8", "Cache-Control": cache], body: .init(string: js))
    }

    static func png(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: ["Content-Type": "image/png", "Cache-Control": "max-age=86400"], body: .init(data: Data(bytes)))
    }

    static let manifest = #"""
    {"name": "压舱石 · 重大项目管理", "short_name": "压舱石", "description": "重大项目建设管理 / Major projects",
     "lang": "zh-CN", "start_url": "/", "scope": "/", "display": "standalone",
     "background_color": "#ffffff", "theme_color": "#b71c1c",
     "icons": [{"src": "\#(Site.icon192.link)", "sizes": "192x192", "type": "image/png", "purpose": "any"},
               {"src": "\#(Site.icon512.link)", "sizes": "512x512", "type": "image/png", "purpose": "any"}]}
    """#
}
