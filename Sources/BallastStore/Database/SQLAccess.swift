import Foundation
import Fluent
import SQLKit

/// Both databases Ballast runs on (SQLite, PostgreSQL) speak SQLKit; a database that does not
/// is a configuration error, reported as one instead of trapping in the middle of a request.
public struct NotSQLDatabase: Error, CustomStringConvertible {
    public var description: String { "the configured database does not support SQL queries" }
}

extension Database {
    /// This database as SQLKit sees it.
    public func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw NotSQLDatabase() }
        return sql
    }
}

extension Model where IDValue == UUID {
    /// The id as links write it. Records read from the database always have one; a record not
    /// yet saved links nowhere (an empty segment) instead of trapping a page.
    public var idString: String { id?.uuidString ?? "" }
}
