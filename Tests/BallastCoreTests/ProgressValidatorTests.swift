import BallastCore
import Testing

@Suite struct ProgressValidatorTests {
    let validator = ProgressValidator(today: CalendarDate(year: 2023, month: 7, day: 10)!)

    @Test func readsWanAndYiAndTheMonthForms() {
        let wan = validator.validate(SheetTable(rows: [["项目编号", "月份", "本月完成投资（万元）", "形象进度"],
                                                       ["A-1", "2023-06", "1,234.5", "主体施工至三层"],
                                                       ["A-1", "2023年5月", "0", ""]]))
        #expect(wan.issues.isEmpty)
        #expect(wan.records == [ProgressRecord(row: 2, code: "A-1", year: 2023, month: 6, amount: Money(yuan: 12_345_000), progress: "主体施工至三层"),
                                ProgressRecord(row: 3, code: "A-1", year: 2023, month: 5, amount: .zero, progress: nil)])
        let yi = validator.validate(SheetTable(rows: [["项目编号", "月份", "本月完成投资(亿元)"], ["A-1", "2023/7", "0.15"]]))
        #expect(yi.records.first?.amount == .wan(1500))
    }

    @Test func namesEveryFaultyCell() {
        let outcome = validator.validate(SheetTable(rows: [["项目编号", "月份", "本月完成投资（万元）"],
                                                           ["A-1", "2023-08", "10"],      // future
                                                           ["A-2", "2023-13", "10"],      // no such month
                                                           ["A-3", "2023-06", "-5"],      // negative
                                                           ["", "2023-06", "abc"],        // no code, not a number
                                                           ["A-4", "2023-06", "1"], ["A-4", "2023-6", "2"]]))  // repeat
        #expect(outcome.records.isEmpty)
        let cells = outcome.issues.map { "\($0.row):\($0.column ?? "")" }
        #expect(cells == ["2:月份", "3:月份", "4:本月完成投资（万元）", "5:项目编号", "5:本月完成投资（万元）", "7:月份"])
        #expect(outcome.issues[0].message.zh.contains("尚未到来"))
        #expect(outcome.issues[2].message.zh.contains("不能为负数"))
        #expect(outcome.issues[5].message.zh.contains("与第6行重复"))
    }

    @Test func refusesMissingColumnsAndEmptyFiles() {
        let missing = validator.validate(SheetTable(rows: [["项目编号", "形象进度"], ["A-1", "x"]]))
        #expect(missing.issues.map(\.column) == ["月份", "本月完成投资"])
        #expect(validator.validate(SheetTable(rows: [["项目编号", "月份", "本月完成投资（万元）"]])).issues.count == 1)
        #expect(ProgressValidator.parseMonth("2023-06")! == (2023, 6))
        #expect(ProgressValidator.parseMonth("23-06") == nil)
        #expect(ProgressValidator.parseMonth("2023-00") == nil)
    }
}
