import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Foundation

/// A year's ledger as a file, with the same columns the importer reads.
enum LedgerExportService {
    static func export(district: DistrictModel, year: Int, format: LedgerFormat, scopeUnitID: UUID? = nil,
                       actor: ChangeActor, on db: any Database) async throws -> Data {
        let districtID = try district.requireID()
        let records = try await LedgerExportQuery.records(districtID: districtID, year: year, scopeUnitID: scopeUnitID, on: db)
        let data = try LedgerFile.write(records, format: format, sheetName: "\(year)年项目台账")
        try await Audit.record(on: db, districtID: districtID, actor: actor, action: "export", entity: "ledger", entityID: nil,
                               summary: "\(year)年台账导出 \(format.rawValue)，\(records.count)个项目",
                               before: Nothing?.none, after: ["format": format.rawValue, "rows": String(records.count)])
        return data
    }

    static func fileName(district: DistrictModel, year: Int, format: LedgerFormat) -> String {
        "ballast-\(district.code)-\(year)-ledger.\(format.rawValue)"
    }
}
