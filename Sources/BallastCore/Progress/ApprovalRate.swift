/// 联审联批 completion for a year: items approved of items due ("114 items, 100% approved").
public struct ApprovalRate: Sendable, Equatable {
    public var total: Int
    public var approved: Int
    /// Approved on or before the target date.
    public var onTime: Int
    /// Not yet approved although the target date has passed.
    public var overdue: Int

    public init(total: Int, approved: Int, onTime: Int, overdue: Int) {
        self.total = total; self.approved = approved; self.onTime = onTime; self.overdue = overdue
    }

    /// Approved ÷ total, as a percentage with one decimal; nil when there are no items, so an
    /// empty year is not reported as 0% or 100%.
    public var percent: Double? { Percent.of(approved, total) }

    public var onTimePercent: Double? { Percent.of(onTime, total) }
}

extension ApprovalRate {
    /// The same counts over items in memory (one project's page); the district's come from SQL
    /// and a test holds the two to the same answer.
    public static func count(_ items: [(target: CalendarDate?, actual: CalendarDate?)], asOf: CalendarDate) -> ApprovalRate {
        var r = ApprovalRate(total: items.count, approved: 0, onTime: 0, overdue: 0)
        for i in items {
            if let actual = i.actual {
                r.approved += 1
                if i.target.map({ actual <= $0 }) ?? true { r.onTime += 1 }
            } else if let target = i.target, target < asOf {
                r.overdue += 1
            }
        }
        return r
    }
}
