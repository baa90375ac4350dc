import Foundation

/// 观摩讲评's scoring sheet (issue 28, part 2): the items a reviewer scores each visited project
/// on, each with its full points. Kept as data and versioned, as the 季考核 scheme is: a tour is
/// scored on the sheet in force when it was planned, and a changed sheet is a new version.
public struct InspectionSheet: Sendable, Equatable, Codable {
    public struct Item: Sendable, Equatable, Codable {
        /// Stable within a version: what a reviewer's score is keyed by.
        public var key: String
        public var name: String
        /// Full points; a reviewer gives 0 to this, to one decimal.
        public var points: Double

        public init(key: String, name: String, points: Double) { self.key = key; self.name = name; self.points = points }
    }

    public var version: Int
    public var items: [Item]

    public init(version: Int, items: [Item]) { self.version = version; self.items = items }

    /// Henan practice's five items, 100 points in all; the district edits its own.
    public static let standard = InspectionSheet(version: 1, items: [
        Item(key: "investment", name: "投资完成", points: 25),
        Item(key: "progress", name: "形象进度", points: 25),
        Item(key: "quality", name: "建设质量", points: 20),
        Item(key: "elements", name: "要素保障", points: 15),
        Item(key: "highlights", name: "亮点特色", points: 15),
    ])

    public static let maxItems = 20

    public var fullPoints: Double { items.reduce(0) { $0 + $1.points } }

    /// Field → problem: 1 to 20 items, each named once with a key once, points above 0 and at
    /// most 100 with one decimal.
    public func problems() -> [FieldProblem] {
        var out: [FieldProblem] = []
        if items.isEmpty { out.append(FieldProblem("items", Message(zh: "评分表至少要有一个评分项", en: "The sheet needs at least one item"))) }
        if items.count > Self.maxItems {
            out.append(FieldProblem("items", Message(zh: "评分项最多 \(Self.maxItems) 个（实为 \(items.count) 个）", en: "At most \(Self.maxItems) items (\(items.count) given)")))
        }
        var names: Set<String> = [], keys: Set<String> = []
        for (i, item) in items.enumerated() {
            let at = "items[\(i)]"
            let name = item.name.trimmed
            if !name.hasVisibleText { out.append(FieldProblem(at + ".name", Message(zh: "第 \(i + 1) 项缺少名称", en: "Item \(i + 1) has no name"))) }
            if name.count > 30 { out.append(FieldProblem(at + ".name", Message(zh: "第 \(i + 1) 项名称超过 30 个字", en: "Item \(i + 1)'s name is over 30 characters"))) }
            if !names.insert(name).inserted { out.append(FieldProblem(at + ".name", Message(zh: "评分项“\(name)”重复", en: "The item “\(name)” is named twice"))) }
            if item.key.trimmed.isEmpty || !keys.insert(item.key).inserted {
                out.append(FieldProblem(at + ".key", Message(zh: "第 \(i + 1) 项的代码为空或重复", en: "Item \(i + 1)'s key is empty or repeated")))
            }
            if !(item.points > 0 && item.points <= 100) || !InspectionScoring.isTenths(item.points) {
                out.append(FieldProblem(at + ".points", Message(zh: "第 \(i + 1) 项分值应在 0 至 100 之间（最多一位小数），实为 \(item.points)",
                                                                en: "Item \(i + 1)'s points must be above 0 and at most 100, to one decimal (not \(item.points))")))
            }
        }
        return out
    }
}
