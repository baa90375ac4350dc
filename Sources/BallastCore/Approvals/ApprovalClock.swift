/// The clock of a step, against the district's work calendar, as of a day: a day later than
/// `asOf` has not happened yet, so a step approved after it is still open on it.
public struct ApprovalClock: Sendable {
    public var calendar: WorkCalendar

    public init(calendar: WorkCalendar) { self.calendar = calendar }

    /// The day the step must be approved by: the promised working days after it was applied
    /// for; without both, its planned day.
    public func due(_ s: ApprovalStep) -> CalendarDate? {
        if let applied = s.applied, let days = s.promisedDays { return calendar.adding(workingDays: days, to: applied) }
        return s.target
    }

    public func state(_ s: ApprovalStep, asOf: CalendarDate) -> ApprovalState {
        if let approved = s.approved, approved <= asOf { return .done }
        if let due = due(s), due < asOf, s.applied.map({ $0 <= asOf }) ?? true { return .overdue }
        guard let applied = s.applied, applied <= asOf else { return .waiting }
        return .inProgress
    }

    /// Working days from the application to the approval (or to `asOf` while open); nil before
    /// it was applied for.
    public func workingDays(_ s: ApprovalStep, asOf: CalendarDate) -> Int? {
        guard let applied = s.applied, applied <= asOf else { return nil }
        let end = s.approved.map { min($0, asOf) } ?? asOf
        return calendar.workingDays(after: applied, through: end)
    }

    /// Approved by the day it was due (a step without a due day is on time once approved).
    public func onTime(_ s: ApprovalStep, asOf: CalendarDate) -> Bool {
        guard let approved = s.approved, approved <= asOf else { return false }
        return due(s).map { approved <= $0 } ?? true
    }

    /// The earlier steps of the chain not yet approved by `day`: approving a step before them
    /// needs a 容缺受理 reason.
    public static func missingBefore(_ step: ApprovalStep, in chain: [ApprovalStep], by day: CalendarDate) -> [ApprovalStep] {
        chain.filter { $0.seq < step.seq && ($0.approved.map { $0 > day } ?? true) }.sorted { $0.seq < $1.seq }
    }
}
