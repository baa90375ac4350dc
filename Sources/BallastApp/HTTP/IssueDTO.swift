import BallastCore
import BallastStore
import Vapor

struct IssueDTO: Content {
    /// The spreadsheet row of an imported file; absent for a form's or request's field.
    var row: Int?
    var column: String?
    var message: String

    init(_ issue: LedgerIssue, _ lang: UILanguage) {
        row = issue.row > 0 ? issue.row : nil; column = issue.column; message = issue.message.text(lang)
    }
}
