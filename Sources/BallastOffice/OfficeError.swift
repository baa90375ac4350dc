import BallastCore

/// Why a file could not be read as a table at all (before any row is looked at).
public enum OfficeError: Error, Equatable, Sendable {
    case empty
    case binaryNotText
    case unknownEncoding
    case notAnXLSX(String)
    case tooLarge(limit: Int)
    case malformedCSV(String)
    /// More data rows than `TableLimits.maxRows`.
    case tooManyRows(limit: Int)
    /// A row (spreadsheet numbering) with more columns than `TableLimits.maxColumns`.
    case tooManyColumns(row: Int, limit: Int)
    /// A cell (row and column letter) longer than `TableLimits.maxCellCharacters`.
    case cellTooLong(row: Int, column: String, limit: Int)
    /// A workbook with more distinct texts than any table within the row limit needs.
    case tooManySharedStrings(limit: Int)

    public var message: Message {
        switch self {
        case .empty:
            Message(zh: "文件为空", en: "The file is empty")
        case .binaryNotText:
            Message(zh: "文件不是文本格式的CSV（含有二进制内容）", en: "The file is not a text CSV (it has binary content)")
        case .unknownEncoding:
            Message(zh: "无法识别文件编码（支持UTF-8与GB18030）", en: "Unrecognised text encoding (UTF-8 and GB18030 are supported)")
        case .notAnXLSX(let why):
            Message(zh: "文件不是有效的Excel工作簿（.xlsx）：\(why)", en: "The file is not a valid Excel workbook (.xlsx): \(why)")
        case .tooLarge(let limit):
            Message(zh: "文件解压后超过\(limit / 1_048_576)MB上限", en: "The file exceeds the \(limit / 1_048_576) MB limit when unpacked")
        case .malformedCSV(let why):
            Message(zh: "CSV格式错误：\(why)", en: "Malformed CSV: \(why)")
        case .tooManyRows(let limit):
            Message(zh: "文件超过\(limit)行数据的上限，请分批导入", en: "The file has more than \(limit) data rows; import it in parts")
        case .tooManyColumns(let row, let limit):
            Message(zh: "第\(row)行超过\(limit)列的上限", en: "Row \(row) has more than \(limit) columns")
        case .tooManySharedStrings(let limit):
            Message(zh: "工作簿的文本超过\(limit)条的上限", en: "The workbook holds more than \(limit) distinct texts")
        case .cellTooLong(let row, let column, let limit):
            Message(zh: "第\(row)行\(column)列超过\(limit)个字符的上限", en: "Cell \(column)\(row) is longer than \(limit) characters")
        }
    }

    /// A column's spreadsheet letters (0 → A, 26 → AA), for messages that point at a cell.
    public static func columnLetters(_ index: Int) -> String { XLSXWriter.columnName(index) }
}

extension TableLimits {
    /// Refuses a row wider than `maxColumns` or with a cell longer than `maxCellCharacters`.
    static func check(_ cells: [String], rowNumber: Int) throws(OfficeError) {
        if cells.count > maxColumns { throw .tooManyColumns(row: rowNumber, limit: maxColumns) }
        for (i, cell) in cells.enumerated() where cell.utf8.count > maxCellCharacters && cell.count > maxCellCharacters {
            throw .cellTooLong(row: rowNumber, column: OfficeError.columnLetters(i), limit: maxCellCharacters)
        }
    }
}
