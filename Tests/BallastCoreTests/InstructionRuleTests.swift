import BallastCore
import Testing

/// 领导批示's checks before the database: the text, the units, the deadline, and the list title.
@Suite struct InstructionRuleTests {
    static let today = CalendarDate(year: 2023, month: 6, day: 30)!

    @Test func eachBadInputNamesItsField() {
        func fields(_ text: String, _ units: [String], _ deadline: CalendarDate?) -> [String] {
            Instruction.check(text: text, units: units, deadline: deadline, today: Self.today).map(\.field)
        }
        #expect(fields("抓紧办理", ["区商务局"], nil).isEmpty)
        #expect(fields("抓紧办理", ["区商务局"], Self.today).isEmpty, "today is not past")
        #expect(fields("  \n ", ["区商务局"], nil) == ["text"])
        #expect(fields(String(repeating: "批", count: 2001), ["区商务局"], nil) == ["text"])
        #expect(fields(String(repeating: "批", count: 2000), ["区商务局"], nil).isEmpty)
        #expect(fields("抓紧办理", [" ", ""], nil) == ["units"])
        #expect(fields("抓紧办理", ["区商务局", " 区商务局"], nil) == ["units"])
        #expect(fields("抓紧办理", (1...11).map { "单位\($0)" }, nil) == ["units"])
        #expect(fields("抓紧办理", ["区商务局"], CalendarDate(year: 2023, month: 6, day: 29)!) == ["deadline"])
    }

    /// Attack findings: words nobody can see, a NUL that cut the stored text short, a deadline
    /// in the year 2999.
    @Test func invisibleTextControlCharactersAndFarDeadlinesAreRefused() {
        func fields(_ text: String, _ deadline: CalendarDate? = nil) -> [String] {
            Instruction.check(text: text, units: ["区商务局"], deadline: deadline, today: Self.today).map(\.field)
        }
        #expect(fields("\u{200B}\u{200B}\u{200F}") == ["text"])
        #expect(fields("\u{FEFF} \u{2060}") == ["text"])
        #expect(fields("nul\u{0}byte") == ["text"])
        #expect(fields("第一行\n第二行\t缩进").isEmpty)
        #expect(fields("抓紧", CalendarDate(year: 2024, month: 12, day: 31)!).isEmpty, "the end of next year is allowed")
        #expect(fields("抓紧", CalendarDate(year: 2025, month: 1, day: 1)!) == ["deadline"])
        #expect(fields("抓紧", CalendarDate(year: 2999, month: 12, day: 31)!) == ["deadline"])
    }

    @Test func theTitleIsTheFirstLineCutWithAnEllipsis() {
        #expect(Instruction.title(of: "  请抓紧协调。\n第二行") == "请抓紧协调。")
        let long = String(repeating: "字", count: 70)
        #expect(Instruction.title(of: long) == String(repeating: "字", count: 59) + "…")
        #expect(Instruction.title(of: String(repeating: "字", count: 60)).count == 60)
    }

    @Test func rates() {
        let t = LeaderTally(leader: "王立新", projects: 12, lit: 3, given: 4, done: 3, onTime: 2, overdue: 1)
        #expect(t.doneRate == 75 && t.onTimeRate == 66.7)
        #expect(LeaderTally(leader: "x", projects: 0, lit: 0, given: 0, done: 0, onTime: 0, overdue: 0).doneRate == nil)
    }
}
