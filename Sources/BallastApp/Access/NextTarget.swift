import BallastCore
import Vapor

/// Where sign-in sends the user afterwards: a page of this site, nothing else. The raw
/// `next` once reached the `Location` header as given, so `next=/x%0D%0ASet-Cookie:…` set a
/// cookie and `next=/\t/evil.example` was echoed with a tab. Now the path must be one the route
/// table serves with GET, the query is re-encoded, and anything else is `/`.
enum NextTarget {
    static func safe(_ raw: String?, routes: Routes) -> String {
        guard let raw, raw.utf8.count <= 2_000, raw.hasPrefix("/"), !raw.hasPrefix("//"),
              raw.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }),
              let components = URLComponents(string: raw), components.scheme == nil, components.host == nil,
              components.fragment == nil else { return "/" }
        let path = components.path
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        guard !path.hasPrefix(Site.signIn.link), segments.allSatisfy({ $0 != ".." && $0 != "." }),
              routes.all.contains(where: { $0.method == .GET && matches($0.path, segments) }) else { return "/" }
        var rebuilt = URLComponents()
        rebuilt.path = path
        rebuilt.queryItems = components.queryItems
        return rebuilt.string ?? "/"
    }

    /// Whether a route's pattern (constants, `:parameters`, `*`, `**`) serves these segments.
    static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        let segments = segments == [""] ? [] : segments
        for (i, component) in pattern.enumerated() {
            switch component {
            case .catchall: return segments.count >= i
            case .anything, .parameter:
                guard i < segments.count, !segments[i].isEmpty else { return false }
            case .constant(let c):
                guard i < segments.count, segments[i] == c else { return false }
            }
        }
        return segments.count == pattern.count
    }
}
