import BallastCore
import Testing

@Suite struct WarningRuleTests {
    let june30 = CalendarDate(year: 2023, month: 6, day: 30)!

    /// A project with an annual plan of 1200万, judged at the end of June (时序进度 50%).
    func judge(completedWan: Int64, milestones: [WarningInput.Milestone] = [], stage: LifecycleStage = .underConstruction,
               plannedStart: CalendarDate? = CalendarDate(year: 2023, month: 1, day: 10)) -> WarningOutcome {
        WarningRule.evaluate(WarningInput(asOf: june30, annualPlan: .wan(1200), completedYTD: .wan(completedWan),
                                          plannedStart: plannedStart, stage: stage, milestones: milestones))
    }

    @Test func investmentLagBandsIncludeTheirUpperBoundary() {
        #expect(judge(completedWan: 600).colour == .green)     // lag 0
        #expect(judge(completedWan: 700).colour == .green)     // ahead
        #expect(judge(completedWan: 599).colour == .blue)      // lag 0.08
        #expect(judge(completedWan: 480).colour == .blue)      // exactly 10 points
        #expect(judge(completedWan: 479).colour == .yellow)    // 10.08
        #expect(judge(completedWan: 360).colour == .yellow)    // exactly 20 points
        #expect(judge(completedWan: 359).colour == .red)       // 20.08
        #expect(judge(completedWan: 0).colour == .red)
    }

    @Test func reasonsStateRateAndLagToOneDecimal() {
        let outcome = judge(completedWan: 408)  // 34.0%, 16.0 points behind
        #expect(outcome.colour == .yellow)
        #expect(outcome.reasons.map(\.zh) == ["投资完成率 34.0%，低于时序进度 16.0 个百分点"])
        #expect(outcome.lagPoints == 16)
        #expect(outcome.ruleVersion == 1)
        #expect(judge(completedWan: 600).reasons.isEmpty)
    }

    @Test func lateMilestonesColourByDaysLate() {
        func late(_ days: Int) -> WarningColour {
            judge(completedWan: 600, milestones: [.init(name: "开工", planned: june30.adding(days: -days), actual: nil)]).colour
        }
        #expect(late(0) == .green)
        #expect(late(1) == .blue)
        #expect(late(15) == .blue)
        #expect(late(16) == .yellow)
        #expect(late(30) == .yellow)
        #expect(late(31) == .red)
        let done = judge(completedWan: 600, milestones: [.init(name: "开工", planned: june30.adding(days: -60), actual: june30)])
        #expect(done.colour == .green)
        let reasons = judge(completedWan: 600, milestones: [.init(name: "开工", planned: june30.adding(days: -42), actual: nil)]).reasons
        #expect(reasons.map(\.zh) == ["开工节点逾期 42 天"])
    }

    @Test func aMissedPlannedStartIsRedAndTheWorstReasonLeads() {
        let outcome = judge(completedWan: 599, stage: .signed)
        #expect(outcome.colour == .red)
        #expect(outcome.reasons.count == 2)
        #expect(outcome.reasons.first?.zh == "计划开工 2023-01-10 已过，项目仍处于签约阶段")
        #expect(judge(completedWan: 600, stage: .underConstruction).colour == .green)
    }

    @Test func aProjectNotYetDueToStartIsNotJudgedOnInvestment() {
        let later = judge(completedWan: 0, stage: .signed, plannedStart: CalendarDate(year: 2023, month: 9, day: 1))
        #expect(later.colour == .green)
        #expect(later.lagPoints == nil)
        let noPlan = WarningRule.evaluate(WarningInput(asOf: june30, annualPlan: nil, completedYTD: .zero,
                                                       plannedStart: nil, stage: .underConstruction))
        #expect(noPlan.colour == .green && noPlan.lagPoints == nil)
    }

    @Test func thresholdsAreDataAndAreChecked() {
        let strict = WarningThresholds(version: 2, blueLagPoints: 5, yellowLagPoints: 10, blueLateDays: 7, yellowLateDays: 14)
        let input = WarningInput(asOf: june30, annualPlan: .wan(1200), completedYTD: .wan(480),
                                 plannedStart: nil, stage: .underConstruction)
        #expect(WarningRule.evaluate(input, thresholds: strict).colour == .yellow)
        #expect(WarningRule.evaluate(input, thresholds: strict).ruleVersion == 2)
        #expect(strict.problem == nil)
        #expect(WarningThresholds(version: 3, blueLagPoints: 20, yellowLagPoints: 10, blueLateDays: 1, yellowLateDays: 2).problem != nil)
        #expect(WarningColour.red.isLit && WarningColour.yellow.isLit && !WarningColour.blue.isLit)
        #expect(WarningColour.allCases.sorted() == [.green, .blue, .yellow, .red])
        #expect(WarningColour.parseList("red,yellow") == [.red, .yellow])
        #expect(WarningColour.parseList("红、绿") == [.red, .green])
        #expect(WarningColour.parseList("red,pink") == nil)
    }
}
