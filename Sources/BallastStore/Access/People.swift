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

    /// The display name and, for a unit's account, its unit; else the name as recorded.
    public func name(_ username: String?) -> String {
        guard let username, !username.isEmpty else { return "" }
        return byUsername[username] ?? username
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
