import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Foundation

/// A monthly progress file, from the CLI, the upload page or the API: validated whole, stored
/// whole as approved by the importing user, or not at all (`ProgressWriter.importFile`).
struct ProgressImportService {
    var district: DistrictModel
    var actor: ChangeActor

    func run(data: Data, fileName: String?, dryRun: Bool = false, on db: any Database) async throws -> ProgressImportReport {
        let table: SheetTable
        switch try await FileReading.table(data, fileName: fileName) {
        case .success(let t): table = t
        case .failure(let error):
            var r = ProgressImportReport()
            r.issues = [LedgerIssue(row: 1, column: nil, message: error.message)]
            return r
        }
        let today = DistrictContext.today(in: district)
        let outcome = ProgressValidator(today: today).validate(table)
        guard outcome.issues.isEmpty else {
            var r = ProgressImportReport()
            r.rows = table.rows.count
            r.issues = outcome.issues
            return r
        }
        return try await ProgressWriter(districtID: try district.requireID(), actor: actor)
            .importFile(outcome.records, fileName: fileName, today: today, dryRun: dryRun, on: db)
    }

    static func lines(_ r: ProgressImportReport, language: UILanguage) -> [String] {
        var out: [String] = []
        if r.applied {
            out.append(language == .en ? "Imported \(r.rows) rows: \(r.created) new months, \(r.adjusted) adjusted, \(r.unchanged) unchanged"
                                       : "已导入 \(r.rows) 行：新增 \(r.created) 个月度数据，调整 \(r.adjusted) 个，未变 \(r.unchanged) 个")
        } else {
            out.append(language == .en ? "Import refused; nothing was stored" : "导入被拒绝，未存储任何数据")
        }
        for issue in r.issues {
            let place = (language == .en ? "row \(issue.row)" : "第\(issue.row)行") + (issue.column.map { " " + $0 } ?? "")
            out.append("  \(place)：\(issue.message.text(language))")
        }
        return out
    }
}
