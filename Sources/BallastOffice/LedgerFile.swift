import BallastCore
import Foundation

/// The file formats a ledger travels in.
public enum LedgerFormat: String, Sendable, CaseIterable {
    case xlsx, csv

    public var mimeType: String {
        switch self {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    /// By file name first; then by content, because a user may rename a file carelessly.
    public static func detect(fileName: String?, data: Data) -> LedgerFormat {
        let lower = fileName?.lowercased() ?? ""
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".xlsx") { return .xlsx }
        return data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .xlsx : .csv
    }
}

public enum LedgerFile {
    public static func read(_ data: Data, format: LedgerFormat) throws(OfficeError) -> SheetTable {
        switch format {
        case .csv: try CSVTable.read(data)
        case .xlsx: try XLSXReader.read(data)
        }
    }

    /// Writes records with the ledger's own headers: money and coordinates as numbers and
    /// planned dates as dates in .xlsx, so the sheet sums and sorts in Excel, and reading it
    /// back yields the same records.
    public static func write(_ records: [LedgerRecord], format: LedgerFormat, sheetName: String) throws -> Data {
        switch format {
        case .csv:
            return CSVTable.write(header: LedgerRecord.exportHeaders, rows: records.map(\.exportCells))
        case .xlsx:
            let rows: [[XLSXCell]] = records.map { record in
                zip(LedgerColumn.allCases, record.exportCells).map { column, text in
                    if text.isEmpty { return .empty }
                    switch column {
                    case .totalInvestment, .annualPlan: return .number(text)
                    case .longitude, .latitude: return .preciseNumber(text)
                    case .plannedStart, .plannedEnd: return CalendarDate.parse(text).map(XLSXCell.date) ?? .text(text)
                    default: return .text(text)
                    }
                }
            }
            let widths = LedgerColumn.allCases.map { c -> Int in
                switch c {
                case .name, .investor, .content: 36
                case .creditCode: 22
                case .code, .unit, .zone, .category, .totalInvestment, .annualPlan: 16
                default: 12
                }
            }
            return try XLSXWriter.write(sheetName: sheetName, header: LedgerRecord.exportHeaders, rows: rows,
                                        columnWidths: widths)
        }
    }
}
