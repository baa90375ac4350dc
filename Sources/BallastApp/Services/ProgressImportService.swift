import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Foundation

/// A monthly progress file, from the CLI, the upload page or the API: validated whole, stored
/// whole as approved by the importing user, or not at all; then the colours are recomputed.
struct ProgressImportService {
    var district: DistrictModel
    var actor: ChangeActor

    private struct Refused: Error { let report: ProgressImportReport }

    func run(data: Data, fileName: String?, on db: any Database) async throws -> ProgressImportReport {
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
        let districtID = try district.requireID()
        let report: ProgressImportReport
        do {
            report = try await db.writeTransaction { tx in
                let report = try await ProgressWriter(districtID: districtID, actor: actor).apply(outcome.records, on: tx)
                if !report.applied { throw Refused(report: report) }
                try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "import", entity: "progress",
                                       entityID: nil, summary: "月度进度导入 \(fileName ?? "")：新增\(report.created)，调整\(report.adjusted)",
                                       before: Nothing?.none, after: ["file": fileName ?? "", "rows": String(report.rows)])
                return report
            }
        } catch let refused as Refused {
            return refused.report
        }
        for year in Set(outcome.records.map(\.year)) {
            try await WarningService.recompute(district: district, year: year, on: db)
        }
        return report
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

/// Recomputing the colours for a district's year on its "today" (the year's last day once the
/// year is over).
enum WarningService {
    static func asOf(district: DistrictModel, year: Int) -> CalendarDate {
        let today = DistrictContext.today(in: district)
        return today.year > year ? CalendarDate.clamped(year: year, month: 12, day: 31) : today
    }

    @discardableResult
    static func recompute(district: DistrictModel, year: Int, asOf: CalendarDate? = nil,
                          on db: any Database) async throws -> WarningEngine.Recomputed {
        try await WarningEngine.recompute(districtID: try district.requireID(), year: year,
                                          asOf: asOf ?? Self.asOf(district: district, year: year), on: db)
    }
}
