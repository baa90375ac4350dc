import BallastCore
import Testing

/// One way to write each kind of value, as Chinese offices write them (issue 24): the expected
/// texts are written out here, not produced by the code under test.
@Suite struct WrittenFormTests {
    @Test func datesInProseAndInTables() throws {
        let d = try #require(CalendarDate(year: 2023, month: 6, day: 5))
        #expect(d.prose(.zh) == "2023年6月5日")
        #expect(d.prose(.en) == "5 June 2023")
        #expect(d.iso == "2023-06-05")
    }

    @Test func weeksAreNamedByNumberAndDays() throws {
        let w = try #require(ISOWeek(year: 2023, week: 25))
        #expect(w.name(.zh) == "第25周（6月19日—6月25日）")
        #expect(w.name(.en) == "Week 25 (19–25 June)")
        #expect(w.fullName(.zh) == "2023年第25周（6月19日—6月25日）")
        // A week across two months names both; across the new year, both years' days.
        let w5 = try #require(ISOWeek(year: 2023, week: 5))
        #expect(w5.name(.zh) == "第5周（1月30日—2月5日）")
        #expect(w5.name(.en) == "Week 5 (30 January – 5 February)")
        let w52 = try #require(ISOWeek(year: 2024, week: 1))
        #expect(w52.fullName(.zh) == "2024年第1周（1月1日—1月7日）")
        let w2020 = try #require(ISOWeek(year: 2020, week: 53))
        #expect(w2020.name(.zh) == "第53周（12月28日—1月3日）")
    }

    @Test func monthsAndPeriods() throws {
        let m = try #require(YearMonth(year: 2023, month: 5))
        #expect(m.name(.zh) == "2023年5月")
        #expect(m.name(.en) == "May 2023")
        #expect(PeriodName.of("2023-W25", .zh) == "2023年第25周（6月19日—6月25日）")
        #expect(PeriodName.of("2023-05", .zh) == "2023年5月")
        #expect(PeriodName.of("2023-Q2", .zh) == "2023年第二季度")
        #expect(PeriodName.of("2023-Q2", .en) == "Q2 2023")
        #expect(PeriodName.of("2023", .zh) == "2023年度")
        #expect(PeriodName.of("2023", .en) == "Year 2023")
        // Anything else reads as stored.
        #expect(PeriodName.of("第一批", .zh) == "第一批")
    }

    @Test func moneyIn100MillionsForHeadlinesAndTenThousandsForTables() {
        let m = Money(yuan: 2_474_300_000)  // 247 430 万元 = 24.743 亿元
        #expect(m.yiText == "24.74")
        #expect(m.wanText == "247,430")
        #expect(Money(yuan: 12_345_678_901).wanText == "1,234,567.89")
        #expect(Money(yuan: -1_234_567_800).wanText == "-123,456.78")
        #expect(Money(yuan: 5_000).wanText == "0.5")
        #expect(Money(yuan: 0).yiText == "0.00")
        #expect(Money(yuan: 1_234_567_890_123_456).yiText == "12345678.90")
    }
}
