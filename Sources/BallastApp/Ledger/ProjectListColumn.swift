import BallastCore
import Foundation

/// The project list's optional columns (the code and the name are always shown). A reader picks
/// them with `?cols=`, keeps a choice with 保存为我的默认列 (stored on the account), and a list
/// opened for a light (a dashboard's drill-down) starts with the columns that explain it.
enum ProjectListColumn: String, CaseIterable, Sendable {
    case category, level, zone, unit, stage, total, plan, completion, light, lag, reasons, since

    /// Columns that need a year (its plan, its lights).
    var needsYear: Bool { ![.category, .unit, .stage, .total].contains(self) }

    var label: LedgerText {
        switch self {
        case .category: .category
        case .level: .level
        case .zone: .zone
        case .unit: .unit
        case .stage: .stage
        case .total: .totalWan
        case .plan: .planWan
        case .completion: .completionRate
        case .light: .light
        case .lag: .lag
        case .reasons: .lightReasons
        case .since: .lightSince
        }
    }

    /// What a list shows until its user chooses: who, how big, how far and why; level, zone, lag
    /// and since are a click away in the chooser (all twelve squeeze a name into a sliver).
    static let standard: [ProjectListColumn] = [.category, .unit, .stage, .total, .plan, .completion, .light, .reasons]
    /// A list of one light: who is responsible, the money, and why.
    static let explainingLight: [ProjectListColumn] = [.unit, .plan, .completion, .light, .lag, .reasons, .since]
    /// A group's bar or row (a category, zone or unit against its plan): each project's plan,
    /// completion and light, which add up to the group's figure.
    static let explainingGroup: [ProjectListColumn] = [.unit, .stage, .plan, .completion, .light, .reasons]
    /// A pool of the funnel (all years): what is in it, whose, and how big.
    static let explainingStage: [ProjectListColumn] = [.category, .unit, .stage, .total]

    /// The query item a chart's drill-down carries so its list opens with the columns that explain it.
    static func drill(_ columns: [ProjectListColumn]) -> String { "&cols=" + text(columns) }

    /// "unit,plan,light": known keys in the catalogue's order; nil when none is known.
    static func parse(_ raw: String?) -> [ProjectListColumn]? {
        guard let raw, !raw.isEmpty else { return nil }
        let keys = Set(raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let picked = allCases.filter { keys.contains($0.rawValue) }
        return picked.isEmpty ? nil : picked
    }

    static func text(_ columns: [ProjectListColumn]) -> String { columns.map(\.rawValue).joined(separator: ",") }
}
