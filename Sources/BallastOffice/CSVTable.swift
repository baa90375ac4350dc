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
        while let row = reader.next() { all.append(row) }
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
            try writer.write(row: header)
            for row in rows { try writer.write(row: row) }
            writer.stream.close()
        } catch {
            // Writing to memory cannot fail short of running out of it.
            preconditionFailure("CSV to memory failed: \(error)")
        }
        let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8)
    }
}
