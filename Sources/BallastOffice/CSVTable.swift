import BallastCore
import CSV
import Foundation

/// Reads and writes ledgers as CSV.
public enum CSVTable {
    /// Reads every record. Row numbers count records, as a spreadsheet shows them, so a
    /// quoted cell with line breaks in it does not shift the numbers of the rows after it.
    public static func read(_ data: Data) throws(OfficeError) -> SheetTable {
        let text = try TextDecoding.decode(data)
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch {
            throw .malformedCSV(String(describing: error))
        }
        var all: [[String]] = []
        while let row = reader.next() {
            // The header is record 1, so data rows are records 2 onwards.
            if all.count > TableLimits.maxRows { throw .tooManyRows(limit: TableLimits.maxRows) }
            try TableLimits.check(row, rowNumber: all.count + 1)
            all.append(row.map(FormulaGuard.unguard))
        }
        if let error = reader.error { throw .malformedCSV(String(describing: error)) }
        // A file that ends in a newline yields one empty record at the end.
        while let last = all.last, last.allSatisfy(\.isEmpty) { all.removeLast() }
        if all.isEmpty { throw .empty }
        return SheetTable(rows: all)
    }

    /// UTF-8 with a BOM: without it Excel on a Chinese Windows reads the file as GB18030
    /// and every name turns to mojibake.
    public static func write(header: [String], rows: [[String]]) -> Data {
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            try writer.write(row: header.map(FormulaGuard.guarded))
            for row in rows { try writer.write(row: row.map(FormulaGuard.guarded)) }
            writer.stream.close()
        } catch {
            // Writing to memory cannot fail short of running out of it.
            preconditionFailure("CSV to memory failed: \(error)")
        }
        let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8)
    }
}

/// CSV cells a spreadsheet would run as a formula (OWASP's CSV injection): a unit could name
/// its project `=HYPERLINK(…)` and have it run on the office's machine when the export is
/// opened. Such cells are written with a leading `'`, which makes them text, and reading a
/// CSV drops that mark again before the same characters, so an export imports back unchanged.
public enum FormulaGuard {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// A cell that is a trigger after any run of `'` gets one more `'`: so a cell that really
    /// began with `'=` is told apart from a guarded `=` and also comes back as it was.
    public static func guarded(_ cell: String) -> String {
        guard let first = cell.drop(while: { $0 == "'" }).first, triggers.contains(first) else { return cell }
        return "'" + cell
    }

    public static func unguard(_ cell: String) -> String {
        guard cell.first == "'", let first = cell.drop(while: { $0 == "'" }).first, triggers.contains(first) else { return cell }
        return String(cell.dropFirst())
    }
}
