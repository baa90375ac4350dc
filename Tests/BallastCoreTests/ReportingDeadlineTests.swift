import BallastCore
import Testing

@Suite struct ReportingDeadlineTests {
    @Test func dueOnTheTwentyFifthOfTheSameMonth() {
        #expect(ReportingDeadline.dueDate(year: 2023, month: 6) == CalendarDate(year: 2023, month: 6, day: 25))
        #expect(!ReportingDeadline.isLate(submittedOn: CalendarDate(year: 2023, month: 6, day: 25)!, year: 2023, month: 6))
        #expect(ReportingDeadline.isLate(submittedOn: CalendarDate(year: 2023, month: 6, day: 26)!, year: 2023, month: 6))
        #expect(ReportingDeadline.isLate(submittedOn: CalendarDate(year: 2023, month: 7, day: 1)!, year: 2023, month: 6))
        // A reporting day past the month's end falls on its last day.
        #expect(ReportingDeadline.dueDate(year: 2023, month: 2, day: 31) == CalendarDate(year: 2023, month: 2, day: 28))
    }

    @Test func theNextReportIsThisMonthsUntilItsDayThenNextMonths() throws {
        let onTheDay = ReportingDeadline.next(after: try #require(CalendarDate(year: 2023, month: 6, day: 25)))
        #expect(onTheDay.month == YearMonth(year: 2023, month: 6) && onTheDay.due == CalendarDate(year: 2023, month: 6, day: 25))
        let after = ReportingDeadline.next(after: try #require(CalendarDate(year: 2023, month: 6, day: 26)))
        #expect(after.month == YearMonth(year: 2023, month: 7) && after.due == CalendarDate(year: 2023, month: 7, day: 25))
        let december = ReportingDeadline.next(after: try #require(CalendarDate(year: 2023, month: 12, day: 28)))
        #expect(december.month == YearMonth(year: 2024, month: 1) && december.due == CalendarDate(year: 2024, month: 1, day: 25))
    }

    @Test func onlyMonthsThatHaveBegunAreReportable() {
        let today = CalendarDate(year: 2023, month: 6, day: 30)!
        #expect(ReportingDeadline.isReportable(year: 2023, month: 6, today: today))
        #expect(ReportingDeadline.isReportable(year: 2022, month: 12, today: today))
        #expect(!ReportingDeadline.isReportable(year: 2023, month: 7, today: today))
    }
}
