import BallastCore
import Foundation

/// What an import did, or why it did nothing. The same report serves the CLI, the upload
/// page and the API.
public struct LedgerImportReport: Sendable, Equatable {
    public var applied: Bool
    public var rows: Int
    public var created: [String]
    public var updated: [String]
    public var unchanged: Int
    /// Names that did not exist and were created (or, with strict, refused): a typo shows up here.
    public var newReferences: [ReferenceKind: [String]]
    public var unknownColumns: [String]
    /// The first `TableLimits.maxReportedIssues` problems; `issueTotal` counts them all.
    public var issues: [LedgerIssue]
    public var issueTotal: Int
    /// Row by row, with each changed field before → after (`ImportPreview`).
    public var preview = ImportPreview()
    /// What undoing an applied import needs (`LedgerImportUndo`).
    public var undoRows: [LedgerUndoRow] = []

    public init(applied: Bool = false, rows: Int = 0, created: [String] = [], updated: [String] = [], unchanged: Int = 0,
                newReferences: [ReferenceKind: [String]] = [:], unknownColumns: [String] = [], issues: [LedgerIssue] = [],
                issueTotal: Int? = nil) {
        self.applied = applied; self.rows = rows; self.created = created; self.updated = updated
        self.unchanged = unchanged; self.newReferences = newReferences; self.unknownColumns = unknownColumns
        self.issues = Array(issues.prefix(TableLimits.maxReportedIssues))
        self.issueTotal = max(issueTotal ?? issues.count, self.issues.count)
    }

    public static func rejected(_ issues: [LedgerIssue], unknownColumns: [String] = [], issueTotal: Int? = nil) -> LedgerImportReport {
        LedgerImportReport(applied: false, unknownColumns: unknownColumns, issues: issues, issueTotal: issueTotal)
    }
}
