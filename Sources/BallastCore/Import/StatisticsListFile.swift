/// One row of a 入库纳统 file: a project's days with the statistics database and the
/// investment the statistics office counted in each month of the file's year.
public struct StatisticsListRow: Sendable, Equatable {
    public var row: Int
    public var projectCode: String
    /// A column absent from the file, or a cell left empty, leaves the stored value as it is.
    public var startedOn: CalendarDate?
    public var declaredOn: CalendarDate?
    public var includedOn: CalendarDate?
    public var number: String?
    /// Month → counted investment.
    public var counted: [Int: Money]
}

/// Reads a 入库纳统 file for a year: 项目编号, and any of 项目名称 (ignored: the code names the
/// project), 实际开工日期, 申报入库日期, 入库日期, 统计库项目编号, 1月 … 12月 (统计口径投资, 万元 unless the
/// header says 亿元). The export writes the same columns, so a file round-trips. Every faulty cell
/// is named by row and column; a month not yet come is refused.
public enum StatisticsListFile {
    public static let required = ["项目编号"]
    public static let fields = ["实际开工日期", "申报入库日期", "入库日期", "统计库项目编号"]
    public static let months = (1...12).map { "\($0)月" }
    public static var optional: [String] { ["项目名称"] + fields + months }
    /// The export's header, in order (the month columns carry their unit).
    public static var header: [String] { ["项目编号", "项目名称"] + fields + months.map { "\($0)（万元）" } }

    public static func read(_ table: SheetTable, today: CalendarDate, year: Int) -> (rows: [StatisticsListRow], issues: [LedgerIssue]) {
        var issues: [LedgerIssue] = []
        let cols = TableColumns(header: table.header, required: required, optional: optional, issues: &issues)
        guard issues.isEmpty else { return ([], issues) }
        if !(fields + months).contains(where: cols.has) {
            return ([], [LedgerIssue(row: 1, column: nil, message: Message(
                zh: "文件除项目编号外没有可导入的列（实际开工日期、申报入库日期、入库日期、统计库项目编号、1月…12月）",
                en: "The file has no column to import besides 项目编号"))])
        }
        var out: [StatisticsListRow] = []
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
            let started = p.date(cols.cell("实际开工日期", in: cells), column: "实际开工日期", today: today)
            let declared = p.date(cols.cell("申报入库日期", in: cells), column: "申报入库日期", today: today)
            let included = p.date(cols.cell("入库日期", in: cells), column: "入库日期", today: today)
            let statsNumber = cols.cell("统计库项目编号", in: cells)
            if statsNumber.count > StatisticsRecord.maxNumberLength {
                p.fail("统计库项目编号", zh: "统计库项目编号不超过 \(StatisticsRecord.maxNumberLength) 个字符", en: "The statistics number is at most \(StatisticsRecord.maxNumberLength) characters")
            }
            var counted: [Int: Money] = [:]
            for (i, name) in months.enumerated() {
                let m = i + 1
                guard let amount = p.money(cols.cell(name, in: cells), column: name, unit: cols.unit(name)) else { continue }
                if year > today.year || (year == today.year && m > today.month) {
                    p.fail(name, zh: "\(year)年\(m)月尚未到来", en: "\(year)-\(m) has not come yet")
                } else if amount.yuan > Money.maxYuan {
                    p.fail(name, zh: "\(name)金额超过上限", en: "\(name): the amount is over the limit")
                } else {
                    counted[m] = amount
                }
            }
            issues += p.issues
            if p.issues.isEmpty {
                out.append(StatisticsListRow(row: number, projectCode: code, startedOn: started, declaredOn: declared, includedOn: included,
                                             number: statsNumber.isEmpty ? nil : statsNumber, counted: counted))
            }
        }
        if out.isEmpty && issues.isEmpty {
            issues.append(LedgerIssue(row: 2, column: nil, message: Message(zh: "文件只有表头，没有数据行", en: "The file has a header but no rows")))
        }
        return (issues.isEmpty ? out : [], issues)
    }
}
