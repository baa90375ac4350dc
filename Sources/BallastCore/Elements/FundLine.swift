/// One source of a project's money in a year: planned and arrived (到位). Integer yuan.
public struct FundLine: Sendable, Equatable, Codable {
    public var source: FundingSource
    public var planned: Money
    public var arrived: Money

    public init(source: FundingSource, planned: Money, arrived: Money) {
        self.source = source; self.planned = planned; self.arrived = arrived
    }

    /// Negative amounts are refused, naming the source and the field; arrived above planned is
    /// allowed (money comes early or from a top-up) but flagged by `ElementsRule`.
    public var problem: FieldProblem? {
        if planned.yuan < 0 || arrived.yuan < 0 {
            let field = planned.yuan < 0 ? "planned" : "arrived"
            return FieldProblem(field, Message(zh: "\(source.rawValue)的\(field == "planned" ? "计划" : "到位")资金不能为负数",
                                               en: "\(source.englishName): the \(field) amount cannot be negative"))
        }
        if planned.yuan > Money.maxYuan || arrived.yuan > Money.maxYuan {
            return FieldProblem(planned.yuan > Money.maxYuan ? "planned" : "arrived",
                                Message(zh: "\(source.rawValue)的金额超过上限", en: "\(source.englishName): the amount is over the limit"))
        }
        return nil
    }
}

/// A project's land (用地面积 in 亩, 供地方式, the day it was handed over) and its other
/// quotas (能耗, 环境容量) as free text.
public struct LandRecord: Sendable, Equatable, Codable {
    public var areaMu: Double?
    public var supplyMethod: String?
    public var handedOverOn: CalendarDate?
    public var quotas: String?

    public init(areaMu: Double? = nil, supplyMethod: String? = nil, handedOverOn: CalendarDate? = nil, quotas: String? = nil) {
        self.areaMu = areaMu; self.supplyMethod = supplyMethod; self.handedOverOn = handedOverOn; self.quotas = quotas
    }

    /// 划拨, 出让 (招拍挂), 租赁, 作价出资, 使用存量用地: offered; another is kept as typed.
    public static let supplyMethods = ["划拨", "出让", "租赁", "作价出资", "使用存量用地"]
    public static let maxArea = 100_000.0
    public static let maxText = 500

    /// The project needs land the district has to hand over: an area or a way of supply is given
    /// (使用存量用地 needs none).
    public var needsHandover: Bool { (areaMu ?? 0) > 0 || supplyMethod.map { !$0.isEmpty && $0 != "使用存量用地" } ?? false }

    public var problem: FieldProblem? {
        if let a = areaMu, !(a.isFinite && a >= 0 && a <= Self.maxArea) {
            return FieldProblem("areaMu", Message(zh: "用地面积应为 0～\(Int(Self.maxArea)) 亩", en: "The land area must be 0 to \(Int(Self.maxArea)) mu"))
        }
        if let s = supplyMethod, s.count > 20 {
            return FieldProblem("supplyMethod", Message(zh: "供地方式不超过 20 个字", en: "The way of supply is at most 20 characters"))
        }
        if let q = quotas, q.count > Self.maxText {
            return FieldProblem("quotas", Message(zh: "其他要素不超过 \(Self.maxText) 个字，实为 \(q.count) 个", en: "Other quotas are at most \(Self.maxText) characters; there are \(q.count)"))
        }
        return nil
    }
}
