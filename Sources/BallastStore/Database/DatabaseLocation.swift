import Foundation

/// Where the data lives, from `--database`, `DATABASE_URL`, or the embedded default.
public enum DatabaseLocation: Equatable, Sendable {
    case sqliteFile(String)
    case sqliteMemory
    /// `?schema=NAME` in the URL puts every table in that schema (created if missing).
    case postgres(URL, schema: String?)

    public static let defaultURL = "sqlite:ballast.sqlite"

    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public let url: String
        public let reason: String
        public var description: String {
            "数据库地址无效 / invalid database URL “\(url)”: \(reason)\n"
                + "  可用形式 / accepted: sqlite:PATH, sqlite::memory:, postgres://user:pass@host:port/db"
        }
    }

    /// Parses a URL and says what is wrong with a bad one, before anything tries to connect.
    public static func parse(_ raw: String) throws -> DatabaseLocation {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { throw Invalid(url: raw, reason: "为空 / it is empty") }
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            if path == ":memory:" || path == "memory" { return .sqliteMemory }
            if path.isEmpty { throw Invalid(url: raw, reason: "缺少文件路径 / no file path after sqlite:") }
            let dir = (path as NSString).deletingLastPathComponent
            var isDir: ObjCBool = false
            if !dir.isEmpty && !(FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue) {
                throw Invalid(url: raw, reason: "目录不存在 / directory “\(dir)” does not exist")
            }
            return .sqliteFile(path)
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let url = URL(string: text), let host = url.host, !host.isEmpty else {
                throw Invalid(url: raw, reason: "无法解析主机 / cannot read the host")
            }
            if url.path.count <= 1 { throw Invalid(url: raw, reason: "缺少数据库名 / no database name in the path") }
            if url.user == nil { throw Invalid(url: raw, reason: "缺少用户名 / no user name") }
            guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
                throw Invalid(url: raw, reason: "无法解析地址 / cannot read the URL")
            }
            let schema = components.queryItems?.first { $0.name == "schema" }?.value
            if let schema, schema.isEmpty || !schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                throw Invalid(url: raw, reason: "schema 只能含字母、数字、下划线 / schema must be letters, digits, underscores")
            }
            components.queryItems = components.queryItems?.filter { $0.name != "schema" }
            if components.queryItems?.isEmpty == true { components.queryItems = nil }
            guard let cleaned = components.url else { throw Invalid(url: raw, reason: "无法解析地址 / cannot read the URL") }
            return .postgres(cleaned, schema: schema)
        }
        let scheme = text.split(separator: ":").first.map(String.init) ?? text
        throw Invalid(url: raw, reason: "不支持的类型“\(scheme)” / unsupported scheme “\(scheme)”")
    }

    /// `--database` wins over `DATABASE_URL`, which wins over the embedded default.
    public static func resolve(flag: String?, environment: [String: String]) throws -> DatabaseLocation {
        try parse(flag ?? environment["DATABASE_URL"] ?? defaultURL)
    }
}
