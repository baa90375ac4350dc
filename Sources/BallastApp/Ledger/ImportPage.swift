import BallastCore
import BallastStore
import Plot
import Vapor

/// Upload forms (an upload goes to its preview, `ImportBatchPage`), a refused file's problems
/// row by row, and the recent import records.
struct ImportPage {
    var year: Int
    var report: LedgerImportReport?
    var progress: ProgressImportReport?
    var records: [ImportBatchModel] = []
    var lang: UILanguage
    var timeZone = "Asia/Shanghai"
    var people = People()

    /// The page for this request, with the district's latest records.
    static func response(_ req: Request, year: Int, report: LedgerImportReport? = nil, progress: ProgressImportReport? = nil,
                         status: HTTPStatus = .ok) async throws -> Response {
        let d = try req.district()
        let records = try await ImportBatches.recent(districtID: try d.requireID(), limit: 10, on: req.db)
        return .html(ImportPage(year: year, report: report, progress: progress, records: records, lang: req.language,
                                timeZone: d.timeZone, people: try await People.load(districtID: try d.requireID(), on: req.db)).render(),
                     status: status)
    }

    func render() -> String {
        let t = { (m: Message) in m.text(lang) }
        return Layout.page(title: t(UIText.importLedger), lang: lang, section: .importLedger, path: Site.ledgerImport.link,
            .h1(.text(t(UIText.importLedger))),
            .unwrap(report) { r in Self.reportNode(r, lang: lang) },
            .form(.class("card"), .method(.post), .action(attr(Site.ledgerImport.link + (lang == .en ? "?lang=en" : ""))),
                  .enctype(.multipartData), .csrf(),
                .p(.class("muted"), .text(t(UIText.importHelp))),
                .p(.a(.href(attr(Site.ledgerExample.link)), .text(t(UIText.downloadExample)))),
                .div(.class("form-grid"),
                    .div(.class("field"), .label(.for("year"), .text(t(UIText.year))),
                         .input(.type(.number), .name("year"), .id("year"), .value(attr(String(year))))),
                    .div(.class("field"), .label(.for("file"), .text(t(UIText.uploadFile))),
                         .input(.type(.file), .name("file"), .id("file"), .attribute(named: "accept", value: ".xlsx,.csv")))
                ),
                .p(.label(.input(.type(.checkbox), .name("strict"), .value(attr("true"))), .text(" " + t(UIText.strict)))),
                .button(.type(.submit), .text(t(UIText.upload)))
            ),
            .h2(.text(t(UIText.importProgress))),
            .unwrap(progress) { Self.progressNode($0, lang: lang) },
            .form(.class("card"), .method(.post), .action(attr(Site.progressImport.link + (lang == .en ? "?lang=en" : ""))),
                  .enctype(.multipartData), .csrf(),
                .p(.class("muted"), .text(t(UIText.progressHelp))),
                .div(.class("field"), .label(.for("progress-file"), .text(t(UIText.uploadFile))),
                     .input(.type(.file), .name("file"), .id("progress-file"), .attribute(named: "accept", value: ".xlsx,.csv"))),
                .p(.button(.type(.submit), .text(t(UIText.upload))))
            ),
            .h2(.text(ImportText.records.text(lang))),
            ImportRecordsPage.table(records, lang: lang, timeZone: timeZone, people: people),
            .p(.a(.href(attr(Layout.link(Site.imports.link, lang))), .text(ImportText.allRecords.text(lang))))
        )
    }

    static func progressNode(_ r: ProgressImportReport, lang: UILanguage) -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(lang) }
        return .div(.class(r.applied ? "alert ok" : "alert bad"),
            .strong(.text(t(r.applied ? UIText.importDone : UIText.importRefused))),
            .p(.text(ProgressImportService.lines(r, language: lang).first ?? "")),
            .if(!r.issues.isEmpty, issuesTable(r.issues, lang: lang)))
    }

    static func reportNode(_ r: LedgerImportReport, lang: UILanguage) -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(lang) }
        let lines = ImportReportText.lines(r, language: lang)
        return .div(.class(r.applied ? "alert ok" : "alert bad"),
            .strong(.text(t(r.applied ? UIText.importDone : UIText.importRefused))),
            .forEach(lines.prefix(while: { !$0.hasPrefix("  ") })) { .p(.text($0)) },
            .if(!r.issues.isEmpty, issuesTable(r.issues, lang: lang))
        )
    }

    /// A refused file's problems, each at its row and column.
    static func issuesTable(_ issues: [LedgerIssue], lang: UILanguage) -> Node<HTML.BodyContext> {
        DataTable<LedgerIssue>([
            .text(UIText.row.text(lang)) { i in String(i.row) },
            .text(UIText.column.text(lang)) { i in i.column ?? "" },
            .text(UIText.problem.text(lang)) { i in i.message.text(lang) },
        ], rows: issues, empty: "").node
    }
}
