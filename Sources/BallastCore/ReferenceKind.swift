/// The named lists a district keeps. Categories, levels, zones and industry chains are per
/// year (Erqi's zones changed from 四区联动 in 2021 to 三区三轴 in 2023); units, leaders and
/// task forces persist across years.
public enum ReferenceKind: String, CaseIterable, Sendable, Codable {
    case unit
    case leader
    case taskForce = "task-force"
    case category
    case level
    case zone
    case chain
    /// 退出原因: why a project left the pipeline (投资方变化, 要素不具备, 政策调整…).
    case exitReason = "exit-reason"
    /// 问题类别: how the problem ledger sorts problems (土地, 资金, 规划…).
    case problemCategory = "problem-category"

    public var isPerYear: Bool {
        switch self {
        case .category, .level, .zone, .chain: true
        case .unit, .leader, .taskForce, .exitReason, .problemCategory: false
        }
    }

    /// Whether an import may create a missing entry (and list it). Levels are a closed
    /// list: an unknown level is a typo, not a new level.
    public var createdOnImport: Bool { self != .level }

    public var chineseName: String {
        switch self {
        case .unit: "责任单位"
        case .leader: "分包领导"
        case .taskForce: "工作专班"
        case .category: "项目类别"
        case .level: "项目级别"
        case .zone: "空间布局"
        case .chain: "产业链"
        case .exitReason: "退出原因"
        case .problemCategory: "问题类别"
        }
    }

    public var englishName: String {
        switch self {
        case .unit: "Responsible unit"
        case .leader: "Contact leader"
        case .taskForce: "Task force"
        case .category: "Category"
        case .level: "Level"
        case .zone: "Zone"
        case .chain: "Industry chain"
        case .exitReason: "Exit reason"
        case .problemCategory: "Problem category"
        }
    }

    /// The lists a new district year starts with; everything else is entered or imported.
    public static let defaultLevels = ["省重点", "市重点", "区重点"]
}
