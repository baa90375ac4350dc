import BallastCore
import Fluent
import Foundation
import SQLKit

/// How people are named on pages: records keep the username that acted ("office", "demo"), a
/// reader wants the person and the unit ("张科长（区发展改革委）"). One read of the district's
/// accounts per page; names that are not accounts ("system", "cli:…") stay as they are.
public struct People: Sendable, Equatable {
    public var byUsername: [String: String]

    public init(_ byUsername: [String: String] = [:]) { self.byUsername = byUsername }

    /// The display name and, for a unit's account, its unit; else, for the names Ballast acts
    /// under itself (the nightly run, the demo loader, the command line, an API token), what
    /// they are in the page's language; else the name as recorded.
    public func name(_ username: String?, _ lang: UILanguage = .zh) -> String {
        guard let username, !username.isEmpty else { return "" }
        if let person = byUsername[username] { return person }
        let en = lang == .en
        switch username {
        case "system": return en ? "Ballast (scheduled work)" : "系统（定时任务）"
        case "demo": return en ? "Demo data" : "演示数据"
        case "bench": return en ? "Benchmark data" : "基准测试数据"
        default: break
        }
        if username.hasPrefix("cli:") { return (en ? "Command line: " : "命令行：") + username.dropFirst(4) }
        if username.hasPrefix("token:") { return (en ? "API token: " : "接口令牌：") + username.dropFirst(6) }
        return username
    }

    /// A stored sentence with the accounts it names by user name ("登录 office") naming the
    /// people instead. User names are ASCII words; only whole words that are accounts change.
    public func replacingUsernames(in text: String, _ lang: UILanguage = .zh) -> String {
        guard !byUsername.isEmpty else { return text }
        return text.replacingASCIIWords(where: { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) { byUsername[$0] ?? $0 }
    }

    public static func load(districtID: UUID, on db: any Database) async throws -> People {
        let rows = try await (try db.sql()).raw("""
            SELECT u.username, u.display_name, un.name AS unit FROM users u
            LEFT JOIN reference_entries un ON un.id = u.unit_id
            WHERE u.district_id = \(bind: districtID)
            """).all()
        var names: [String: String] = [:]
        for row in rows {
            let username = try row.decode(column: "username", as: String.self)
            let display = try row.decode(column: "display_name", as: String.self)
            let unit = try row.decode(column: "unit", as: String?.self)
            // A display name that already says the unit is not told it twice.
            names[username] = unit.map { display.contains($0) ? display : "\(display)（\($0)）" } ?? display
        }
        return People(names)
    }
}
