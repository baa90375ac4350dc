import Foundation

/// One path of the site as a pattern (`/problems/:problem`): what a route is registered under,
/// what a link is built from (pages, inbox messages, documents) and what the OpenAPI document
/// lists. It lives in BallastCore because the store writes links too (an inbox message points at
/// its notice). The typed wrappers
/// (`SitePath0`, `SitePath1`, `SitePath2`) fix how many values a link needs, so a link that
/// forgets the id does not compile. Vapor's side (registering) is in BallastApp `SiteRoutes`.
public struct SitePath: Hashable, Sendable, CustomStringConvertible {
    /// The pattern's segments, parameters with their leading colon.
    public let segments: [String]

    public init(_ pattern: String) {
        segments = pattern.split(separator: "/").map(String.init)
    }

    public var description: String { "/" + segments.joined(separator: "/") }

    /// The parameters' names in order (`["meeting", "problem"]`).
    public var parameters: [String] { segments.filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) } }

    /// The API path as the OpenAPI document writes it: below `/api/v1`, parameters in braces.
    public var openAPIPath: String? {
        guard segments.starts(with: ["api", "v1"]) else { return nil }
        return "/" + segments.dropFirst(2).map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }.joined(separator: "/")
    }

    /// The path with each parameter replaced by the next value, percent-encoded.
    public func link(_ values: [String]) -> String {
        var rest = values[...]
        let filled = segments.map { segment -> String in
            guard segment.hasPrefix(":"), let value = rest.popFirst() else { return segment }
            return value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
        }
        return "/" + filled.joined(separator: "/")
    }

    /// `link` followed by a query, each value percent-encoded; nil values are left out.
    /// Letters, digits and the unreserved marks stay as they are (2023-07, not 2023%2D07).
    static let queryAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    public static func withQuery(_ link: String, _ items: KeyValuePairs<String, String?>) -> String {
        let pairs = items.compactMap { key, value in
            value.map { "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? $0)" }
        }
        return pairs.isEmpty ? link : link + "?" + pairs.joined(separator: "&")
    }
}

/// A value that fills a path parameter.
public protocol PathValue { var pathText: String { get } }
extension UUID: PathValue { public var pathText: String { uuidString } }
extension String: PathValue { public var pathText: String { self } }
extension Substring: PathValue { public var pathText: String { String(self) } }
extension Int: PathValue { public var pathText: String { String(self) } }
extension YearMonth: PathValue { public var pathText: String { description } }

/// A path without parameters.
public struct SitePath0: Sendable {
    public let path: SitePath
    init(_ pattern: String) { path = SitePath(pattern) }
    public var link: String { path.link([]) }
    public func link(query: KeyValuePairs<String, String?>) -> String { SitePath.withQuery(link, query) }
}

/// A path with one parameter (`/problems/:problem`).
public struct SitePath1: Sendable {
    public let path: SitePath
    init(_ pattern: String) { path = SitePath(pattern) }
    public func link(_ a: some PathValue) -> String { path.link([a.pathText]) }
    public func link(_ a: some PathValue, query: KeyValuePairs<String, String?>) -> String { SitePath.withQuery(link(a), query) }
}

/// A path with two parameters (`/meetings/:meeting/items/:problem/delete`).
public struct SitePath2: Sendable {
    public let path: SitePath
    init(_ pattern: String) { path = SitePath(pattern) }
    public func link(_ a: some PathValue, _ b: some PathValue) -> String { path.link([a.pathText, b.pathText]) }
    public func link(_ a: some PathValue, _ b: some PathValue, query: KeyValuePairs<String, String?>) -> String {
        SitePath.withQuery(link(a, b), query)
    }
}

