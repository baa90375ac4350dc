import BallastCore
import Fluent
import Foundation
import SQLKit

/// The database's time. Several instances on one database judge leases and claims by this one
/// clock, not each by its own, so an instance whose clock runs ahead cannot take over work
/// another is still doing (issue 22).
public enum DatabaseClock {
    public static func now(on db: any Database) async throws -> Date {
        let sql = try db.sql()
        let query: SQLQueryString = sql.dialect.name == "postgresql"
            ? "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS DOUBLE PRECISION) AS now"
            : "SELECT (julianday('now') - 2440587.5) * 86400.0 AS now"
        guard let seconds = try await sql.raw(query).first()?.decode(column: "now", as: Double.self) else {
            throw ProjectItemContext.Failure.invalid(field: "clock", Message(zh: "数据库未返回时间", en: "The database gave no time"))
        }
        return Date(timeIntervalSince1970: seconds)
    }
}
