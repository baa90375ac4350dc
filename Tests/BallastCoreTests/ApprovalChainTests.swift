import BallastCore
import Testing

/// 前期手续 as a chain (issue 27): a step's clock in working days across a holiday, its state
/// as of a day, the prerequisite rule, and the departments' figures against a hand-worked example.
@Suite struct ApprovalChainTests {
    static func d(_ s: String) -> CalendarDate { CalendarDate.parse(s)! }

    /// 2023's 中秋 and 国庆: 9-29 and 10-2…10-6 off, the weekend of 10-7/10-8 worked.
    static let autumn = WorkCalendar(holidays: Set(["2023-09-29", "2023-10-02", "2023-10-03", "2023-10-04", "2023-10-05", "2023-10-06"].map(d)),
                                     workdays: Set(["2023-10-07", "2023-10-08"].map(d)))

    @Test func thePromisedTimeRunsInWorkingDaysAcrossTheHoliday() {
        let step = ApprovalStep(seq: 3, name: "环评", department: "市生态环境局二七分局", applied: Self.d("2023-09-28"), promisedDays: 5)
        // 10-7 and 10-8 (worked weekend) are days 1 and 2; 10-9, 10-10, 10-11 are 3, 4, 5.
        #expect(ApprovalClock(calendar: Self.autumn).due(step) == Self.d("2023-10-11"))
        // Weekdays only, the same promise would have run out on 10-5.
        #expect(ApprovalClock(calendar: .weekdaysOnly).due(step) == Self.d("2023-10-05"))
        let clock = ApprovalClock(calendar: Self.autumn)
        #expect(clock.state(step, asOf: Self.d("2023-09-27")) == .waiting)
        #expect(clock.state(step, asOf: Self.d("2023-10-11")) == .inProgress)
        #expect(clock.state(step, asOf: Self.d("2023-10-12")) == .overdue)
        var approved = step
        approved.approved = Self.d("2023-10-11")
        #expect(clock.state(approved, asOf: Self.d("2023-10-12")) == .done && clock.onTime(approved, asOf: Self.d("2023-10-12")))
        // As of a day before the approval, it was still open.
        #expect(clock.state(approved, asOf: Self.d("2023-10-10")) == .inProgress)
        #expect(clock.workingDays(approved, asOf: Self.d("2023-12-31")) == 5)
    }

    @Test func aStepKeptBeforeTheChainIsJudgedByItsPlannedDay() {
        let item = ApprovalStep(seq: 1, name: "立项", target: Self.d("2023-03-10"))
        let clock = ApprovalClock(calendar: .weekdaysOnly)
        #expect(clock.state(item, asOf: Self.d("2023-03-10")) == .waiting)
        #expect(clock.state(item, asOf: Self.d("2023-03-11")) == .overdue)
        var done = item
        done.approved = Self.d("2023-03-07")
        #expect(clock.state(done, asOf: Self.d("2023-03-11")) == .done && clock.onTime(done, asOf: Self.d("2023-03-11")))
    }

    @Test func aStepNeedsTheStepsBeforeIt() {
        let chain = [ApprovalStep(seq: 1, name: "立项", approved: Self.d("2023-02-01")),
                     ApprovalStep(seq: 2, name: "用地预审与选址", approved: Self.d("2023-03-01")),
                     ApprovalStep(seq: 3, name: "环评"),
                     ApprovalStep(seq: 8, name: "施工许可")]
        #expect(ApprovalClock.missingBefore(chain[3], in: chain, by: Self.d("2023-04-01")).map(\.name) == ["环评"])
        // As of a day before 用地 was approved, that one is missing too.
        #expect(ApprovalClock.missingBefore(chain[3], in: chain, by: Self.d("2023-02-15")).map(\.name) == ["用地预审与选址", "环评"])
        #expect(ApprovalClock.missingBefore(chain[1], in: chain, by: Self.d("2023-03-01")).isEmpty)
    }

    /// Worked by hand (weekdays only, March 2023, as of 3-31):
    /// X ① 3-1 + 10 → due 3-15, approved 3-10 after 7 working days (on time);
    ///   ② 3-6 + 5 → due 3-13, approved 3-20 after 10 (late); ③ 3-20 + 5 → due 3-27, open (overdue);
    ///   ④ applied 4-10, outside the period. Y ⑤ 3-15 + 20, open, within time.
    /// X: received 3, done 2, on time 1, overdue 1, average 8.5, p80 10. Y: 1, 0, 0, 0, —, —.
    @Test func theDepartmentsFiguresAgreeWithAHandWorkedExample() {
        let steps = [
            ApprovalStep(seq: 1, name: "立项", department: "X", applied: Self.d("2023-03-01"), promisedDays: 10, approved: Self.d("2023-03-10")),
            ApprovalStep(seq: 2, name: "用地", department: "X", applied: Self.d("2023-03-06"), promisedDays: 5, approved: Self.d("2023-03-20")),
            ApprovalStep(seq: 3, name: "规划", department: "X", applied: Self.d("2023-03-20"), promisedDays: 5),
            ApprovalStep(seq: 4, name: "施工", department: "X", applied: Self.d("2023-04-10"), promisedDays: 5),
            ApprovalStep(seq: 1, name: "环评", department: "Y", applied: Self.d("2023-03-15"), promisedDays: 20),
            ApprovalStep(seq: 1, name: "未申报", department: "Y"),
        ]
        let rows = DepartmentTimes.rows(steps, from: Self.d("2023-03-01"), to: Self.d("2023-03-31"), asOf: Self.d("2023-03-31"),
                                        clock: ApprovalClock(calendar: .weekdaysOnly))
        #expect(rows == [
            .init(department: "X", received: 3, done: 2, onTime: 1, overdue: 1, averageDays: 8.5, p80Days: 10),
            .init(department: "Y", received: 1, done: 0, onTime: 0, overdue: 0, averageDays: nil, p80Days: nil),
        ])
        #expect(DepartmentTimes.percentile([1, 2, 3, 4, 5], 80) == 4 && DepartmentTimes.percentile([9], 80) == 9)
    }
}
