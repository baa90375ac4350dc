import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

struct ImportReportDTO: Content {
    var applied: Bool
    var rows: Int
    var created: Int
    var updated: Int
    var unchanged: Int
    var createdCodes: [String]
    var updatedCodes: [String]
    var newReferences: [String: [String]]
    var unknownColumns: [String]
    var issues: [IssueDTO]
    /// All problems found; `issues` lists the first 1 000.
    var issueTotal: Int
    /// Row by row, each changed field before → after (with `dryRun`, what applying would do).
    var dryRun: Bool
    var preview: ImportPreview?

    init(_ r: LedgerImportReport, _ lang: UILanguage, dryRun: Bool = false) {
        self.dryRun = dryRun
        preview = r.applied ? r.preview : nil
        applied = r.applied && !dryRun; rows = r.rows; created = r.created.count; updated = r.updated.count
        unchanged = r.unchanged; createdCodes = r.created; updatedCodes = r.updated
        newReferences = Dictionary(uniqueKeysWithValues: r.newReferences.map { ($0.key.rawValue, $0.value) })
        unknownColumns = r.unknownColumns
        issues = r.issues.map { IssueDTO($0, lang) }
        issueTotal = r.issueTotal
    }
}
