/// The district's 节点计划 template (任务书、路线图、时间表): the nodes a new year plan starts
/// with, each dated from the ledger's 计划开工 or 计划竣工. The nodes stay editable per project.
public struct MilestoneTemplate: Sendable, Equatable {
    public enum Anchor: String, Sendable, Equatable {
        case plannedStart, plannedEnd
    }

    public struct Node: Sendable, Equatable {
        public var name: String
        public var anchor: Anchor
        /// Days after the anchor (negative: before it).
        public var offsetDays: Int

        public init(name: String, anchor: Anchor, offsetDays: Int) {
            self.name = name; self.anchor = anchor; self.offsetDays = offsetDays
        }
    }

    public var nodes: [Node]

    public init(nodes: [Node]) { self.nodes = nodes }

    /// 取得用地, 规划许可, 施工许可, 开工, 主体封顶, 竣工, 投产. The permits are placed in the
    /// quarter before the start, 主体封顶 half a year before completion and 投产 a month after it:
    /// the spacing the district's own 任务书 use for a typical building project.
    public static let standard = MilestoneTemplate(nodes: [
        Node(name: "取得用地", anchor: .plannedStart, offsetDays: -90),
        Node(name: "规划许可", anchor: .plannedStart, offsetDays: -60),
        Node(name: "施工许可", anchor: .plannedStart, offsetDays: -15),
        Node(name: "开工", anchor: .plannedStart, offsetDays: 0),
        Node(name: "主体封顶", anchor: .plannedEnd, offsetDays: -180),
        Node(name: "竣工", anchor: .plannedEnd, offsetDays: 0),
        Node(name: "投产", anchor: .plannedEnd, offsetDays: 30),
    ])

    public struct PlannedNode: Sendable, Equatable {
        public var seq: Int
        public var name: String
        public var planned: CalendarDate
    }

    /// The nodes of `year` for a project at `stage`: only those whose date falls in the year,
    /// whose anchor date the ledger has, and which the project has not already passed (a
    /// project 在建 gets no 开工 node). 主体封顶 is never placed before the start.
    public func plan(year: Int, plannedStart: CalendarDate?, plannedEnd: CalendarDate?, stage: LifecycleStage) -> [PlannedNode] {
        guard stage != .exited else { return [] }
        var out: [PlannedNode] = []
        for node in nodes {
            if MilestoneStage.passed(node.name, at: stage) { continue }
            guard let anchor = node.anchor == .plannedStart ? plannedStart : plannedEnd else { continue }
            var date = anchor.adding(days: node.offsetDays)
            if node.anchor == .plannedEnd, node.offsetDays < 0, let plannedStart, date < plannedStart { date = plannedStart }
            guard date.year == year else { continue }
            out.append(PlannedNode(seq: out.count + 1, name: node.name, planned: date))
        }
        return out
    }
}

/// Which nodes move a project along its lifecycle when reached: 开工 puts it 在建, 竣工 and 投产
/// to their own stages. Only forward: a later stage already recorded is never pulled back.
public enum MilestoneStage {
    public static func stage(reachedBy node: String) -> LifecycleStage? {
        switch node.trimmed {
        case "开工": .underConstruction
        case "竣工": .completed
        case "投产": .inProduction
        default: nil
        }
    }

    /// The stage by which a node is behind the project: the land and permits once it is 在建,
    /// 主体封顶 once it is 竣工, and a stage-moving node once its stage is reached.
    static func passedBy(_ node: String) -> LifecycleStage? {
        switch node.trimmed {
        case "取得用地", "规划许可", "施工许可": .underConstruction
        case "主体封顶": .completed
        default: stage(reachedBy: node)
        }
    }

    /// Whether a project at `stage` is already past `node`, so a new plan leaves it out.
    public static func passed(_ node: String, at stage: LifecycleStage) -> Bool {
        guard let by = passedBy(node)?.order, let now = stage.order else { return false }
        return now >= by
    }

    /// The stage the project moves to when `node` is reached, or nil when it stays where it is.
    public static func advance(from current: LifecycleStage, reaching node: String) -> LifecycleStage? {
        guard let target = stage(reachedBy: node), let now = current.order, let to = target.order, to > now else { return nil }
        return target
    }
}
