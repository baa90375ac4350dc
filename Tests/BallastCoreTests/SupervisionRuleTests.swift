import BallastCore
import Testing

@Suite struct WorkCalendarTests {
    func day(_ m: Int, _ d: Int, _ y: Int = 2023) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    @Test func weekdaysAreKnownFromTheCalendar() {
        // 2023-06-30 was a Friday, 2023-07-01 a Saturday, 2023-07-02 a Sunday.
        #expect(WorkCalendar.weekday(day(6, 30)) == 5)
        #expect(WorkCalendar.weekday(day(7, 1)) == 6)
        #expect(WorkCalendar.weekday(day(7, 2)) == 0)
        #expect(WorkCalendar.weekday(day(1, 1, 1900)) == 1)
    }

    @Test func addingWorkingDaysSkipsWeekendsAndHolidaysButCountsSwappedWorkdays() {
        let plain = WorkCalendar.weekdaysOnly
        #expect(plain.adding(workingDays: 1, to: day(6, 29)) == day(6, 30))
        #expect(plain.adding(workingDays: 1, to: day(6, 30)) == day(7, 3))
        #expect(plain.adding(workingDays: 0, to: day(7, 1)) == day(7, 1))
        #expect(plain.adding(workingDays: 7, to: day(6, 30)) == day(7, 11))
        // 端午 2023: Thursday 22 and Friday 23 June off, Sunday 25 June worked.
        let dragonBoat = WorkCalendar(holidays: [day(6, 22), day(6, 23)], workdays: [day(6, 25)])
        #expect(dragonBoat.adding(workingDays: 1, to: day(6, 21)) == day(6, 25))
        #expect(dragonBoat.adding(workingDays: 3, to: day(6, 21)) == day(6, 27))
        #expect(dragonBoat.workingDays(after: day(6, 21), through: day(6, 27)) == 3)
        #expect(plain.workingDays(after: day(6, 30), through: day(6, 30)) == 0)
        #expect(plain.workingDays(after: day(7, 3), through: day(6, 30)) == 0)
    }

    @Test func holidayListsAreReadOrTheBadEntryNamed() {
        #expect(WorkCalendar.days("2023-06-22, 2023-06-23\n2023-06-25") == .success([day(6, 22), day(6, 23), day(6, 25)]))
        #expect(WorkCalendar.days("2023-06-22，端午") == .failure(WorkCalendar.BadDay(text: "端午")))
        #expect(WorkCalendar.days("") == .success([]))
    }
}

@Suite struct ProblemClockTests {
    let assigned = CalendarDate(year: 2023, month: 6, day: 30)!  // a Friday
    func day(_ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: 2023, month: m, day: d)! }

    @Test func standardClockIs13710() {
        let s = ProblemClock.standard.states(assignedOn: assigned, major: false, acknowledgedOn: nil, firstFeedbackOn: nil,
                                             resolvedOn: nil, today: assigned, calendar: .weekdaysOnly)
        #expect(s.map(\.step) == [.acknowledge, .feedback, .resolve])
        #expect(s.map(\.due) == [day(7, 3), day(7, 5), day(7, 11)])
        #expect(s.allSatisfy { !$0.isLate })
        let major = ProblemClock.standard.states(assignedOn: assigned, major: true, acknowledgedOn: nil, firstFeedbackOn: nil,
                                                 resolvedOn: nil, today: assigned, calendar: .weekdaysOnly)
        #expect(major[2].due == day(8, 11))
    }

    /// A deadline given (a leader's 批示 "by 14 July") is when resolution is due, not the clock's
    /// seven working days: resolving on 12 July is on time. Acknowledging and feedback keep the clock.
    @Test func aGivenDeadlineIsTheResolutionDue() {
        let s = ProblemClock.standard.states(assignedOn: assigned, major: false, acknowledgedOn: day(7, 3), firstFeedbackOn: day(7, 5),
                                             resolvedOn: day(7, 12), today: day(7, 20), calendar: .weekdaysOnly, deadline: day(7, 14))
        #expect(s.map(\.due) == [day(7, 3), day(7, 5), day(7, 14)])
        #expect(s.map(\.isLate) == [false, false, false])
        let late = ProblemClock.standard.states(assignedOn: assigned, major: false, acknowledgedOn: nil, firstFeedbackOn: nil,
                                                resolvedOn: nil, today: day(7, 17), calendar: .weekdaysOnly, deadline: day(7, 14))
        #expect(late[2].isLate)
    }

    /// A deadline sooner than the clock's acknowledgement and feedback days brings them to it:
    /// nothing is due after the item itself.
    @Test func noStepIsDueAfterAnEarlierDeadline() {
        let s = ProblemClock.standard.states(assignedOn: assigned, major: false, acknowledgedOn: nil, firstFeedbackOn: nil,
                                             resolvedOn: nil, today: assigned, calendar: .weekdaysOnly, deadline: day(7, 3))
        #expect(s.map(\.due) == [day(7, 3), day(7, 3), day(7, 3)])
    }

    @Test func aStepIsLateTheDayAfterItIsDueAndStaysLateWhenDoneLate() {
        let clock = ProblemClock.standard
        let onDue = clock.states(assignedOn: assigned, major: false, acknowledgedOn: nil, firstFeedbackOn: nil, resolvedOn: nil,
                                 today: day(7, 3), calendar: .weekdaysOnly)
        #expect(onDue[0].isLate == false)
        let dayAfter = clock.states(assignedOn: assigned, major: false, acknowledgedOn: nil, firstFeedbackOn: nil, resolvedOn: nil,
                                    today: day(7, 4), calendar: .weekdaysOnly)
        #expect(dayAfter.map(\.isLate) == [true, false, false])
        let ackLate = clock.states(assignedOn: assigned, major: false, acknowledgedOn: day(7, 4), firstFeedbackOn: nil, resolvedOn: nil,
                                   today: day(7, 20), calendar: .weekdaysOnly)
        #expect(ackLate.map(\.isLate) == [true, true, true])
        #expect(ackLate[0].doneOn == day(7, 4))
    }

    @Test func resolvingEarlyAnswersTheFeedbackClock() {
        let s = ProblemClock.standard.states(assignedOn: assigned, major: false, acknowledgedOn: day(7, 3), firstFeedbackOn: nil,
                                             resolvedOn: day(7, 4), today: day(7, 31), calendar: .weekdaysOnly)
        #expect(s.map(\.isLate) == [false, false, false])
        #expect(s[1].doneOn == day(7, 4))
    }

    @Test func noClockRunsBeforeAssignment() {
        #expect(ProblemClock.standard.states(assignedOn: nil, major: false, acknowledgedOn: nil, firstFeedbackOn: nil, resolvedOn: nil,
                                             today: assigned, calendar: .weekdaysOnly).isEmpty)
    }

    @Test func aClockIsConfiguredInOrder() {
        #expect(ProblemClock.standard.problems().isEmpty)
        #expect(ProblemClock(acknowledgeDays: 0, feedbackDays: 3, resolveDays: 7, majorResolveDays: 30).problems().map(\.field) == ["acknowledgeDays"])
        #expect(ProblemClock(acknowledgeDays: 2, feedbackDays: 1, resolveDays: 7, majorResolveDays: 30).problems().map(\.field) == ["feedbackDays"])
        #expect(ProblemClock(acknowledgeDays: 1, feedbackDays: 3, resolveDays: 7, majorResolveDays: 6).problems().map(\.field) == ["majorResolveDays"])
        #expect(ProblemClock(acknowledgeDays: 1, feedbackDays: 3, resolveDays: 7, majorResolveDays: 7).problems().isEmpty)
    }
}

@Suite struct ProblemRuleTests {
    let today = CalendarDate(year: 2023, month: 6, day: 30)!
    let office = ProblemActor(isSupervisor: true, isRaiser: false, isLeadUnit: false, isAssistingUnit: false)
    let lead = ProblemActor(isSupervisor: false, isRaiser: false, isLeadUnit: true, isAssistingUnit: false)
    let assist = ProblemActor(isSupervisor: false, isRaiser: false, isLeadUnit: false, isAssistingUnit: true)
    let raiser = ProblemActor(isSupervisor: false, isRaiser: true, isLeadUnit: false, isAssistingUnit: false)

    /// "问题已已办结": the status is said once; a deadline is bounded (the end of next year).
    @Test func refusalsSayTheStatusOnceAndDeadlinesAreBounded() {
        let moved = ProblemRules.check(.deadline, status: .resolved, actor: office, raisedBy: "x", note: "原因", newDeadline: today.adding(days: 3),
                                       deadline: today, today: today)
        #expect(!moved.isEmpty && moved.allSatisfy { !$0.message.zh.contains("已已") })
        let assign = ProblemRules.check(.assign, status: .closed, actor: office, raisedBy: "x", note: nil, newDeadline: nil, deadline: nil, today: today)
        #expect(!assign.isEmpty && assign.allSatisfy { !$0.message.zh.contains("已已") })
        #expect(ProblemRules.checkDeadline(CalendarDate(year: 2024, month: 12, day: 31)!, today: today).isEmpty)
        #expect(ProblemRules.checkDeadline(CalendarDate(year: 2999, month: 12, day: 31)!, today: today).map(\.field) == ["deadline"])
        let far = ProblemRules.check(.deadline, status: .inProgress, actor: office, raisedBy: "x", note: "原因",
                                     newDeadline: CalendarDate(year: 2101, month: 1, day: 1)!, deadline: today, today: today)
        #expect(far.map(\.field) == ["deadline"])
    }

    func check(_ a: ProblemAction, _ s: ProblemStatus, _ who: ProblemActor, note: String? = "已协调", deadline: CalendarDate? = nil) -> [String] {
        ProblemRules.check(a, status: s, actor: who, raisedBy: "zhang", note: note, newDeadline: deadline,
                           deadline: CalendarDate(year: 2023, month: 7, day: 10), today: today).map(\.field)
    }

    @Test func theWorkflowRunsFromRaisedToClosed() {
        #expect(check(.assign, .raised, office, note: nil).isEmpty)
        #expect(ProblemRules.next(.assign, from: .raised) == .assigned)
        #expect(check(.acknowledge, .assigned, lead, note: nil).isEmpty)
        #expect(ProblemRules.next(.acknowledge, from: .assigned) == .inProgress)
        #expect(check(.feedback, .inProgress, assist).isEmpty)
        #expect(check(.resolve, .inProgress, lead).isEmpty)
        #expect(ProblemRules.next(.resolve, from: .inProgress) == .resolved)
        #expect(check(.close, .resolved, raiser, note: nil).isEmpty)
        #expect(ProblemRules.next(.close, from: .resolved) == .closed)
        #expect(check(.reopen, .closed, raiser, note: "现场仍未通电").isEmpty)
        #expect(ProblemRules.next(.reopen, from: .closed) == .inProgress)
    }

    @Test func onlyWhoeverRaisedItClosesOrReopensIt() {
        let refusal = ProblemRules.check(.close, status: .resolved, actor: office, raisedBy: "zhang", note: nil, newDeadline: nil,
                                         deadline: nil, today: today)
        #expect(refusal.map(\.field) == ["action"])
        #expect(refusal.first?.message.zh.contains("zhang") == true)
        #expect(check(.reopen, .resolved, lead) == ["action"])
        #expect(check(.close, .inProgress, raiser, note: nil) == ["action"])
        #expect(check(.reopen, .inProgress, raiser) == ["action"])
    }

    @Test func unitsWorkOnlyWhatTheyAreResponsibleFor() {
        #expect(check(.assign, .raised, lead, note: nil) == ["action"])
        #expect(check(.acknowledge, .assigned, assist, note: nil) == ["action"])
        #expect(check(.resolve, .inProgress, assist) == ["action"])
        #expect(check(.acknowledge, .raised, lead, note: nil) == ["action"])
        #expect(check(.assign, .closed, office, note: nil) == ["action"])
    }

    @Test func notesAreRequiredWhereTheyAreTheSubstance() {
        #expect(check(.feedback, .inProgress, lead, note: "  ") == ["note"])
        #expect(check(.resolve, .inProgress, lead, note: nil) == ["note"])
        #expect(check(.comment, .closed, lead, note: nil) == ["note"])
        #expect(check(.feedback, .inProgress, lead, note: String(repeating: "字", count: 2001)) == ["note"])
    }

    @Test func aDeadlineMovesForwardOnlyWithAReason() {
        #expect(check(.deadline, .inProgress, office, deadline: CalendarDate(year: 2023, month: 7, day: 20)).isEmpty)
        #expect(check(.deadline, .inProgress, office, deadline: today).isEmpty)
        #expect(check(.deadline, .inProgress, office, deadline: CalendarDate(year: 2023, month: 6, day: 29)) == ["deadline"])
        #expect(check(.deadline, .inProgress, office, deadline: CalendarDate(year: 2023, month: 7, day: 10)) == ["deadline"])
        #expect(check(.deadline, .inProgress, office, note: nil, deadline: CalendarDate(year: 2023, month: 7, day: 20)) == ["note"])
        #expect(check(.deadline, .inProgress, lead, deadline: CalendarDate(year: 2023, month: 7, day: 20)) == ["action"])
        #expect(ProblemRules.checkDeadline(CalendarDate(year: 2023, month: 6, day: 29), today: today).map(\.field) == ["deadline"])
        #expect(ProblemRules.checkDeadline(today, today: today).isEmpty)
    }

    @Test func overdueStartsTheDayAfterTheDeadlineAndOnlyWhileOpen() {
        let deadline = CalendarDate(year: 2023, month: 6, day: 30)!
        #expect(ProblemDeadline.isOverdue(status: .inProgress, deadline: deadline, today: deadline) == false)
        #expect(ProblemDeadline.isOverdue(status: .inProgress, deadline: deadline, today: deadline.adding(days: 1)))
        #expect(ProblemDeadline.isOverdue(status: .resolved, deadline: deadline, today: deadline.adding(days: 1)) == false)
        #expect(ProblemDeadline.isOverdue(status: .raised, deadline: nil, today: deadline) == false)
        #expect(ProblemDeadline.onTime(resolvedOn: deadline, deadline: deadline))
        #expect(ProblemDeadline.onTime(resolvedOn: deadline.adding(days: 1), deadline: deadline) == false)
    }

    @Test func ratesAreSharesWithOneDecimalAndNilWhenEmpty() {
        let t = ProblemTally(raised: 45, solved: 36, onTime: 35, open: 9, overdue: 2, daysToResolve: 400)
        #expect(t.resolutionRate == 80.0)
        #expect(t.onTimeRate == 97.2)
        #expect(t.averageDaysToResolve == 11.1)
        let none = ProblemTally(raised: 0, solved: 0, onTime: 0, open: 0, overdue: 0, daysToResolve: 0)
        #expect(none.resolutionRate == nil && none.onTimeRate == nil && none.averageDaysToResolve == nil)
    }
}

@Suite struct NoticeNumberTests {
    @Test func numbersAreInTheOfficialForm() {
        #expect(NoticeNumber.prefix(districtName: "二七区") == "二七督")
        #expect(NoticeNumber.prefix(districtName: "巩义市") == "巩义督")
        #expect(NoticeNumber.prefix(districtName: "区") == "区督")
        #expect(NoticeNumber.format(prefix: "二七督", year: 2023, sequence: 15) == "二七督〔2023〕第15号")
    }
}

@Suite struct AgendaRuleTests {
    let cutoff = CalendarDate(year: 2023, month: 6, day: 28)!

    func c(_ id: String, _ category: String = "土地", major: Bool = false, colour: WarningColour? = nil, on: Int = 20, listed: Bool = false) -> AgendaRule.Candidate {
        AgendaRule.Candidate(id: id, raisedOn: CalendarDate(year: 2023, month: 6, day: on)!, category: category, major: major, colour: colour,
                             onAgendaAlready: listed)
    }

    @Test func litMajorAndCommonProblemsAreSuggestedWithTheirReasons() {
        let out = AgendaRule.suggest([c("a", "资金", colour: .red), c("b", "规划", major: true), c("c", "其他", colour: .blue),
                                      c("d"), c("e"), c("f", colour: .yellow)], cutoff: cutoff)
        #expect(out.map(\.id) == ["a", "b", "d", "e", "f"])
        #expect(out.map(\.reasons) == [[.litProject], [.major], [.common], [.common], [.litProject, .common]])
    }

    @Test func problemsAfterTheCutOffOrAlreadyListedAreLeftOut() {
        let out = AgendaRule.suggest([c("a", colour: .red, on: 28), c("b", colour: .red, on: 29), c("c", colour: .red, listed: true)], cutoff: cutoff)
        #expect(out.map(\.id) == ["a"])
        // Two open problems of a category are not yet common; the third makes them so.
        #expect(AgendaRule.suggest([c("a"), c("b")], cutoff: cutoff).isEmpty)
        #expect(AgendaRule.suggest([c("a"), c("b"), c("c", listed: true)], cutoff: cutoff).map(\.id) == ["a", "b"])
    }
}

@Suite struct NoticeRuleTests {
    @Test func anUnacknowledgedNoticeEscalatesAfterItsWorkingDays() {
        let issued = CalendarDate(year: 2023, month: 6, day: 30)!  // a Friday
        #expect(NoticeRule.acknowledgeBy(issuedOn: issued, calendar: .weekdaysOnly) == CalendarDate(year: 2023, month: 7, day: 5)!)
        #expect(NoticeRule.isDueForEscalation(issuedOn: issued, acknowledged: false, escalated: false,
                                              today: CalendarDate(year: 2023, month: 7, day: 5)!, calendar: .weekdaysOnly) == false)
        #expect(NoticeRule.isDueForEscalation(issuedOn: issued, acknowledged: false, escalated: false,
                                              today: CalendarDate(year: 2023, month: 7, day: 6)!, calendar: .weekdaysOnly))
        #expect(NoticeRule.isDueForEscalation(issuedOn: issued, acknowledged: true, escalated: false,
                                              today: CalendarDate(year: 2023, month: 7, day: 9)!, calendar: .weekdaysOnly) == false)
        #expect(NoticeRule.isDueForEscalation(issuedOn: issued, acknowledged: false, escalated: true,
                                              today: CalendarDate(year: 2023, month: 7, day: 9)!, calendar: .weekdaysOnly) == false)
    }

    @Test func aNoticesNewDeadlineIsSomeWorkingDaysOn() {
        #expect(NoticeRule.newDeadline(from: CalendarDate(year: 2023, month: 6, day: 30)!, calendar: .weekdaysOnly)
                == CalendarDate(year: 2023, month: 7, day: 7)!)
    }
}
