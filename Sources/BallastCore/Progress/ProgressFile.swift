/// One row of a monthly progress file: a project's investment completed in one month.
public struct ProgressRecord: Sendable, Equatable {
    public var row: Int
    public var code: String
    public var year: Int
    public var month: Int
    /// Completed in that month, exact to the yuan.
    public var amount: Money
    /// 形象进度: physical progress, as written.
    public var progress: String?

    public init(row: Int, code: String, year: Int, month: Int, amount: Money, progress: String?) {
        self.row = row; self.code = code; self.year = year; self.month = month; self.amount = amount; self.progress = progress
    }
}

/// Reads a progress table (项目编号, 月份, 本月完成投资（万元|亿元）, 形象进度) into records, or says
/// what is wrong with every faulty cell, by spreadsheet row and column.
public struct ProgressValidator: Sendable {
    public static let codeHeader = "项目编号"
    public static let monthHeader = "月份"
    public static let amountHeader = "本月完成投资"
    public static let progressHeader = "形象进度"

    /// The district's today: a month after it has not happened yet.
    public var today: CalendarDate

    public init(today: CalendarDate) { self.today = today }

    public struct Outcome: Sendable {
        public var records: [ProgressRecord]
        public var issues: [LedgerIssue]
    }

    /// A month as a spreadsheet cell writes it: "2023-06", "2023-6", "2023/06", "2023年6月".
    public static func parseMonth(_ text: String) -> (year: Int, month: Int)? {
        var t = text.trimmed.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "/", with: "-")
        if t.hasSuffix("月") { t.removeLast() }
        return YearMonth.parse(t).map { ($0.year, $0.month) }
    }

    public func validate(_ table: SheetTable) -> Outcome {
        var issues: [LedgerIssue] = []
        var index: [String: Int] = [:]
        var unit = MoneyUnit.wan
        for (i, cell) in table.header.enumerated() {
            let (name, given) = HeaderText.split(cell)
            guard [Self.codeHeader, Self.monthHeader, Self.amountHeader, Self.progressHeader].contains(name) else { continue }
            if name == Self.amountHeader { unit = given ?? .wan }
            index[name] = i
        }
        for name in [Self.codeHeader, Self.monthHeader, Self.amountHeader] where index[name] == nil {
            issues.append(LedgerIssue(row: 1, column: name, message: Message(
                zh: "缺少必需的列“\(name)\(name == Self.amountHeader ? "（万元）" : "")”",
                en: "Required column “\(name)\(name == Self.amountHeader ? "（万元）" : "")” is missing")))
        }
        if !issues.isEmpty { return Outcome(records: [], issues: issues) }
        let amountColumn = Self.amountHeader + "（\(unit.rawValue)）"
        var records: [ProgressRecord] = []
        var firstRow: [String: Int] = [:]
        for (number, cells) in table.rows {
            func cell(_ name: String) -> String {
                guard let i = index[name], i < cells.count else { return "" }
                return cells[i].trimmed
            }
            if cells.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            func fail(_ column: String, _ zh: String, _ en: String) {
                issues.append(LedgerIssue(row: number, column: column, message: Message(zh: zh, en: en)))
            }
            let code = cell(Self.codeHeader)
            if code.isEmpty { fail(Self.codeHeader, "项目编号不能为空", "The project code is empty") }
            let monthText = cell(Self.monthHeader)
            let month = Self.parseMonth(monthText)
            if month == nil {
                fail(Self.monthHeader, "月份应为 YYYY-MM（如 2023-06），实为“\(monthText)”", "The month must be YYYY-MM (e.g. 2023-06), not “\(monthText)”")
            } else if let (y, m) = month, y > today.year || (y == today.year && m > today.month) {
                fail(Self.monthHeader, "月份 \(monthText) 尚未到来", "The month \(monthText) is still to come")
            }
            let amountText = cell(Self.amountHeader)
            var amount: Money?
            switch Money.parse(amountText, unit: unit) {
            case .success(let m) where m.yuan < 0:
                fail(amountColumn, "本月完成投资不能为负数（\(amountText)）；更正已审定的数字请重新导入该月",
                     "The month's investment cannot be negative (\(amountText)); to correct an approved figure, import the month again")
            case .success(let m): amount = m
            case .failure:
                fail(amountColumn, "本月完成投资应为数字（\(unit.rawValue)），实为“\(amountText)”",
                     "The month's investment must be a number in \(unit.rawValue), not “\(amountText)”")
            }
            guard !code.isEmpty, let (y, m) = month, let amount else { continue }
            let key = "\(code)|\(y)-\(m)"
            if let first = firstRow[key] {
                fail(Self.monthHeader, "项目“\(code)”的 \(monthText) 与第\(first)行重复", "Project “\(code)” \(monthText) repeats row \(first)")
                continue
            }
            firstRow[key] = number
            let progress = cell(Self.progressHeader)
            records.append(ProgressRecord(row: number, code: code, year: y, month: m, amount: amount,
                                          progress: progress.isEmpty ? nil : progress))
        }
        if records.isEmpty && issues.isEmpty {
            issues.append(LedgerIssue(row: 2, column: nil, message: Message(zh: "文件只有表头，没有数据行", en: "The file has a header but no rows")))
        }
        return Outcome(records: issues.isEmpty ? records : [], issues: issues)
    }
}
