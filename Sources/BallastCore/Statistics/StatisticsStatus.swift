/// 入库纳统: where a project stands with the statistics office's fixed-asset-investment
/// database on a day. Only 已入库 counts in the district's figure (先入库，后有数).
public enum StatisticsStatus: String, Sendable, CaseIterable, Codable {
    case notIncluded = "not-included"
    case declared
    case included

    public var chineseName: String {
        switch self {
        case .notIncluded: "未入库"
        case .declared: "已申报"
        case .included: "已入库"
        }
    }

    public var englishName: String {
        switch self {
        case .notIncluded: "Not in statistics"
        case .declared: "Declared"
        case .included: "In statistics"
        }
    }
}
