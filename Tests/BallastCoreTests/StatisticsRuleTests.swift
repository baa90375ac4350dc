import BallastCore
import Testing

/// 入库纳统 (issue 27): the rule's boundaries, counted by hand, and the record's refusals.
@Suite struct StatisticsRuleTests {
    static func day(_ s: String) -> CalendarDate { CalendarDate.parse(s)! }

    static func colour(_ started: String, _ asOf: String, declared: String? = nil, included: String? = nil) -> WarningColour? {
        let r = StatisticsRecord(startedOn: day(started), declaredOn: declared.map(day), includedOn: included.map(day))
        return StatisticsRule.finding(r, asOf: day(asOf), yellowMonths: 1, redMonths: 2)?.0
    }

    /// Started 3-15: a day short of a month nothing; exactly one month 黄; exactly two 红.
    @Test func exactlyOneMonthIsYellowAndExactlyTwoRed() {
        #expect(Self.colour("2023-03-15", "2023-03-15") == nil)
        #expect(Self.colour("2023-03-15", "2023-04-14") == nil)
        #expect(Self.colour("2023-03-15", "2023-04-15") == .yellow)
        #expect(Self.colour("2023-03-15", "2023-05-14") == .yellow)
        #expect(Self.colour("2023-03-15", "2023-05-15") == .red)
        #expect(Self.colour("2023-03-15", "2024-01-01") == .red)
    }

    /// A month from 1-31 is reached on 2-28 (the month's last day); from 2-28, on 3-28.
    @Test func aMonthFromTheEndOfAMonthEndsAtTheNextMonthsEnd() {
        #expect(Self.colour("2023-01-31", "2023-02-27") == nil)
        #expect(Self.colour("2023-01-31", "2023-02-28") == .yellow)
        #expect(Self.colour("2023-01-31", "2023-03-30") == .yellow)
        #expect(Self.colour("2023-01-31", "2023-03-31") == .red)
        #expect(Self.colour("2024-01-31", "2024-02-29") == .yellow)
        #expect(StatisticsRule.monthsElapsed(from: Self.day("2023-02-28"), to: Self.day("2023-03-27")) == 0)
        #expect(StatisticsRule.monthsElapsed(from: Self.day("2023-02-28"), to: Self.day("2023-03-28")) == 1)
        #expect(StatisticsRule.monthsElapsed(from: Self.day("2022-11-30"), to: Self.day("2023-11-30")) == 12)
        #expect(Self.day("2023-12-31").adding(months: 2) == Self.day("2024-02-29"))
    }

    /// Included by the day: nothing; included after it: still out on the day. Declared but not
    /// included is still out, and the reason says it was declared.
    @Test func theStatusIsTheDaysStatus() {
        #expect(Self.colour("2023-03-15", "2023-05-20", included: "2023-05-20") == nil)
        #expect(Self.colour("2023-03-15", "2023-05-20", included: "2023-05-21") == .red)
        let r = StatisticsRecord(startedOn: Self.day("2023-03-15"), declaredOn: Self.day("2023-04-01"), includedOn: Self.day("2023-06-01"))
        #expect(r.status(asOf: Self.day("2023-03-31")) == .notIncluded)
        #expect(r.status(asOf: Self.day("2023-04-01")) == .declared)
        #expect(r.status(asOf: Self.day("2023-06-01")) == .included)
        let finding = StatisticsRule.finding(r, asOf: Self.day("2023-04-20"), yellowMonths: 1, redMonths: 2)
        #expect(finding?.1.zh == "开工（2023-03-15）已满 1 个月仍未入库（2023-04-01 已申报）")
        // A start in the future is a plan: nothing yet.
        #expect(Self.colour("2023-07-01", "2023-06-30") == nil)
    }

    /// The rule joins the colour's reasons: worse wins, the reason kept beside the others.
    @Test func theRuleJoinsTheColoursReasons() {
        let input = WarningInput(asOf: Self.day("2023-06-30"), annualPlan: .wan(1200), completedYTD: .wan(600), plannedStart: Self.day("2023-01-10"),
                                 stage: .underConstruction, statistics: StatisticsRecord(startedOn: Self.day("2023-04-30")))
        let out = WarningRule.evaluate(input)
        #expect(out.colour == .red && out.reasons.map(\.zh) == ["开工（2023-04-30）已满 2 个月仍未入库"])
        var strict = WarningThresholds.standard
        strict.statsYellowMonths = 3; strict.statsRedMonths = 6
        #expect(WarningRule.evaluate(input, thresholds: strict).colour == .green)
        #expect(WarningRule.evaluate(input, thresholds: strict).reasons.isEmpty)
    }

    @Test func theMonthsMustBeOrderedAndBounded() {
        var t = WarningThresholds.standard
        #expect(t.problem == nil && t.statsYellowMonths == 1 && t.statsRedMonths == 2)
        t.statsYellowMonths = 0
        #expect(t.problem?.zh.contains("入库纳统月数") == true)
        t.statsYellowMonths = 3; t.statsRedMonths = 2
        #expect(t.problem != nil)
        t.statsYellowMonths = 1; t.statsRedMonths = 25
        #expect(t.problem != nil)
        t.statsRedMonths = 24
        #expect(t.problem == nil)
    }

    /// 先开工，后入库: a number or an inclusion day on a project not started is refused, naming
    /// the field; so are days out of order and a number too long.
    @Test func aProjectNotStartedCannotBeIncluded() {
        let number = StatisticsRecord(number: "4101031000001").problem(stage: .underConstruction)
        #expect(number?.field == "statisticsNumber" && number?.message.zh.contains("项目尚未开工") == true)
        let signed = StatisticsRecord(startedOn: Self.day("2023-03-01"), includedOn: Self.day("2023-03-20"), number: "X1").problem(stage: .signed)
        #expect(signed?.field == "startedOn" && signed?.message.zh.contains("签约") == true)
        #expect(StatisticsRecord(number: "X1").problem(stage: .signed)?.field == "statisticsNumber")
        // Declared with no start; a start before 1990; a number with a full-width digit or an invisible space.
        #expect(StatisticsRecord(declaredOn: Self.day("2023-03-01")).problem(stage: .underConstruction)?.field == "declaredOn")
        #expect(StatisticsRecord(startedOn: Self.day("1900-01-01")).problem(stage: .underConstruction)?.field == "startedOn")
        #expect(StatisticsRecord(startedOn: Self.day("2023-03-01"), number: "４１０１").problem(stage: .underConstruction)?.field == "statisticsNumber")
        #expect(StatisticsRecord(startedOn: Self.day("2023-03-01"), number: "4101\u{200B}").problem(stage: .underConstruction)?.field == "statisticsNumber")
        let included = StatisticsRecord(includedOn: Self.day("2023-03-20")).problem(stage: .underConstruction)
        #expect(included?.field == "includedOn")
        #expect(StatisticsRecord(startedOn: Self.day("2023-03-01"), declaredOn: Self.day("2023-02-01")).problem(stage: .underConstruction)?.field == "declaredOn")
        #expect(StatisticsRecord(startedOn: Self.day("2023-03-01"), declaredOn: Self.day("2023-03-10"), includedOn: Self.day("2023-03-05"), number: "A")
            .problem(stage: .underConstruction)?.field == "includedOn")
        #expect(StatisticsRecord(startedOn: Self.day("2023-03-01"), includedOn: Self.day("2023-03-05")).problem(stage: .underConstruction)?.field == "statisticsNumber")
        #expect(StatisticsRecord(startedOn: Self.day("2023-03-01"), number: String(repeating: "1", count: 41)).problem(stage: .underConstruction)?.field == "statisticsNumber")
        #expect(StatisticsRecord(startedOn: Self.day("2023-03-01"), declaredOn: Self.day("2023-03-10"), includedOn: Self.day("2023-03-20"), number: "4101031000001")
            .problem(stage: .underConstruction) == nil)
        // Declaring a project not yet started is allowed (the form is filled before the start).
        #expect(StatisticsRecord(startedOn: Self.day("2023-03-01")).problem(stage: .underConstruction) == nil)
    }
}
