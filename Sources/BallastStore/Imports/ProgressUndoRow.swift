import Foundation

/// One month a progress import wrote, as 撤销本次导入 needs it: a month it created (`before`
/// nil), a month it approved over an unapproved one (`before` its fields), or an approved month
/// whose figure it changed by an adjustment (`adjustmentID`).
public struct ProgressUndoRow: Codable, Sendable, Equatable {
    public var reportID: UUID
    public var code: String
    public var year: Int
    public var month: Int
    /// The report's version as the import left it.
    public var version: Int
    public var before: Before?
    public var adjustmentID: UUID?

    public struct Before: Codable, Sendable, Equatable {
        public var amount: Int64
        public var progress: String?
        public var status: String
        public var submittedAt: Date?
        public var submittedBy: String?
        public var reviewedAt: Date?
        public var reviewedBy: String?
        public var returnReason: String?

        init(_ m: MonthlyReportModel) {
            amount = m.amount; progress = m.progress; status = m.status; submittedAt = m.submittedAt; submittedBy = m.submittedBy
            reviewedAt = m.reviewedAt; reviewedBy = m.reviewedBy; returnReason = m.returnReason
        }

        func restore(_ m: MonthlyReportModel) {
            m.amount = amount; m.progress = progress; m.status = status; m.submittedAt = submittedAt; m.submittedBy = submittedBy
            m.reviewedAt = reviewedAt; m.reviewedBy = reviewedBy; m.returnReason = returnReason
        }
    }

    /// Where the refusal names the row: the project and its month.
    var label: String { "\(code) \(year)-\(month < 10 ? "0" : "")\(month)" }
}
