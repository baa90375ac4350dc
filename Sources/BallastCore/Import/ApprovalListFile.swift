/// One row of a 前期手续 file: one step of a project's chain for the file's year.
public struct ApprovalListRow: Sendable, Equatable {
    public var row: Int
    public var projectCode: String
    public var seq: Int?
    public var name: String
    public var department: String?
    public var applied: CalendarDate?
    public var promisedDays: Int?
    public var target: CalendarDate?
    public var approved: CalendarDate?
    public var approvalNo: String?
    public var waivedReason: String?
}

/// Reads a 前期手续 file for a year: 项目编号 and 事项 name the step (a step of that name in the
/// project's chain is updated, else added); 项目名称 is ignored; 顺序, 审批部门, 申报日期,
/// 承诺时限（工作日）, 目标日期, 批复日期, 批复文号, 容缺受理理由 are its fields; a cell left empty
/// keeps what is stored (as in the other data files). The export writes the same columns, so a
/// file round-trips.
public enum ApprovalListFile {
    public static let required = ["项目编号", "事项"]
    public static let optional = ["项目名称", "顺序", "审批部门", "申报日期", "承诺时限(工作日)", "目标日期", "批复日期", "批复文号", "容缺受理理由"]
    public static let header = ["项目编号", "项目名称", "顺序", "事项", "审批部门", "申报日期", "承诺时限（工作日）", "目标日期", "批复日期", "批复文号", "容缺受理理由"]

    public static func read(_ table: SheetTable, today: CalendarDate) -> (rows: [ApprovalListRow], issues: [LedgerIssue]) {
        var issues: [LedgerIssue] = []
        let cols = TableColumns(header: table.header, required: required, optional: optional, issues: &issues)
        guard issues.isEmpty else { return ([], issues) }
        var out: [ApprovalListRow] = []
        var seen: [String: Int] = [:]
        for (number, cells) in table.rows where !cells.allSatisfy({ $0.trimmed.isEmpty }) {
            var p = RowProblems(row: number)
            let code = cols.cell("项目编号", in: cells)
            if code.isEmpty { p.fail("项目编号", zh: "项目编号不能为空", en: "The project code is empty") }
            let name = cols.cell("事项", in: cells)
            if name.isEmpty { p.fail("事项", zh: "事项不能为空", en: "The step's name is empty") }
            if name.count > 60 { p.fail("事项", zh: "事项名称超过 60 个字", en: "The step's name is over 60 characters") }
            let key = code + "|" + name
            if let first = seen[key], !code.isEmpty, !name.isEmpty {
                p.fail("事项", zh: "项目“\(code)”的“\(name)”已在第\(first)行", en: "“\(name)” of “\(code)” is already on row \(first)")
            } else {
                seen[key] = number
            }
            func whole(_ column: String, _ range: ClosedRange<Int>) -> Int? {
                let text = cols.cell(column, in: cells)
                guard !text.isEmpty else { return nil }
                guard text.count <= 6, let n = Int(text), range.contains(n) else {
                    p.fail(column, zh: "\(column)应为 \(range.lowerBound)～\(range.upperBound) 的整数，实为“\(text.prefix(20))”",
                           en: "\(column) must be a whole number from \(range.lowerBound) to \(range.upperBound), not “\(text.prefix(20))”")
                    return nil
                }
                return n
            }
            let seq = whole("顺序", 1...99)
            let promised = whole("承诺时限(工作日)", ApprovalStep.promisedRange)
            let applied = p.date(cols.cell("申报日期", in: cells), column: "申报日期", today: today)
            let approved = p.date(cols.cell("批复日期", in: cells), column: "批复日期", today: today)
            // A planned day may lie ahead: read without the "not after today" check.
            let targetText = cols.cell("目标日期", in: cells)
            let target = targetText.isEmpty ? nil : CalendarDate.parse(targetText)
            if !targetText.isEmpty && target == nil {
                p.fail("目标日期", zh: "目标日期应为日期（如 2023-01-28），实为“\(targetText.prefix(20))”", en: "目标日期 must be a date such as 2023-01-28, not “\(targetText.prefix(20))”")
            }
            for (column, limit) in [("审批部门", 60), ("批复文号", 100), ("容缺受理理由", 500)] where cols.cell(column, in: cells).count > limit {
                p.fail(column, zh: "\(column)超过 \(limit) 个字", en: "\(column) is over \(limit) characters")
            }
            issues += p.issues
            if p.issues.isEmpty {
                let text = { (c: String) -> String? in let t = cols.cell(c, in: cells); return t.isEmpty ? nil : t }
                out.append(ApprovalListRow(row: number, projectCode: code, seq: seq, name: name, department: text("审批部门"), applied: applied,
                                           promisedDays: promised, target: target, approved: approved, approvalNo: text("批复文号"),
                                           waivedReason: text("容缺受理理由")))
            }
        }
        if out.isEmpty && issues.isEmpty {
            issues.append(LedgerIssue(row: 2, column: nil, message: Message(zh: "文件只有表头，没有数据行", en: "The file has a header but no rows")))
        }
        return (issues.isEmpty ? out : [], issues)
    }
}
