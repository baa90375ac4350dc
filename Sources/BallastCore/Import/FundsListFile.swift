/// One row of a 资金来源 file: a project's funding for the file's year, source by source.
public struct FundsListRow: Sendable, Equatable {
    public var row: Int
    public var projectCode: String
    /// Source → (planned, arrived); a cell left empty keeps the stored amount.
    public var planned: [FundingSource: Money]
    public var arrived: [FundingSource: Money]
}

/// Reads a 资金来源 file for a year: 项目编号, and for each of the district's sources its
/// 计划 and 到位 columns ("专项债计划（万元）", "专项债到位（万元）", …; 万元 unless the header says
/// 亿元); 项目名称 is ignored. The export writes the same columns, so a file round-trips.
/// Negative amounts are refused at their cell; arrived above planned is allowed (and noted on
/// the project).
public enum FundsListFile {
    public static let required = ["项目编号"]

    public static func plannedColumn(_ s: FundingSource) -> String { "\(s.rawValue)计划" }
    public static func arrivedColumn(_ s: FundingSource) -> String { "\(s.rawValue)到位" }

    static var amountColumns: [String] { FundingSource.allCases.flatMap { [plannedColumn($0), arrivedColumn($0)] } }
    public static var optional: [String] { ["项目名称"] + amountColumns }
    public static var header: [String] { ["项目编号", "项目名称"] + amountColumns.map { "\($0)（万元）" } }

    public static func read(_ table: SheetTable) -> (rows: [FundsListRow], issues: [LedgerIssue]) {
        var issues: [LedgerIssue] = []
        let cols = TableColumns(header: table.header, required: required, optional: optional, issues: &issues)
        guard issues.isEmpty else { return ([], issues) }
        if !amountColumns.contains(where: cols.has) {
            return ([], [LedgerIssue(row: 1, column: nil, message: Message(
                zh: "文件除项目编号外没有资金列（如“专项债计划（万元）”“专项债到位（万元）”）", en: "The file has no funding column besides 项目编号"))])
        }
        var out: [FundsListRow] = []
        var seen: [String: Int] = [:]
        for (number, cells) in table.rows where !cells.allSatisfy({ $0.trimmed.isEmpty }) {
            var p = RowProblems(row: number)
            let code = cols.cell("项目编号", in: cells)
            if code.isEmpty { p.fail("项目编号", zh: "项目编号不能为空", en: "The project code is empty") }
            if let first = seen[code], !code.isEmpty {
                p.fail("项目编号", zh: "项目“\(code)”已在第\(first)行", en: "Project “\(code)” is already on row \(first)")
            } else if !code.isEmpty {
                seen[code] = number
            }
            var planned: [FundingSource: Money] = [:], arrived: [FundingSource: Money] = [:]
            for s in FundingSource.allCases {
                for (name, into) in [(plannedColumn(s), true), (arrivedColumn(s), false)] {
                    guard let m = p.money(cols.cell(name, in: cells), column: name, unit: cols.unit(name)) else { continue }
                    if m.yuan > Money.maxYuan { p.fail(name, zh: "\(name)金额超过上限", en: "\(name): the amount is over the limit"); continue }
                    if into { planned[s] = m } else { arrived[s] = m }
                }
            }
            issues += p.issues
            if p.issues.isEmpty { out.append(FundsListRow(row: number, projectCode: code, planned: planned, arrived: arrived)) }
        }
        if out.isEmpty && issues.isEmpty {
            issues.append(LedgerIssue(row: 2, column: nil, message: Message(zh: "文件只有表头，没有数据行", en: "The file has a header but no rows")))
        }
        return (issues.isEmpty ? out : [], issues)
    }
}
