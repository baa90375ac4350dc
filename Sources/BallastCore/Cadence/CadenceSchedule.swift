import Foundation

/// What the scheduler drafts on a day (the office reviews and issues): every Monday the weekly
/// bulletin of the week just ended; on the first of each month the ranking of the month just
/// closed, its reports having been due by its 25th.
public enum CadenceSchedule {
    public static func weekToDraft(on today: CalendarDate) -> ISOWeek? {
        WorkCalendar.weekday(today) == 1 ? ISOWeek(containing: today.adding(days: -7)) : nil
    }

    public static func monthToRank(on today: CalendarDate) -> (year: Int, month: Int)? {
        guard today.day == 1 else { return nil }
        return today.month == 1 ? (today.year - 1, 12) : (today.year, today.month - 1)
    }
}
