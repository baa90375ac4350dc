/// 催办单: what a reminder notice asks and when it goes up to the unit's leader.
public enum NoticeRule {
    /// Working days a unit has to acknowledge a notice before it escalates.
    public static let acknowledgeDays = 3
    /// Working days the notice gives to finish what was late.
    public static let graceDays = 5

    /// The last day to acknowledge.
    public static func acknowledgeBy(issuedOn: CalendarDate, calendar: WorkCalendar) -> CalendarDate {
        calendar.adding(workingDays: acknowledgeDays, to: issuedOn)
    }

    /// Unacknowledged after its last day to acknowledge, and not yet escalated.
    public static func isDueForEscalation(issuedOn: CalendarDate, acknowledged: Bool, escalated: Bool, today: CalendarDate,
                                          calendar: WorkCalendar) -> Bool {
        !acknowledged && !escalated && today > acknowledgeBy(issuedOn: issuedOn, calendar: calendar)
    }

    /// The new deadline a notice issued on `day` sets.
    public static func newDeadline(from day: CalendarDate, calendar: WorkCalendar) -> CalendarDate {
        calendar.adding(workingDays: graceDays, to: day)
    }
}
