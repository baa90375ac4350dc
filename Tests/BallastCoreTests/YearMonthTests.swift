import BallastCore
import Testing

@Suite struct YearMonthTests {
    @Test func readsTheTwoWaysAMonthIsWritten() {
        #expect(YearMonth.parse("2023-06")?.description == "2023-06")
        #expect(YearMonth.parse("2023-6")?.description == "2023-06")
        #expect(YearMonth.parse(" 2023-12 ")?.month == 12)
    }

    @Test func refusesWhatIsNotAMonthOfAPlanYear() {
        for raw in ["", "2023", "2023-13", "2023-00", "1999-05", "2101-01", "+2023-05", "2023-W23", "2023-Q2",
                    "2023-006", "23-06", "2023-0x", "2023--6", "２０２３-０６", "2023-06-01"] {
            #expect(YearMonth.parse(raw) == nil, "\(raw)")
        }
    }

    @Test func spreadsheetMonthsGoThroughTheSameParser() {
        #expect(ProgressValidator.parseMonth("2023年6月")! == (2023, 6))
        #expect(ProgressValidator.parseMonth("2023/06")! == (2023, 6))
        #expect(ProgressValidator.parseMonth("1999年6月") == nil)
    }

    @Test func knowsItsFirstAndLastDay() {
        let feb = YearMonth(year: 2024, month: 2)!
        #expect(feb.firstDay.iso == "2024-02-01")
        #expect(feb.lastDay.iso == "2024-02-29")
        #expect(YearMonth(year: 2023, month: 5)! < feb)
    }
}
