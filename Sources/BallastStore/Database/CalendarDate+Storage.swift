import BallastCore
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

// A day is stored as its ISO text, `YYYY-MM-DD`, on both drivers: ISO text sorts as the days
// do, so ranges and ordering stay in SQL, and the raw queries that compare the columns with
// text keep working. These conformances are the one place that writes and reads that form;
// the models hold `CalendarDate` and never a string. They live in the store because the
// drivers do: BallastCore knows no database. (The JSON form of `CalendarDate`, used by the
// API and the stored document payloads, is not touched: those go through `Codable`.)

extension CalendarDate: SQLiteDataConvertible {
    public init?(sqliteData: SQLiteData) {
        guard case .text(let text) = sqliteData else { return nil }
        self.init(iso: text)
    }

    public var sqliteData: SQLiteData? { .text(iso) }
}

extension CalendarDate: PostgresNonThrowingEncodable, PostgresDecodable {
    public static var psqlType: PostgresDataType { .text }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(iso)
    }

    public init<JSONDecoder: PostgresJSONDecoder>(from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
                                                  context: PostgresDecodingContext<JSONDecoder>) throws {
        let text = try String(from: &buffer, type: type, format: format, context: context)
        guard let day = CalendarDate(iso: text) else { throw PostgresDecodingError.Code.failure }
        self = day
    }
}
