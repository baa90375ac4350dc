/// How much of a spreadsheet an import reads: an upload is at most 20 MB, but a compressed
/// workbook or a CSV of empty cells can unfold into far more rows, cells and text than any
/// ledger has, and each of them costs memory. Past these bounds a file is refused whole
/// with the bound named, before any row is checked.
public enum TableLimits {
    /// Data rows in one file (the district's ledger has ~360; a province's a few tens of thousands).
    public static let maxRows = 100_000
    /// Columns in one row: the ledger has 19, the widest list a few more.
    public static let maxColumns = 256
    /// Characters in one cell: 建设内容 is the longest text a ledger carries.
    public static let maxCellCharacters = 20_000
    /// Characters in a name-like cell (项目名称, 企业名称, units, leaders).
    public static let maxNameCharacters = 2_000
    /// Problems listed in a refusal: the first ones, with the total beside them, so that a
    /// million faulty rows answer with a short report rather than hundreds of megabytes.
    public static let maxReportedIssues = 1_000
    /// Bytes an .xlsx may inflate to, counted as they are inflated (the sizes a zip declares
    /// are the sender's word and prove nothing).
    public static let maxUnpackedBytes = 256 * 1_048_576
}
