import Fluent
import SQLKit

extension Database {
    /// For test setup and clean-up only: statements built from test constants.
    public func execute(sql: String) async throws {
        try await (self as! any SQLDatabase).raw(SQLQueryString(stringLiteral: sql)).run()
    }
}
