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

/// 动态调整's rule and lines (issue 28, part 3).
@Suite struct PlanChangeRuleTests {
    static func day(_ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: 2023, month: m, day: d)! }

    /// The plan in force on a day is the one before the first change after it.
    @Test func thePlanOnADayIsTheOneBeforeTheNextChange() {
        let changes = [PlanChange(kind: .adjust, effectiveOn: Self.day(6, 30), before: .wan(5_000), after: .wan(2_000)),
                       PlanChange(kind: .leave, effectiveOn: Self.day(9, 1), before: .wan(2_000), after: nil)]
        #expect(PlanChange.plan(on: Self.day(6, 29), current: nil, changes: changes) == .wan(5_000))
        #expect(PlanChange.plan(on: Self.day(6, 30), current: nil, changes: changes) == .wan(2_000))
        #expect(PlanChange.plan(on: Self.day(8, 31), current: nil, changes: changes) == .wan(2_000))
        #expect(PlanChange.plan(on: Self.day(9, 1), current: nil, changes: changes) == nil)
        let enter = [PlanChange(kind: .enter, effectiveOn: Self.day(7, 1), before: nil, after: .wan(800))]
        #expect(PlanChange.plan(on: Self.day(6, 30), current: .wan(800), changes: enter) == nil)
        #expect(PlanChange.plan(on: Self.day(7, 1), current: .wan(800), changes: enter) == .wan(800))
    }

    @Test func eachLineIsCheckedAgainstThePlanAsItStands() {
        let today = Self.day(6, 30)
        func fields(_ kind: PlanChangeKind, _ current: Money?, _ amount: Money?, _ on: CalendarDate, last: CalendarDate? = nil) -> [String] {
            PlanChange.check(kind: kind, current: current, amount: amount, effectiveOn: on, year: 2023, today: today, lastEffective: last).map(\.field)
        }
        #expect(fields(.adjust, .wan(5_000), .wan(2_000), today).isEmpty)
        #expect(fields(.adjust, .wan(5_000), .wan(5_000), today) == ["amount"])
        #expect(fields(.adjust, nil, .wan(2_000), today) == ["kind"])
        #expect(fields(.enter, .wan(1), .wan(2_000), today) == ["kind"])
        #expect(fields(.enter, nil, nil, today) == ["amount"])
        #expect(fields(.enter, nil, .wan(0), today) == ["amount"])
        #expect(fields(.leave, nil, nil, today) == ["kind"])
        #expect(fields(.leave, .wan(5_000), nil, Self.day(7, 15)).isEmpty)
        #expect(PlanChange.checkDay(Self.day(6, 29), year: 2023, today: today).map(\.field) == ["effectiveOn"], "the past is not rewritten")
        #expect(PlanChange.checkDay(CalendarDate(year: 2024, month: 1, day: 1)!, year: 2023, today: today).map(\.field) == ["effectiveOn"])
        #expect(PlanChange.checkDay(today, year: 2023, today: today).isEmpty)
        #expect(fields(.leave, .wan(5_000), .wan(5), today) == ["amount"], "a move out takes no amount")
        #expect(fields(.adjust, .wan(5_000), .wan(2_000), Self.day(7, 1), last: Self.day(7, 15)) == ["effectiveOn"])
        // Attack finding: before the project's last change the plan as it stands is not the one
        // in force, so the line is refused for its day alone (once also "equals the current one").
        #expect(fields(.adjust, .wan(9_000), .wan(9_000), Self.day(7, 13), last: Self.day(7, 15)) == ["effectiveOn"])
        #expect(fields(.enter, .wan(9_000), .wan(1_000), Self.day(7, 13), last: Self.day(7, 15)) == ["effectiveOn"])
        #expect(PlanChange.checkReason(" ").map(\.field) == ["reason"])
        // Attack findings: a reason nobody can see, or with a NUL.
        #expect(PlanChange.checkReason("\u{200B}\u{200B}").map(\.field) == ["reason"])
        #expect(PlanChange.checkReason("\u{FEFF}").map(\.field) == ["reason"])
        #expect(PlanChange.checkReason("a\u{0}b").map(\.field) == ["reason"])
        #expect(PlanChange.checkReason("第26次周例会纪要").isEmpty)
    }

    @Test func linesAreReadAsTypedOrPastedAndEachBadOneIsNamed() {
        let (lines, problems) = PlanChangeLines.parse("EQ2023-0001 调整 2000\nEQ2023-0002\t调出\n\nEQ2023-0003，调入，1,500\nEQ2023-0004 改 100\nEQ2023-0005 调出 5\nEQ2023-0006 调整 两千")
        #expect(lines.map(\.code) == ["EQ2023-0001", "EQ2023-0002"])
        #expect(lines.map(\.kind) == [.adjust, .leave])
        #expect(lines.first?.amount == .wan(2_000) && lines.first?.row == 1)
        // “1,500” splits at the comma: the line is refused, not read as 1.
        #expect(problems.count == 4)
        #expect(problems.map(\.message.zh).contains { $0.hasPrefix("第 5 行") })
        #expect(problems.map(\.message.zh).contains { $0.hasPrefix("第 6 行") && $0.contains("调出不填金额") })
        // Cells pasted from Excel: tab-separated, the amount with its thousands comma.
        let (pasted, none) = PlanChangeLines.parse("EQ2023-0010\t调整\t1,234\nEQ2023-0011\t调出")
        #expect(none.isEmpty && pasted.map(\.amount) == [.wan(1_234), nil])
    }
}
