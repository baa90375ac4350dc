/// A problem with one cell, row or header of an imported ledger. `row` is the spreadsheet's
/// own row number (the header is row 1), so a user can go straight to it in Excel.
public struct LedgerIssue: Sendable, Equatable, Codable {
    public var row: Int
    public var column: String?
    public var message: Message

    public init(row: Int, column: String?, message: Message) {
        self.row = row; self.column = column; self.message = message
    }
}

/// A sheet as read from .csv or .xlsx: the header row and the data rows with their numbers.
public struct SheetTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [(number: Int, cells: [String])]

    public init(header: [String], rows: [(number: Int, cells: [String])]) {
        self.header = header; self.rows = rows
    }

    public static func == (a: SheetTable, b: SheetTable) -> Bool {
        a.header == b.header && a.rows.count == b.rows.count
            && zip(a.rows, b.rows).allSatisfy { $0.number == $1.number && $0.cells == $1.cells }
    }

    /// Builds a table from plain rows, the first being the header, numbering rows from 1.
    public init(rows all: [[String]]) {
        header = all.first ?? []
        rows = all.dropFirst().enumerated().map { (number: $0.offset + 2, cells: $0.element) }
    }
}
