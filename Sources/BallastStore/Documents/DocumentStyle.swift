import BallastCore

/// How the district's documents are headed and closed (GB/T 9704-2012 版头 and 版记): the
/// issuing office, each file-form kind's 机关代字 for the 发文字号, the 抄送 line and the
/// printing office. Each kind has its own 代字 because each kind numbers its own series
/// (`NumberSeries.document`): two kinds sharing a 代字 would issue the same 发文字号 twice.
public struct DocumentStyle: Sendable, Equatable, Codable {
    /// 发文机关 (and 发文机关署名): 二七区重点项目建设领导小组办公室.
    public var office: String
    /// 机关代字 by document kind (`DocumentKind.rawValue`) for the kinds issued as 文件.
    public var codes: [String: String]
    /// 抄送机关, without the trailing 。.
    public var copyTo: String
    /// 印发机关.
    public var printer: String

    public init(office: String, codes: [String: String], copyTo: String, printer: String) {
        self.office = office; self.codes = codes; self.copyTo = copyTo; self.printer = printer
    }

    /// What a district starts with: its name before 区/县/市 gives the 代字 (二七区 → 二七重点办).
    public static func defaults(districtName: String) -> DocumentStyle {
        let office = "\(districtName)重点项目建设领导小组办公室"
        let short = NoticeNumber.shortName(districtName)
        return DocumentStyle(office: office, codes: [
            DocumentKind.unitRanking.rawValue: "\(short)重点办排",
            DocumentKind.quarterlyAssessment.rawValue: "\(short)重点办考",
            DocumentKind.annualEvaluation.rawValue: "\(short)重点办评",
            DocumentKind.inspectionReview.rawValue: "\(short)重点办观",
        ], copyTo: "区委办公室，区人大常委会办公室，区政府办公室，区政协办公室", printer: office)
    }

    /// 发文字号 as GB/T 9704 7.2.4 writes it: 二七重点办排〔2023〕5号 (year in 六角括号, no leading zero, no 第).
    public func number(kind: DocumentKind, year: Int, sequence: Int) -> String {
        "\(codes[kind.rawValue] ?? "")〔\(year)〕\(sequence)号"
    }
}
