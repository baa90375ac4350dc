import BallastOffice
import Foundation
import Vapor

/// A data file offered for download as .xlsx or .csv (the 入库纳统 and 资金来源 files): the
/// same header and rows either way, figures from column `numbersFrom` on written as numbers in
/// the workbook so a spreadsheet adds them up.
enum SheetDownload {
    static func response(name: String, format: String, sheet: String, header: [String], rows: [[String]], numbersFrom: Int) throws -> Response {
        let data: Data
        if format == "csv" {
            data = CSVTable.write(header: header, rows: rows)
        } else {
            data = try XLSXWriter.write(sheetName: sheet, header: header, rows: rows.map { row in
                row.enumerated().map { i, cell in cell.isEmpty ? .empty : i >= numbersFrom ? .number(cell) : .text(cell) }
            })
        }
        return Response(status: .ok, headers: [
            "Content-Type": format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Content-Disposition": "attachment; filename=\"\(name).\(format)\"",
        ], body: .init(data: data))
    }
}
