import Foundation

/// 全生命周期: the stages a project passes through. The raw value is the Chinese name used in
/// ledgers, so imports and exports read the way officials write them.
public enum LifecycleStage: String, CaseIterable, Sendable, Codable {
    case conceived = "谋划"
    case attracting = "招引"
    case signed = "签约"
    case landed = "落地"
    case underConstruction = "在建"
    case completed = "竣工"
    case inProduction = "投产"
    case atDesignedOutput = "达效"
    case exited = "退出"

    /// The four pools of 产业项目四库, in pipeline order.
    public static let pools: [LifecycleStage] = [.conceived, .attracting, .signed, .landed]

    public var englishName: String {
        switch self {
        case .conceived: "Conceived"
        case .attracting: "Being attracted"
        case .signed: "Signed"
        case .landed: "Landed"
        case .underConstruction: "Under construction"
        case .completed: "Completed"
        case .inProduction: "In production"
        case .atDesignedOutput: "At designed output"
        case .exited: "Exited"
        }
    }

    /// Position along the lifecycle; 退出 stands outside it.
    public var order: Int? { LifecycleStage.allCases.firstIndex(of: self).flatMap { self == .exited ? nil : $0 } }

    /// A project may exit from any stage before 竣工; after completion it is part of the record.
    public var mayExit: Bool {
        guard let order else { return false }
        return order < (LifecycleStage.completed.order ?? Int.max)
    }

    /// Whether a ledger may record a move from `self` to `next`. Ledgers are corrected in
    /// both directions (a wrongly entered stage is put back), so only exits are constrained.
    public func mayMove(to next: LifecycleStage) -> Bool {
        if next == self { return false }
        if next == .exited { return mayExit }
        return true
    }

    public static func parse(_ text: String) -> LifecycleStage? {
        let t = text.trimmed
        return LifecycleStage(rawValue: t)
            ?? allCases.first { $0.englishName.caseInsensitiveCompare(t) == .orderedSame }
    }
}

/// 建设性质: the nature of a project in a year's plan.
public enum ProjectNature: String, CaseIterable, Sendable, Codable {
    case newStart = "新开工"
    case continuing = "续建"
    case preliminary = "前期"

    public var englishName: String {
        switch self {
        case .newStart: "New start"
        case .continuing: "Continuing"
        case .preliminary: "Preliminary"
        }
    }
}
