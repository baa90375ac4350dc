import BallastOffice
import Foundation
import Vapor

/// A data file offered for download as .xlsx or .csv (the 入库纳统 and 资金来源 files): the
/// same header and rows either way, figures from column `numbersFrom` on written as numbers in
/// the workbook so a spreadsheet adds them up.
enum SheetDownload {
    /// `?format=`: xlsx (the default) or csv; anything else refused naming the parameter.
    static func format(_ req: Request) throws -> String {
        let raw = (req.param("format") ?? "xlsx").lowercased()
        guard raw == "xlsx" || raw == "csv" else {
            throw BallastError.badParameter("format", zh: "format 只能是 xlsx 或 csv", en: "format must be xlsx or csv")
        }
        return raw
    }

    /// The year a file is for: `?year=` (an upload's address carries it), else the district's plan year.
    static func year(_ req: Request) async throws -> Int {
        struct Query: Content { var year: Int? }
        let explicit = (try? req.query.decode(Query.self).year) ?? nil
        return try await RequestParameters.yearOrDefault(explicit, req, district: try req.district())
    }

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
