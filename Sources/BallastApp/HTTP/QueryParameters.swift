import Vapor

/// The URL's query, parsed once per request. `req.query[String.self, at:]` decodes the whole
/// query string on every call; a filtered list asks for a dozen parameters, and that was an
/// eighth of the route's CPU.
struct QueryParameters: Sendable {
    private let values: [String: String]
    /// Pairs in the query, repeated keys counted each time.
    let count: Int

    init(_ query: String?) {
        var values: [String: String] = [:]
        let pairs = (query ?? "").split(separator: "&", omittingEmptySubsequences: true)
        count = pairs.count
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // HTML forms sent with GET encode spaces as "+".
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            let key = decode(parts[0])
            if values[key] == nil { values[key] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        self.values = values
    }

    subscript(_ key: String) -> String? { values[key] }
    var keys: Dictionary<String, String>.Keys { values.keys }
}

extension Request {
    private struct QueryKey: StorageKey { typealias Value = QueryParameters }

    /// The parsed query, cached in the request's storage.
    var queryParameters: QueryParameters {
        if let cached = storage[QueryKey.self] { return cached }
        let parsed = QueryParameters(url.query)
        storage[QueryKey.self] = parsed
        return parsed
    }

    /// A query parameter as text, or nil when absent.
    func param(_ key: String) -> String? { queryParameters[key] }
}
