/// Where a step stands on a day.
public enum ApprovalState: String, Sendable, CaseIterable, Codable {
    /// Not applied for yet (and no planned day passed).
    case waiting
    /// Applied for, within its promised time (or its planned day).
    case inProgress = "in-progress"
    /// Not approved, past its promised time (or, for a step without one, its planned day).
    case overdue
    case done

    public var chineseName: String {
        switch self {
        case .waiting: "未申报"
        case .inProgress: "办理中"
        case .overdue: "已超时"
        case .done: "已办结"
        }
    }

    public var englishName: String {
        switch self {
        case .waiting: "Not applied"
        case .inProgress: "In progress"
        case .overdue: "Overdue"
        case .done: "Done"
        }
    }
}
