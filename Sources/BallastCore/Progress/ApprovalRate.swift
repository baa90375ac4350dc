/// 联审联批 completion for a year: items approved of items due ("114 items, 100% approved").
public struct ApprovalRate: Sendable, Equatable {
    public var total: Int
    public var approved: Int
    /// Approved by the day it was due (`ApprovalClock.due`: the promised working days after
    /// applying, else the planned day).
    public var onTime: Int
    /// Not yet approved although it was due.
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
    /// Each step judged by its clock (`ApprovalClock`): done, on time, overdue, as of the day.
    public static func count(_ steps: [ApprovalStep], clock: ApprovalClock, asOf: CalendarDate) -> ApprovalRate {
        var r = ApprovalRate(total: steps.count, approved: 0, onTime: 0, overdue: 0)
        for s in steps {
            switch clock.state(s, asOf: asOf) {
            case .done:
                r.approved += 1
                if clock.onTime(s, asOf: asOf) { r.onTime += 1 }
            case .overdue: r.overdue += 1
            case .waiting, .inProgress: break
            }
        }
        return r
    }

    /// Items known by their planned and approved days only (no application, no promised time).
    public static func count(_ items: [(target: CalendarDate?, actual: CalendarDate?)], asOf: CalendarDate) -> ApprovalRate {
        count(items.enumerated().map { ApprovalStep(seq: $0.offset + 1, name: "", target: $0.element.target, approved: $0.element.actual) },
              clock: ApprovalClock(calendar: .weekdaysOnly), asOf: asOf)
    }
}
