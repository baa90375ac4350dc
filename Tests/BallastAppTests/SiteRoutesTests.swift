@testable import BallastApp
import BallastCore
import BallastTestSupport
import Foundation
import Testing
import Vapor

/// Route paths are written once, in `Site`: a route registered or a link built from a string
/// elsewhere is found here by reading the sources, as a reviewer would grep for it.
@Suite struct SiteRoutesTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func routePathsAppearAsTextOnlyInSite() async throws {
        try await TestDatabase.withApp { app in
            // The first segment of every route ("projects", "api", "admin", …).
            let firsts = Set(app.routes.all.compactMap { $0.path.first?.description }.filter { !$0.hasPrefix(":") })
            #expect(firsts.contains("projects") && firsts.contains("api"))
            let files = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
            var offenders: [String] = []
            for case let url as URL in files where url.pathExtension == "swift" && url.lastPathComponent != "Site.swift" {
                let text = try String(contentsOf: url, encoding: .utf8)
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    // `req.parameters.get("id")` reads a parameter; it registers nothing.
                    let code = line.trimmingCharacters(in: .whitespaces).replacing("parameters.get(", with: "parameters(")
                    if code.hasPrefix("//") { continue }
                    // A literal that starts with a route's first segment: "/projects…", "/api/…".
                    for match in code.matches(of: /"\/([a-z][a-z0-9.-]*)/) where firsts.contains(String(match.output.1)) {
                        offenders.append("\(url.lastPathComponent):\(n + 1): \(code.prefix(120))")
                    }
                    // A path pieced together from a base: "\(base)/edit".
                    if code.contains(/"\\\([^)"]*\)\/[a-z]/) {
                        offenders.append("\(url.lastPathComponent):\(n + 1): \(code.prefix(120))")
                    }
                    // A route registered from string segments: .get("projects", …). (The bench's
                    // stand-in webhook receiver is another server, with paths of its own.)
                    if url.pathComponents.contains("BallastBench") { continue }
                    if code.contains(/\.(get|post|put|patch|delete)\("[a-z]/) || code.contains(/\.on\(\.[A-Z]+, "/) {
                        offenders.append("\(url.lastPathComponent):\(n + 1): \(code.prefix(120))")
                    }
                }
            }
            #expect(offenders == [], "route paths written outside Site.swift")
        }
    }

    /// Each registered route is one of the site's paths as `Site` writes them: the registration
    /// went through `SiteRoutes`, so the route's pattern round-trips through `SitePath`.
    @Test func everyRouteHasAPolicyAndAKnownShape() async throws {
        try await TestDatabase.withApp { app in
            for route in app.routes.all {
                let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                #expect(SitePath(pattern).description == pattern)
                #expect(route.accessPolicy != nil, "\(route.method) \(pattern) has no policy")
            }
        }
    }
}
