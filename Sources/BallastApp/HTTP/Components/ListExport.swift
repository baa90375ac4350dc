import BallastCore
import BallastOffice
import BallastStore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A list downloaded instead of shown (`?export=xlsx` or `csv` on any list page). The page is
/// drawn exactly as it would be seen — the caller's scope, the filters, the chosen columns — and
/// its list table leaves every row here (`DataTable.listNode`); the response is then the file,
/// not the page. So no list has an export that could say other than the list, and no export
/// needs its own query or its own access rule.
final class ListExport: Sendable {
    enum Format: String { case xlsx, csv }

    struct File {
        var name: String
        var header: [String]
        var rows: [[XLSXCell]]
    }

    let format: Format
    let day: CalendarDate
    private let file = NIOLockedValueBox<File?>(nil)

    init(format: Format, day: CalendarDate) { self.format = format; self.day = day }

    /// The first list on the page is the one exported.
    func offer(name: String, header: [String], rows: [[XLSXCell]]) {
        file.withLockedValue { if $0 == nil { $0 = File(name: name, header: header, rows: rows) } }
    }

    /// The file, or nil when the page had no list to export (the page is shown instead). Data
    /// leaving the system is audited, as the ledger's and the log's own exports are.
    func response(_ req: Request) async throws -> Response? {
        guard let f = file.withLockedValue({ $0 }) else { return nil }
        let principal = try req.requirePrincipal()
        try await Audit.record(on: req.db, districtID: principal.district.id, actor: try req.changeActor(), action: "export", entity: "list",
                               entityID: nil, summary: "\(f.name)导出，\(f.rows.count)条", before: Nothing?.none,
                               after: ["rows": String(f.rows.count), "format": format.rawValue, "page": req.url.path, "query": req.url.query ?? ""])
        let base = "\(f.name)-\(day.iso)"
        switch format {
        case .xlsx:
            let data = try XLSXWriter.write(sheetName: f.name, header: f.header, rows: f.rows)
            return .download(data, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             fileName: base + ".xlsx", fallback: "ballast-list-\(day.iso).xlsx")
        case .csv:
            let data = CSVTable.write(header: f.header, rows: f.rows.map { $0.map(\.plainText) })
            return .download(data, contentType: "text/csv; charset=utf-8", fileName: base + ".csv", fallback: "ballast-list-\(day.iso).csv")
        }
    }
}
