import BallastCore
import Fluent
import Foundation
import SQLKit

/// The districts a deployment hosts. One may host many; `code` picks one, otherwise the first
/// by code.
public enum Districts {
    public static func find(code: String?, on db: any Database) async throws -> DistrictModel? {
        if let code, !code.isEmpty {
            return try await DistrictModel.query(on: db).filter(\.$code == code).first()
        }
        return try await DistrictModel.query(on: db).sort(\.$code).first()
    }

    public static func all(on db: any Database) async throws -> [DistrictModel] {
        try await DistrictModel.query(on: db).sort(\.$code).all()
    }

    /// For imports into an empty database: the district is created on first use.
    public static func findOrCreate(code: String?, name: String?, on db: any Database) async throws -> DistrictModel {
        if let d = try await find(code: code, on: db) { return d }
        let d = DistrictModel(id: UUID(), code: code ?? "default", name: name ?? "本区")
        try await d.create(on: db)
        return d
    }

    /// A district from a joined row's `district_id`, `district_code`, `district_name`,
    /// `time_zone`, `frozen_on`, `division_code` and `data_version` columns.
    static func decode(_ row: any SQLRow) throws -> DistrictModel {
        let d = DistrictModel(id: try row.decode(column: "district_id", as: UUID.self),
                              code: try row.decode(column: "district_code", as: String.self),
                              name: try row.decode(column: "district_name", as: String.self),
                              timeZone: try row.decode(column: "time_zone", as: String.self),
                              frozenOn: try row.decode(column: "frozen_on", as: CalendarDate?.self))
        d.divisionCode = try row.decode(column: "division_code", as: String?.self)
        d.dataVersion = try row.decode(column: "data_version", as: Int64.self)
        return d
    }
}
