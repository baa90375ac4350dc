/// Where a project's money comes from (资金来源), the district's list.
public enum FundingSource: String, Sendable, CaseIterable, Codable {
    case specialBonds = "专项债"
    case centralBudget = "中央预算内投资"
    case provincial = "省级资金"
    case city = "市级资金"
    case district = "区级资金"
    case bankLoans = "银行贷款"
    case selfRaised = "企业自筹"
    case other = "其他"

    public var key: String {
        switch self {
        case .specialBonds: "special-bonds"
        case .centralBudget: "central-budget"
        case .provincial: "provincial"
        case .city: "city"
        case .district: "district"
        case .bankLoans: "bank-loans"
        case .selfRaised: "self-raised"
        case .other: "other"
        }
    }

    public var englishName: String {
        switch self {
        case .specialBonds: "Special bonds"
        case .centralBudget: "Central budget investment"
        case .provincial: "Provincial funds"
        case .city: "City funds"
        case .district: "District funds"
        case .bankLoans: "Bank loans"
        case .selfRaised: "Self-raised"
        case .other: "Other"
        }
    }

    /// By its Chinese name (as a file or form writes it) or its key (as the API does).
    public static func parse(_ text: String) -> FundingSource? {
        let t = text.trimmed
        return FundingSource(rawValue: t) ?? allCases.first { $0.key == t.lowercased() }
    }
}
