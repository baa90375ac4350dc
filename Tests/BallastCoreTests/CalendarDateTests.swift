import BallastCore
import Testing

@Suite struct CalendarDateTests {
    @Test func parsesTheFormsOfficialsType() {
        #expect(CalendarDate.parse("2023-03-15")?.iso == "2023-03-15")
        #expect(CalendarDate.parse("2023-03")?.iso == "2023-03-01")
        #expect(CalendarDate.parse("2023/3/5")?.iso == "2023-03-05")
        #expect(CalendarDate.parse("2023.3.5")?.iso == "2023-03-05")
        #expect(CalendarDate.parse("2023年3月5日")?.iso == "2023-03-05")
    }

    @Test func refusesImpossibleDates() {
        for text in ["2023-02-29", "2023-13-01", "2023-00-10", "23-3-5", "2023-3-5-1", "next week", "2023/02/30"] {
            #expect(CalendarDate.parse(text) == nil, "\(text)")
        }
        #expect(CalendarDate.parse("2024-02-29")?.iso == "2024-02-29")
    }

    @Test func readsExcelSerials() {
        // 44927 is 2023-01-01 in Excel; 60 is the 1900-02-29 that Excel invented.
        #expect(CalendarDate.fromExcelSerial(44927)?.iso == "2023-01-01")
        #expect(CalendarDate.parse("45000")?.iso == "2023-03-15")
        #expect(CalendarDate.fromExcelSerial(61)?.iso == "1900-03-01")
        #expect(CalendarDate.fromExcelSerial(1)?.iso == "1900-01-01")
        #expect(CalendarDate(year: 2023, month: 3, day: 15)!.excelSerial == 45000)
    }

    @Test func countsDays() {
        let a = CalendarDate(year: 2023, month: 12, day: 31)!
        #expect(a.adding(days: 1).iso == "2024-01-01")
        #expect(a.days(until: CalendarDate(year: 2024, month: 3, day: 1)!) == 61)
    }
}
