import Foundation

/// The columns of the project ledger as units keep it in Excel, and as the city's and
/// province's systems exchange it. The header text is the interface: it must stay exactly so.
public enum LedgerColumn: String, CaseIterable, Sendable {
    case code = "项目编号"
    case name = "项目名称"
    case category = "项目类别"
    case level = "项目级别"
    case nature = "建设性质"
    case zone = "空间布局"
    case unit = "责任单位"
    case leader = "分包领导"
    case taskForce = "工作专班"
    case stage = "项目阶段"
    case totalInvestment = "总投资"
    case annualPlan = "年度计划投资"
    case plannedStart = "计划开工"
    case plannedEnd = "计划竣工"
    case investor = "建设单位"
    case creditCode = "统一社会信用代码"
    case longitude = "经度"
    case latitude = "纬度"
    case content = "建设内容"
    /// 全国投资项目在线审批监管平台 项目代码 (`ProjectCode`).
    case projectCode = "项目代码"

    public var englishName: String {
        switch self {
        case .code: "Code"
        case .name: "Name"
        case .category: "Category"
        case .level: "Level"
        case .nature: "Nature"
        case .zone: "Zone"
        case .unit: "Responsible unit"
        case .leader: "Contact leader"
        case .taskForce: "Task force"
        case .stage: "Stage"
        case .totalInvestment: "Total investment (万元)"
        case .annualPlan: "Annual plan (万元)"
        case .plannedStart: "Planned start"
        case .plannedEnd: "Planned completion"
        case .investor: "Investor"
        case .creditCode: "Credit code"
        case .longitude: "Longitude"
        case .latitude: "Latitude"
        case .content: "Construction content"
        case .projectCode: "National project code"
        }
    }

    public static let required: Set<LedgerColumn> = [.code, .name, .category, .level, .unit, .stage, .totalInvestment]

    public var isMoney: Bool { self == .totalInvestment || self == .annualPlan }

    /// The header as exports write it: money columns carry their unit in full-width brackets.
    public var exportHeader: String { isMoney ? rawValue + "（万元）" : rawValue }

    /// Recognises a header cell, with ASCII or full-width brackets and 万元 or 亿元, and
    /// reports which unit its money is in.
    public static func match(header raw: String) -> (LedgerColumn, MoneyUnit)? {
        let (name, unit) = HeaderText.split(raw)
        guard let column = LedgerColumn(rawValue: name) else { return nil }
        if unit != nil && !column.isMoney { return nil }
        return (column, unit ?? .wan)
    }
}

/// A spreadsheet header as officials type it: brackets full-width or not, spaces anywhere,
/// and a money unit in brackets at the end.
public enum HeaderText {
    /// The header's name without spaces or unit, and the unit if one was given.
    public static func split(_ raw: String) -> (name: String, unit: MoneyUnit?) {
        var h = raw.trimmed
        h = h.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        h.removeAll { $0 == " " || $0 == "\u{3000}" }
        for candidate in [MoneyUnit.wan, .yi] where h.hasSuffix("(\(candidate.rawValue))") {
            h.removeLast(candidate.rawValue.count + 2)
            return (h, candidate)
        }
        return (h, nil)
    }
}
