import BallastCore
import BallastOffice
import BallastStore
import Vapor

/// Lists uploaded as .xlsx or .csv (campaign lists, leads): read into a sheet, and the outcome
/// reported the same way whatever was imported.
enum ListImport {
    /// What a list's writer did with the rows read.
    struct Applied { var created = 0; var updated = 0; var unchanged = 0; var issues: [LedgerIssue] = [] }

    /// The uploaded file read into a sheet, its rows checked by `read`, then stored whole by
    /// `apply`, or refused with every problem by row and column; a stored import is audited.
    static func run<Row>(_ req: Request, entity: String, summary: String,
                         read: (SheetTable, CalendarDate) -> (rows: [Row], issues: [LedgerIssue]),
                         apply: ([Row]) async throws -> Applied) async throws -> ReportDTO {
        let (data, fileName) = try LedgerUpload.file(from: req)
        let lang = req.language
        let table: SheetTable
        switch try await FileReading.table(data, fileName: fileName) {
        case .success(let t): table = t
        case .failure(let error):
            return ReportDTO(applied: false, rows: 0, created: 0, updated: 0, unchanged: 0,
                             issues: [IssueDTO(LedgerIssue(row: 1, column: nil, message: error.message), lang)])
        }
        let district = try req.district()
        let checked = read(table, DistrictContext.today(in: district))
        guard checked.issues.isEmpty else {
            return ReportDTO(applied: false, rows: table.rows.count, created: 0, updated: 0, unchanged: 0, issues: checked.issues.map { IssueDTO($0, lang) })
        }
        let done = try await apply(checked.rows)
        let applied = done.issues.isEmpty
        if applied {
            try await Audit.record(on: req.db, districtID: try district.requireID(), actor: try req.changeActor(), action: "import",
                                   entity: entity, entityID: nil, summary: "\(summary) \(fileName ?? "")：新增\(done.created)，更新\(done.updated)",
                                   before: Nothing?.none, after: ["file": fileName ?? "", "rows": String(checked.rows.count)])
        }
        return ReportDTO(applied: applied, rows: checked.rows.count, created: applied ? done.created : 0, updated: applied ? done.updated : 0,
                         unchanged: applied ? done.unchanged : 0, issues: done.issues.map { IssueDTO($0, lang) })
    }

    /// From a page: the file previewed (`ImportBatchService.stageList`) and the browser sent to
    /// its preview, where the uploader confirms; a file with bad rows is shown by `render`.
    static func preview(_ req: Request, kind: ImportBatches.Kind, year: Int? = nil,
                        render: (PageNotice, HTTPStatus) async throws -> Response) async throws -> Response {
        let (data, fileName) = try LedgerUpload.file(from: req)
        let service = ImportBatchService(district: try req.district(), actor: try req.changeActor(), context: try req.itemContext(),
                                         office: try req.requirePrincipal().may(.manageProjects))
        switch try await service.stageList(kind, year: year, data: data, fileName: fileName, on: req.db) {
        case .batch(let batch):
            return req.redirect(to: Layout.link(Site.importBatch.link(try batch.requireID()), req.language))
        case .refusedList(let rows, let issues):
            let dto = ReportDTO(applied: false, rows: rows, created: 0, updated: 0, unchanged: 0, issues: issues.map { IssueDTO($0, req.language) })
            return try await render(PageNotice(ok: false, text: text(dto, lang: req.language)), .unprocessableEntity)
        case .refusedLedger, .refusedProgress:
            throw Abort(.internalServerError)
        }
    }

    struct ReportDTO: Content {
        var applied: Bool
        var rows: Int
        var created: Int
        var updated: Int
        var unchanged: Int
        /// The first 1 000 problems; `issueTotal` counts them all.
        var issues: [IssueDTO]
        var issueTotal: Int

        init(applied: Bool, rows: Int, created: Int, updated: Int, unchanged: Int, issues: [IssueDTO]) {
            self.applied = applied; self.rows = rows; self.created = created; self.updated = updated; self.unchanged = unchanged
            self.issues = Array(issues.prefix(TableLimits.maxReportedIssues)); issueTotal = issues.count
        }
    }

    static func response(_ r: ReportDTO) throws -> Response {
        let response = Response(status: r.applied ? .ok : .unprocessableEntity)
        try response.content.encode(r)
        return response
    }

    /// The outcome as lines for a page's notice.
    static func text(_ r: ReportDTO, lang: UILanguage) -> String {
        if r.applied {
            return LedgerText.imported(rows: r.rows, created: r.created, updated: r.updated, unchanged: r.unchanged).text(lang)
        }
        let head = LedgerText.importRefused.text(lang)
        return head + " " + r.issues.prefix(20).map { i in
            (i.row.map { LedgerText.row($0).text(lang) } ?? "") + (i.column.map { " " + $0 } ?? "") + "：" + i.message
        }.joined(separator: "；") + (r.issues.count > 20 ? LedgerText.moreProblems(r.issues.count).text(lang) : "")
    }
}
