import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Foundation

/// One import, whichever door it came through (CLI, upload page, API): read the file,
/// validate every row, then store all of it in one transaction, or nothing. A dry run does
/// the same work and rolls it back: its report is the preview of exactly what applying would do.
package struct LedgerImportService {
    package init(district: DistrictModel, year: Int, strict: Bool, actor: ChangeActor) {
        self.district = district; self.year = year; self.strict = strict; self.actor = actor
    }

    var district: DistrictModel
    var year: Int
    var strict: Bool
    var actor: ChangeActor

    /// A refused import rolls its transaction back by throwing this through it.
    private struct Refused: Error { let report: LedgerImportReport }

    package func run(data: Data, fileName: String?, dryRun: Bool = false, on db: any Database) async throws -> LedgerImportReport {
        let table: SheetTable
        switch try await FileReading.table(data, fileName: fileName) {
        case .success(let t): table = t
        case .failure(let error): return .rejected([LedgerIssue(row: 1, column: nil, message: error.message)])
        }
        let districtID = try district.requireID()
        let levels = try await LedgerWriter.knownLevels(districtID: districtID, year: year, on: db)
        let outcome = LedgerValidator(knownLevels: levels, division: district.divisionCode).validate(table)
        guard outcome.isValid else { return .rejected(outcome.issues, unknownColumns: outcome.unknownColumns, issueTotal: outcome.issueTotal) }

        let writer = LedgerWriter(districtID: districtID, year: year, actor: actor,
                                  today: DistrictContext.today(in: district), strict: strict)
        do {
            return try await db.writeTransaction { tx in
                var report = try await writer.apply(outcome.records, unknownColumns: outcome.unknownColumns, on: tx)
                let notes = try await ProjectCodeQuery.importNotes(districtID: districtID, records: outcome.records, on: tx)
                if !notes.isEmpty { report.preview.notes = notes }
                if !report.applied || dryRun { throw Refused(report: report) }
                try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "import", entity: "ledger",
                                       entityID: nil, summary: "\(year)年台账导入 \(fileName ?? "")：新增\(report.created.count)，更新\(report.updated.count)",
                                       before: Nothing?.none, after: ["file": fileName ?? "", "rows": String(report.rows)])
                return report
            }
        } catch let refused as Refused {
            return refused.report
        }
    }
}
