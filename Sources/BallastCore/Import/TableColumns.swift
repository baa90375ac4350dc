/// Finds named columns in an imported sheet's header and reads a row's cells by name, so every
/// list import (campaign entries, leads, …) names the same row and column in its errors.
/// Headers match without spaces and with either width of brackets; a money column may carry
/// its unit in the header ("计入投资（亿元）"), which then applies to its cells.
public struct TableColumns: Sendable {
    private var index: [String: Int] = [:]
    /// The unit given in each money column's header, else 万元.
    private var units: [String: MoneyUnit] = [:]

    /// Columns found, and an issue (row 1) for each required one that is missing.
    public init(header: [String], required: [String], optional: [String], issues: inout [LedgerIssue]) {
        for (i, raw) in header.enumerated() {
            let (name, unit) = HeaderText.split(raw)
            guard required.contains(name) || optional.contains(name) else { continue }
            // A column given twice would leave one of its values unread without a word.
            if let first = index[name] {
                issues.append(LedgerIssue(row: 1, column: name, message: Message(
                    zh: "列“\(name)”出现两次（第\(first + 1)列和第\(i + 1)列），请删去一列", en: "Column “\(name)” appears twice (columns \(first + 1) and \(i + 1)): remove one")))
                continue
            }
            index[name] = i
            if let unit { units[name] = unit }
        }
        for name in required where index[name] == nil {
            issues.append(LedgerIssue(row: 1, column: name, message: Message(zh: "缺少必需的列“\(name)”", en: "Required column “\(name)” is missing")))
        }
    }

    public func has(_ name: String) -> Bool { index[name] != nil }

    /// The trimmed text of a row's cell in the named column ("" when absent).
    public func cell(_ name: String, in cells: [String]) -> String {
        guard let i = index[name], i < cells.count else { return "" }
        return cells[i].trimmed
    }

    public func unit(_ name: String) -> MoneyUnit { units[name] ?? .wan }
}

/// Collects the problems of one imported row under its spreadsheet row number.
public struct RowProblems {
    public let row: Int
    public private(set) var issues: [LedgerIssue] = []

    public init(row: Int) { self.row = row }

    public mutating func fail(_ column: String?, zh: String, en: String) {
        issues.append(LedgerIssue(row: row, column: column, message: Message(zh: zh, en: en)))
    }

    /// A date cell: nil when empty; an issue when it is not a day or is after `today`.
    public mutating func date(_ text: String, column: String, today: CalendarDate, required: Bool = false) -> CalendarDate? {
        if text.isEmpty {
            if required { fail(column, zh: "\(column)不能为空", en: "\(column) is empty") }
            return nil
        }
        guard let d = CalendarDate.parse(text) else {
            fail(column, zh: "\(column)应为日期（如 2023-01-28），实为“\(text)”", en: "\(column) must be a date such as 2023-01-28, not “\(text)”")
            return nil
        }
        if d > today { fail(column, zh: "\(column) \(d.iso) 晚于今天", en: "\(column) \(d.iso) is after today") }
        return d
    }

    /// A money cell in `unit`: nil when empty; an issue when it is not a number or is negative.
    public mutating func money(_ text: String, column: String, unit: MoneyUnit, required: Bool = false) -> Money? {
        if text.isEmpty {
            if required { fail(column, zh: "\(column)不能为空", en: "\(column) is empty") }
            return nil
        }
        guard case .success(let m) = Money.parse(text, unit: unit), m.yuan >= 0 else {
            fail(column, zh: "\(column)应为不小于零的数字（\(unit.rawValue)），实为“\(text)”", en: "\(column) must be a number ≥ 0 in \(unit.rawValue), not “\(text)”")
            return nil
        }
        return m
    }
}
