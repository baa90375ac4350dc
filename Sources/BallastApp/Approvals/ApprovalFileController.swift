import BallastCore
import BallastStore
import Fluent
import Vapor

/// The 前期手续 file (issue 27): downloaded by anyone who reads projects (a unit its own), and
/// uploaded by whoever edits projects — through the API applied whole or refused with its rows'
/// problems, from the departments' page previewed first.
struct ApprovalFileController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.requires(.readProjects)).get(Site.approvalsExport, use: export)
        let edit = routes.access(.requires(.editProjects))
        edit.on(.POST, Site.API.approvalsImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importAPI)
            .uploads(LedgerUpload.maxSize)
        edit.on(.POST, Site.approvalsImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importPage)
            .uploads(LedgerUpload.maxSize)
    }

    func importAPI(req: Request) async throws -> Response {
        let year = try await SheetDownload.year(req)
        let writer = ApprovalListWriter(editor: ApprovalEditor(context: try req.itemContext()))
        let report = try await ListImport.run(req, entity: "approvals-list", summary: "前期手续导入", read: ApprovalListFile.read) { rows in
            let o = try await writer.apply(rows, year: year, on: req.db)
            return .init(created: o.created, updated: o.updated, unchanged: o.unchanged, issues: o.issues)
        }
        return try ListImport.response(report)
    }

    func importPage(req: Request) async throws -> Response {
        let year = try await SheetDownload.year(req)
        return try await ListImport.preview(req, kind: .approvals, year: year) { notice, status in
            let w = try DepartmentTimesController.window(req)
            let rows = try await DepartmentTimesQuery.run(districtID: try req.district().requireID(), from: w.from, to: w.to, asOf: w.asOf, on: req.db)
            return .html(DepartmentTimesPage(window: w, rows: rows, lang: req.language, notice: notice).render(), status: status)
        }
    }

    func export(req: Request) async throws -> Response {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let raw = try SheetDownload.format(req)
        let rows = try await ApprovalListWriter.fileRows(districtID: try d.requireID(), year: year,
                                                         scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        // All as text: a 文号 or a 顺序 is read back as written, never as a figure to add up.
        return try SheetDownload.response(name: "\(d.code)-\(year)-approvals", format: raw, sheet: "\(year)年前期手续",
                                          header: ApprovalListFile.header, rows: rows, numbersFrom: Int.max)
    }
}
