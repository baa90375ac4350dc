/// The district's 前期手续 template per project type: the steps a project's chain starts with,
/// in order, each with the approving department and the promised working days (the district's
/// 工程建设项目审批 list), dated back from the planned start. Every step stays editable per
/// project. Government investment starts from 立项/可研批复; enterprise investment (产业项目)
/// from 备案 — the two routes of 投资项目审批.
public struct ApprovalTemplate: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var name: String
        public var department: String
        public var promisedDays: Int
    }

    public enum Kind: String, Sendable, CaseIterable {
        case government, enterprise

        public var chineseName: String { self == .government ? "政府投资项目" : "企业投资项目" }
        public var englishName: String { self == .government ? "Government investment" : "Enterprise investment" }
    }

    public var kind: Kind
    public var steps: [Step]

    /// The steps after the first, alike for both routes.
    static let common: [Step] = [
        Step(name: "用地预审与选址", department: "市自然资源和规划局", promisedDays: 20),
        Step(name: "环评", department: "市生态环境局二七分局", promisedDays: 20),
        Step(name: "能评", department: "区发展改革委", promisedDays: 15),
        Step(name: "用地规划许可", department: "市自然资源和规划局", promisedDays: 15),
        Step(name: "工程规划许可", department: "市自然资源和规划局", promisedDays: 15),
        Step(name: "施工图审查", department: "区住房城乡建设局", promisedDays: 10),
        Step(name: "施工许可", department: "区住房城乡建设局", promisedDays: 5),
    ]

    public static let government = ApprovalTemplate(kind: .government, steps: [
        Step(name: "立项/可研批复", department: "区发展改革委", promisedDays: 20)] + common)
    public static let enterprise = ApprovalTemplate(kind: .enterprise, steps: [
        Step(name: "项目备案", department: "区发展改革委", promisedDays: 3)] + common)

    /// The template for a project of the ledger's category: 产业 categories are enterprise
    /// investment, the rest (城镇化, 基础设施, 民生, 生态) government investment.
    public static func forCategory(_ category: String) -> ApprovalTemplate {
        category.contains("产业") ? enterprise : government
    }

    /// The city and province offices the templates name (offered beside the district's units
    /// when a step's department is chosen).
    public static var outsideDepartments: [String] {
        var seen: [String] = []
        for s in government.steps + enterprise.steps where !s.department.hasPrefix("区") && !seen.contains(s.department) {
            seen.append(s.department)
        }
        return seen + ["省发展改革委", "省自然资源厅", "省生态环境厅"]
    }

    public struct PlannedStep: Sendable, Equatable {
        public var seq: Int
        public var name: String
        public var department: String
        public var promisedDays: Int
        /// The day it should be approved by: 施工许可 a week before the planned start, each
        /// earlier step a month before the next; nil without a planned start.
        public var target: CalendarDate?
    }

    public func plan(plannedStart: CalendarDate?) -> [PlannedStep] {
        let n = steps.count
        return steps.enumerated().map { i, s in
            PlannedStep(seq: i + 1, name: s.name, department: s.department, promisedDays: s.promisedDays,
                        target: plannedStart.map { $0.adding(days: -7 - 30 * (n - 1 - i)) })
        }
    }
}
