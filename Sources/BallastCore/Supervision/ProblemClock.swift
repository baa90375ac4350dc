/// The answer clock a lead unit works to once a problem is assigned, configured per district.
/// The default is the 13710 way of working: acknowledged within 1 working day, first feedback
/// within 3, resolved within 7; a major problem has 30 working days to be resolved.
public struct ProblemClock: Sendable, Equatable, Codable {
    public var acknowledgeDays: Int
    public var feedbackDays: Int
    public var resolveDays: Int
    public var majorResolveDays: Int

    public init(acknowledgeDays: Int, feedbackDays: Int, resolveDays: Int, majorResolveDays: Int) {
        self.acknowledgeDays = acknowledgeDays; self.feedbackDays = feedbackDays
        self.resolveDays = resolveDays; self.majorResolveDays = majorResolveDays
    }

    public static let standard = ProblemClock(acknowledgeDays: 1, feedbackDays: 3, resolveDays: 7, majorResolveDays: 30)

    /// Each step at least a day, and no step due before the one it follows.
    public func problems() -> [FieldProblem] {
        var out: [FieldProblem] = []
        for (field, value, zh, en) in [("acknowledgeDays", acknowledgeDays, "签收时限", "The acknowledgement time"),
                                       ("feedbackDays", feedbackDays, "反馈时限", "The feedback time"),
                                       ("resolveDays", resolveDays, "办结时限", "The resolution time"),
                                       ("majorResolveDays", majorResolveDays, "重大问题办结时限", "The major problems' resolution time")]
        where value < 1 || value > 365 {
            out.append(FieldProblem(field, Message(zh: "\(zh)应为 1 至 365 个工作日，实为 \(value)", en: "\(en) must be 1 to 365 working days, not \(value)")))
        }
        guard out.isEmpty else { return out }
        if feedbackDays < acknowledgeDays {
            out.append(FieldProblem("feedbackDays", Message(zh: "反馈时限不能短于签收时限", en: "Feedback cannot be due before acknowledgement")))
        }
        if resolveDays < feedbackDays {
            out.append(FieldProblem("resolveDays", Message(zh: "办结时限不能短于反馈时限", en: "Resolution cannot be due before feedback")))
        }
        if majorResolveDays < resolveDays {
            out.append(FieldProblem("majorResolveDays", Message(zh: "重大问题办结时限不能短于一般问题", en: "A major problem cannot be due sooner than others")))
        }
        return out
    }

    public enum Step: String, Sendable, CaseIterable, Codable {
        case acknowledge, feedback, resolve

        public var chineseName: String { self == .acknowledge ? "签收" : self == .feedback ? "反馈" : "办结" }
        public var englishName: String { self == .acknowledge ? "Acknowledged" : self == .feedback ? "Feedback" : "Resolved" }
    }

    /// One clock of one problem: when the step is due, when it was done, and whether it is late
    /// (done after its day, or still not done after it).
    public struct State: Sendable, Equatable {
        public var step: Step
        public var due: CalendarDate
        public var doneOn: CalendarDate?
        public var isLate: Bool
    }

    /// The three clocks of a problem assigned on `assignedOn`; none before it is assigned.
    public func states(assignedOn: CalendarDate?, major: Bool, acknowledgedOn: CalendarDate?, firstFeedbackOn: CalendarDate?,
                       resolvedOn: CalendarDate?, today: CalendarDate, calendar: WorkCalendar, deadline: CalendarDate? = nil) -> [State] {
        guard let assignedOn else { return [] }
        // Resolving answers the feedback clock too: a unit that solves in two days owes no report.
        let feedback = [firstFeedbackOn, resolvedOn].compactMap { $0 }.min()
        let steps: [(Step, Int, CalendarDate?)] = [(.acknowledge, acknowledgeDays, acknowledgedOn ?? feedback),
                                                    (.feedback, feedbackDays, feedback),
                                                    (.resolve, major ? majorResolveDays : resolveDays, resolvedOn)]
        return steps.map { step, days, done in
            // A deadline given (by the office, a meeting or a leader's 批示) is the day resolution
            // is due; the clock's count is the default the assignment starts from.
            // and nothing is due after it: a deadline sooner than the clock brings every step to it.
            let clockDue = calendar.adding(workingDays: days, to: assignedOn)
            let due = step == .resolve ? deadline ?? clockDue : deadline.map { min($0, clockDue) } ?? clockDue
            return State(step: step, due: due, doneOn: done, isLate: (done ?? today) > due)
        }
    }
}
