import BallastCore
import Testing

@Suite struct ISOWeekTests {
    func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    @Test func weeksStartOnMondayWithWeekOneHoldingTheFirstThursday() {
        // 2023-01-01 was a Sunday: it belongs to 2022's last week; week 1 starts Monday 2 January.
        #expect(ISOWeek(containing: day(2023, 1, 1)).description == "2022-W52")
        #expect(ISOWeek(containing: day(2023, 1, 2)).description == "2023-W01")
        let w23 = ISOWeek.parse("2023-W23")!
        #expect(w23.monday == day(2023, 6, 5) && w23.sunday == day(2023, 6, 11))
        #expect(ISOWeek(containing: day(2023, 6, 11)) == w23 && ISOWeek(containing: day(2023, 6, 12)) != w23)
        // 2021-01-01 (a Friday) is in 2020's week 53; 2024-12-30 (a Monday) in 2025's week 1.
        #expect(ISOWeek(containing: day(2021, 1, 1)).description == "2020-W53")
        #expect(ISOWeek(containing: day(2024, 12, 30)).description == "2025-W01")
        #expect(ISOWeek.parse("2023-W01")!.previous.description == "2022-W52")
    }

    @Test func onlyRealWeeksParse() {
        #expect(ISOWeek.weeks(in: 2020) == 53 && ISOWeek.weeks(in: 2023) == 52 && ISOWeek.weeks(in: 2026) == 53)
        #expect(ISOWeek.parse("2020-W53") != nil)
        for bad in ["2023-W53", "2023-W00", "2023-23", "2023W", "23-W10", "2023-W1x", ""] {
            #expect(ISOWeek.parse(bad) == nil, "\(bad)")
        }
        #expect(ISOWeek.parse("2023w7")?.description == "2023-W07")
        // What was written, for a refusal that says why: 2023 has no week 53.
        #expect(ISOWeek.components("2023-W53")! == (2023, 53) && ISOWeek.components("2023-53") == nil)
    }
}

@Suite struct ScoringSchemeTests {
    @Test func theStandardSchemeIsValidAndAddsUpToAHundred() {
        #expect(ScoringScheme.standard.problem() == nil)
        #expect(ScoringScheme.standard.weightSum == 100)
        // Every indicator but `photos` (issue 26), `approvals` (issue 27) and `inspection` (issue 28), which the office adds when it wants them to count.
        #expect(Set(ScoringScheme.standard.items.map(\.indicator)) == Set(ScoringIndicator.allCases.map(\.rawValue)).subtracting(["photos", "approvals", "inspection"]))
    }

    @Test func badSchemesAreRefusedNamingWhatIsWrong() {
        var s = ScoringScheme.standard
        s.items[0].weight = 35
        let sum = s.problem()
        #expect(sum?.field == "items" && sum?.message.zh.contains("95") == true && sum?.message.en.contains("95") == true)
        s.items[0].weight = 40.5
        #expect(s.problem()?.message.zh.contains("100.50") == true)
        s = .standard
        s.items[2].indicator = "satisfaction"
        let missing = s.problem()
        #expect(missing?.field == "items[2].indicator" && missing?.message.zh.contains("satisfaction") == true)
        s = .standard
        s.items[3].indicator = "investment"
        #expect(s.problem()?.message.zh.contains("重复") == true)
        s = .standard
        s.items[1].weight = -5; s.items[2].weight = 20
        #expect(s.problem()?.field == "items[1].weight")
        s = .standard
        s.items[0].cap = 0.8
        #expect(s.problem()?.field == "items[0].cap")
        s = .standard
        s.aggregation = AssessmentRule(monthWeights: [0, 0, 0])
        #expect(s.problem()?.field == "aggregation")
        s = .standard
        s.advancedThreshold = 101
        #expect(s.problem()?.field == "advancedThreshold")
        // A scheme of fewer indicators is fine when its weights still add up.
        s = ScoringScheme(items: [.init(indicator: "investment", weight: 70), .init(indicator: "problems", weight: 30)])
        #expect(s.problem() == nil)
    }
}

@Suite struct UnitScoreTests {
    func facts(_ edit: (inout UnitFacts) -> Void) -> UnitFacts { var f = UnitFacts(); edit(&f); return f }

    @Test func investmentIsMeasuredAgainstTimeProgressAndCapped() {
        // May: time progress 5/12. 50 of 120 done is exactly on time.
        let onTime = facts { $0.plan = 120; $0.completed = 50 }
        #expect(abs(UnitScore.ratio(.investment, onTime, month: 5, pipelineTarget: 0) - 1) < 1e-9)
        let half = facts { $0.plan = 120; $0.completed = 25 }
        #expect(abs(UnitScore.ratio(.investment, half, month: 5, pipelineTarget: 0) - 0.5) < 1e-9)
        // Far ahead: the standard cap of 1.2 holds the points at 48 of 40×1.2.
        let ahead = facts { $0.plan = 120; $0.completed = 120 }
        let s = UnitScore.score(ahead, month: 5, scheme: .standard)
        #expect(s.points(.investment) == 48)
        // No plan at all counts as full marks, not as a division by zero.
        #expect(UnitScore.ratio(.investment, facts { $0.completed = 10 }, month: 5, pipelineTarget: 0) == 1)
    }

    @Test func eachIndicatorCountsItsOwnFactsAndAnIdleUnitGetsFullMarks() {
        let f = facts {
            $0.projects = 10; $0.litProjects = 3; $0.plannedStarts = 4; $0.achievedStarts = 3
            $0.problemsDue = 5; $0.problemsOnTime = 4; $0.reportsExpected = 10; $0.reportsOnTime = 9; $0.signedLeads = 1
        }
        #expect(UnitScore.ratio(.starts, f, month: 6, pipelineTarget: 2) == 0.75)
        #expect(UnitScore.ratio(.problems, f, month: 6, pipelineTarget: 2) == 0.8)
        #expect(UnitScore.ratio(.reporting, f, month: 6, pipelineTarget: 2) == 0.9)
        #expect(abs(UnitScore.ratio(.warnings, f, month: 6, pipelineTarget: 2) - 0.7) < 1e-9)
        // June: a yearly target of 2 is 1 due by now; 1 signed meets it.
        #expect(UnitScore.ratio(.pipeline, f, month: 6, pipelineTarget: 2) == 1)
        #expect(UnitScore.ratio(.pipeline, f, month: 3, pipelineTarget: 2) == 2)
        let idle = UnitFacts()
        for i in ScoringIndicator.allCases { #expect(UnitScore.ratio(i, idle, month: 6, pipelineTarget: 0) == 1, "\(i)") }
        var noTarget = ScoringScheme.standard
        noTarget.pipelineTarget = 0
        let all = UnitScore.score(idle, month: 6, scheme: noTarget)
        #expect(all.total == 100 && all.parts.count == 6)
        // With the standard target of two a year, a unit that signed nothing by June has 0 of 10.
        #expect(UnitScore.score(idle, month: 6, scheme: .standard).total == 90)
        // The total is the parts' sum, each the weight times the capped ratio, to two decimals.
        let s = UnitScore.score(f, month: 6, scheme: .standard)
        #expect(s.points(.starts) == 11.25 && s.points(.problems) == 12 && s.points(.reporting) == 9 && s.points(.warnings) == 7 && s.points(.pipeline) == 10)
        #expect(s.total == UnitScore.round2(s.parts.reduce(0) { $0 + $1.points }))
    }

    @Test func tiesAreSettledByInvestmentThenLightsThenName() {
        func entry(_ unit: String, total: Double, investment: Double, lit: Int) -> RankingOrder.Entry {
            RankingOrder.Entry(unit: unit, score: UnitScore(parts: [.init(indicator: "investment", weight: 40, ratio: 1, points: investment)], total: total), litProjects: lit)
        }
        let ranked = RankingOrder.sorted([
            entry("丙", total: 90, investment: 30, lit: 1), entry("甲", total: 90, investment: 35, lit: 4),
            entry("乙", total: 90, investment: 30, lit: 0), entry("丁", total: 95, investment: 10, lit: 9),
            entry("戊", total: 90, investment: 30, lit: 1),
        ]).map(\.unit)
        #expect(ranked == ["丁", "甲", "乙", "丙", "戊"])
    }

    @Test func unitsAreGroupedByTheirNames() {
        #expect(UnitGroup.of("建中街街道") == .townStreet && UnitGroup.of("侯寨乡") == .townStreet && UnitGroup.of("马寨镇") == .townStreet)
        #expect(UnitGroup.of("区发展改革委") == .department && UnitGroup.of("镇江路项目部") == .department)
    }
}

@Suite struct AssessmentRuleTests {
    @Test func monthsAddUpByMeanOrWeightsAndMissingMonthsAreLeftOut() {
        #expect(AssessmentRule.mean.aggregate([80, 90, 100]) == 90)
        #expect(AssessmentRule(monthWeights: [1, 1, 2]).aggregate([80, 90, 100]) == 92.5)
        // A month not scored: the others' weights are rescaled.
        #expect(AssessmentRule(monthWeights: [1, 1, 2]).aggregate([80, nil, 100]) == 280.0 / 3)
        #expect(AssessmentRule.mean.aggregate([nil, nil]) == nil)
        // For a year the quarter's weights repeat.
        let year: [Double?] = [60, 60, 90, 60, 60, 90, 60, 60, 90, 60, 60, 90]
        #expect(AssessmentRule(monthWeights: [1, 1, 2]).aggregate(year) == 75)
    }

    @Test func advancedUnitsAreTheBestAboveTheLine() {
        let ranked: [(unit: String, score: Double)] = [("甲", 96), ("乙", 90), ("丙", 85), ("丁", 84.99), ("戊", 80)]
        #expect(AdvancedUnits.pick(ranked, count: 5, threshold: 85) == ["甲", "乙", "丙"])
        #expect(AdvancedUnits.pick(ranked, count: 2, threshold: 85) == ["甲", "乙"])
        #expect(AdvancedUnits.pick(ranked, count: 0, threshold: 0).isEmpty)
    }
}

@Suite struct AssessmentPeriodTests {
    @Test func quartersAndYearsParseAndCoverTheirMonths() {
        let q2 = AssessmentPeriod.parse("2023-Q2")!
        #expect(q2.months == 4...6 && q2.lastDay.iso == "2023-06-30" && q2.chineseName == "2023年第二季度")
        #expect(AssessmentPeriod.parse("2023-q4")?.lastDay.iso == "2023-12-31")
        let y = AssessmentPeriod.parse("2023")!
        #expect(y.months == 1...12 && y.quarter == nil && y.description == "2023")
        for bad in ["2023-Q5", "2023-Q0", "2023Q2", "23-Q1", "2023-05", "", "1999"] { #expect(AssessmentPeriod.parse(bad) == nil, "\(bad)") }
    }
}

@Suite struct ScoreAdjustmentRuleTests {
    @Test func adjustmentsAreBoundedAndExplained() {
        #expect(ScoreAdjustmentRule.problem(points: 20, reason: "获市级表彰") == nil)
        #expect(ScoreAdjustmentRule.problem(points: -20, reason: "瞒报投资数据") == nil)
        #expect(ScoreAdjustmentRule.problem(points: 20.5, reason: "获市级表彰")?.field == "points")
        #expect(ScoreAdjustmentRule.problem(points: 0, reason: "获市级表彰")?.field == "points")
        #expect(ScoreAdjustmentRule.problem(points: .nan, reason: "获市级表彰")?.field == "points")
        #expect(ScoreAdjustmentRule.problem(points: 2, reason: " 表彰 ")?.field == "reason")
    }
}

@Suite struct CadenceScheduleTests {
    func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    @Test func mondaysDraftLastWeekAndTheFirstRanksLastMonth() {
        // 2023-06-12 was a Monday: the week of 5–11 June (W23) is drafted.
        #expect(CadenceSchedule.weekToDraft(on: day(2023, 6, 12))?.description == "2023-W23")
        #expect(CadenceSchedule.weekToDraft(on: day(2023, 6, 11)) == nil && CadenceSchedule.weekToDraft(on: day(2023, 6, 13)) == nil)
        #expect(CadenceSchedule.weekToDraft(on: day(2023, 1, 2))?.description == "2022-W52")
        #expect(CadenceSchedule.monthToRank(on: day(2023, 6, 1))! == (2023, 5))
        #expect(CadenceSchedule.monthToRank(on: day(2023, 1, 1))! == (2022, 12))
        #expect(CadenceSchedule.monthToRank(on: day(2023, 6, 2)) == nil)
    }
}
