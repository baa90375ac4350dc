/// What a user may do in a district. A user may hold several roles.
public enum Role: String, CaseIterable, Sendable, Codable {
    case admin
    case office
    case leader
    case supervision
    case unit
    case viewer
    /// 市级/省级: reads every district's roll-up, never a district's detail.
    case regional

    public var chineseName: String {
        switch self {
        case .admin: "系统管理员"
        case .office: "项目办"
        case .leader: "区领导"
        case .supervision: "督查室"
        case .unit: "责任单位"
        case .viewer: "只读"
        case .regional: "上级汇总"
        }
    }

    public var englishName: String {
        switch self {
        case .admin: "Administrator"
        case .office: "Project office"
        case .leader: "District leader"
        case .supervision: "Supervision office"
        case .unit: "Responsible unit"
        case .viewer: "Read-only"
        case .regional: "City overview"
        }
    }

    /// Reads "office,leader" or "项目办、区领导"; nil names the first unknown role.
    public static func parseList(_ text: String) -> Result<[Role], UnknownRole> {
        var roles: [Role] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == "、" || $0 == " " }) {
            let name = String(part)
            guard let role = Role(rawValue: name.lowercased()) ?? allCases.first(where: { $0.chineseName == name }) else {
                return .failure(UnknownRole(name: name))
            }
            if !roles.contains(role) { roles.append(role) }
        }
        return .success(roles)
    }

    public struct UnknownRole: Error, Equatable, Sendable {
        public let name: String
        public init(name: String) { self.name = name }
    }
}

/// What a password must be. Officials reuse short passwords; a district's investment data
/// deserves at least this.
public enum PasswordPolicy {
    public static let minimumLength = 10

    /// Nil when acceptable, otherwise why not.
    public static func problem(with password: String, username: String) -> Message? {
        if password.count < minimumLength {
            return Message(zh: "密码至少\(minimumLength)个字符", en: "A password has at least \(minimumLength) characters")
        }
        let hasLetter = password.unicodeScalars.contains { $0.properties.isAlphabetic }
        let hasDigit = password.unicodeScalars.contains { $0.value >= 48 && $0.value <= 57 }
        if !hasLetter || !hasDigit {
            return Message(zh: "密码须同时包含字母和数字", en: "A password contains both letters and digits")
        }
        if password.lowercased().contains(username.lowercased()) && !username.isEmpty {
            return Message(zh: "密码不能包含用户名", en: "A password must not contain the user name")
        }
        return nil
    }
}
