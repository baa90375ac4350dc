import BallastCore

/// Why a file could not be read as a table at all (before any row is looked at).
public enum OfficeError: Error, Equatable, Sendable {
    case empty
    case binaryNotText
    case unknownEncoding
    case notAnXLSX(String)
    case tooLarge(limit: Int)
    case malformedCSV(String)

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
        }
    }
}
