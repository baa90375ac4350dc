/// What a route may require. Each route states one (or none, for public routes); roles grant
/// them through `Role.permissions`, the one table of who may do what.
public enum Permission: String, CaseIterable, Sendable, Codable {
    /// The district's portfolio summary: totals and breakdowns, no project detail.
    case readSummary
    /// Project lists, details and ledger exports (unit users: their own projects only).
    case readProjects
    /// Create and delete projects, change year plans: the project office's ledger work.
    case manageProjects
    /// Edit a project's descriptive fields (unit users: their own projects, see `UnitEditRule`).
    case editProjects
    /// Ledger imports.
    case importLedger
    /// The district's named lists: units, leaders, categories, levels, zones, chains.
    case manageLists
    /// Users, roles and API tokens.
    case manageUsers
    /// The audit trail.
    case readAudit
    /// Approving or returning monthly reports and correcting approved figures: the project office.
    case reviewReports
    /// Taking part in the supervision loop: raising problems, answering those one's unit is
    /// responsible for, acknowledging notices (unit users: their own unit's).
    case workProblems
    /// The supervision loop's own work: assigning problems, moving deadlines, meetings and their
    /// decisions, reminder notices, supervision bulletins: the project office and 督查室.
    case superviseProblems
    /// The district's rhythm: drafting and issuing the weekly bulletin, monthly rankings and
    /// assessments, the scoring scheme and 加减分: the project office.
    case issueDocuments
    /// Every district's portfolio totals: for city and province users, who see no district's detail.
    case readRollups
    /// 领导批示: a 区领导 linked to a 分包领导 name gives instructions on projects, problems and
    /// documents, and closes or reopens their own once the units report them done.
    case giveInstructions
    /// Working a 批示 through its steps: the units it is addressed to answer it, the leader who
    /// gave it closes it, the project office and 督查室 move its deadline (the editor checks which).
    case workInstructions
}

extension Role {
    /// Who may do what. 系统管理员 administers but never edits reported figures; 区领导 and 督查室
    /// read everything; 责任单位 reads the summary and its own projects and edits those.
    public var permissions: Set<Permission> {
        switch self {
        case .admin: [.readSummary, .readProjects, .manageLists, .manageUsers, .readAudit]
        case .office: [.readSummary, .readProjects, .manageProjects, .editProjects, .importLedger, .manageLists, .readAudit,
                       .reviewReports, .workProblems, .superviseProblems, .issueDocuments, .workInstructions]
        case .leader: [.readSummary, .readProjects, .giveInstructions, .workInstructions]
        case .supervision: [.readSummary, .readProjects, .workProblems, .superviseProblems, .workInstructions]
        case .unit: [.readSummary, .readProjects, .editProjects, .workProblems, .workInstructions]
        case .viewer: [.readSummary, .readProjects]
        case .regional: [.readRollups]
        }
    }

    /// The union over several roles: a user holding 项目办 and 区领导 may do what either may.
    public static func permissions(of roles: [Role]) -> Set<Permission> {
        roles.reduce(into: Set<Permission>()) { $0.formUnion($1.permissions) }
    }
}

/// Which projects a user sees in detail: the whole district, or one unit's.
public enum AccessScope: Equatable, Sendable {
    case district
    case unit

    /// A role that oversees the district widens the scope; 责任单位, and 只读 attached to a unit,
    /// narrow it to that unit. A viewer without a unit reads the district.
    public static func of(roles: [Role], hasUnit: Bool) -> AccessScope {
        if roles.contains(where: { [.admin, .office, .leader, .supervision].contains($0) }) { return .district }
        if roles.contains(.unit) { return .unit }
        return hasUnit ? .unit : .district
    }
}
