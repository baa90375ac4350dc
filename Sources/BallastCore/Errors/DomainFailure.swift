/// The one shape of a refusal a person reads, whichever module refuses: an HTTP-like status,
/// a stable code for programs, the message in both languages, and the field or parameter to
/// blame. Every domain failure conforms (the store's editors and workflows, the rules here),
/// so the API's error body, the pages' notices and the CLI's message render any failure
/// without knowing where it came from. The app maps `status` to its HTTP status one to one.
public protocol DomainFailure: Error, Sendable {
    /// 400 bad input, 403 not yours, 404 not found, 409 conflict with the stored state,
    /// 413 too large, 422 refused by a rule.
    var status: Int { get }
    var code: String { get }
    var message: Message { get }
    var field: String? { get }
    /// Row-by-row problems behind the message (an import, a set of fields).
    var details: [LedgerIssue] { get }
}

extension DomainFailure {
    public var field: String? { nil }
    public var details: [LedgerIssue] { [] }
}

/// Ready-made refusals shared by many failures, so their words are written once.
public enum Refusal {
    public static func versionConflict(current: Int?) -> Message {
        Message(zh: "记录已被他人修改（当前版本 \(current.map(String.init) ?? "已删除")），请刷新后重试",
                en: "Someone else changed this record (now version \(current.map(String.init) ?? "deleted")); reload and try again")
    }

    /// Several fields' problems as one message, `；`/`; ` between them.
    public static func joined(_ problems: [FieldProblem]) -> Message {
        Message(zh: problems.map(\.message.zh).joined(separator: "；"), en: problems.map(\.message.en).joined(separator: "; "))
    }

    /// Field problems as detail rows (row 0: not a file's row).
    public static func details(_ problems: [FieldProblem]) -> [LedgerIssue] {
        problems.map { LedgerIssue(row: 0, column: $0.field, message: $0.message) }
    }
}
