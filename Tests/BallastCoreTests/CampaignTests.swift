import BallastCore
import Testing

@Suite struct CampaignTests {
    func d(_ s: String) -> CalendarDate { CalendarDate.parse(s)! }

    @Test func batchesParseFromTheFormsOfficialsWrite() {
        #expect(CampaignBatch.parse("签约一批") == .sign)
        #expect(CampaignBatch.parse(" 开工 ") == .start)
        #expect(CampaignBatch.parse("production") == .produce)
        #expect(CampaignBatch.parse("竣工") == nil)
        #expect(CampaignBatch.sign.followUp == .started && CampaignBatch.start.followUp == .produced && CampaignBatch.produce.followUp == .atCapacity)
    }

    @Test func followUpDatesAreCheckedAtTheirBoundaries() {
        let today = d("2023-06-30")
        #expect(CampaignFollowUp(startedOn: today, producedOn: today, atCapacityOn: today).problems(today: today).isEmpty)
        #expect(CampaignFollowUp(startedOn: d("2023-07-01")).problems(today: today).map(\.field) == ["startedOn"])
        #expect(CampaignFollowUp(startedOn: d("2023-05-02"), producedOn: d("2023-05-01")).problems(today: today).map(\.field) == ["producedOn"])
        #expect(CampaignFollowUp(atCapacityOn: d("2023-05-01")).problems(today: today).map(\.field) == ["atCapacityOn"])
        #expect(CampaignFollowUp(producedOn: d("2023-05-02"), atCapacityOn: d("2023-05-01")).problems(today: today).map(\.field) == ["atCapacityOn"])
        // A 投产 entry reaches designed output without a start date of its own.
        #expect(CampaignFollowUp(producedOn: d("2023-05-01"), atCapacityOn: d("2023-05-01")).problems(today: today).isEmpty)
    }

    @Test func ratesAreTheFollowUpShareWithOneDecimalAndNoneForAnEmptyBatch() {
        let t = CampaignTally(entries: 9, investment: .wan(1_025_000), started: 7, produced: 1, atCapacity: 0)
        #expect(t.rate(for: .sign) == 77.8)            // 7 ÷ 9 = 77.78 → 77.8
        #expect(t.rate(for: .start) == 11.1)
        #expect(t.rate(for: .produce) == 0)
        #expect(CampaignTally().rate(for: .sign) == nil)
        #expect(Percent.of(1, 8) == 12.5)              // half up
        #expect(Percent.of(2, 3) == 66.7)
        #expect(Percent.of(3, 3) == 100)
    }

    @Test func periodsAccumulateInNumberOrder() {
        let a = CampaignTally(entries: 2, investment: .wan(100), started: 1)
        let b = CampaignTally(entries: 3, investment: .wan(50), started: 3)
        let figures = CampaignPeriodFigures.accumulate([8: [.sign: b], 7: [.sign: a, .produce: a], 9: [:]])
        #expect(figures.map(\.number) == [7, 8, 9])
        #expect(figures[0].entries == 4 && figures[0].investment == .wan(200))
        #expect(figures[1].cumulative[.sign] == CampaignTally(entries: 5, investment: .wan(150), started: 4))
        #expect(figures[2].cumulative[.produce] == a)
        #expect(figures[2].entries == 0)
    }

    @Test func aCampaignListIsReadWithEveryFaultNamedByRowAndColumn() {
        let today = d("2023-06-30")
        let good = SheetTable(rows: [["期次", "批次", "项目编号", "计入投资（亿元）", "举办日期", "开工日期"],
                                     ["第7期", "开工一批", "EQ-1", "1.5", "2023-01-28", "2023-03-01"],
                                     ["7", "签约", "EQ-2", "0", "", ""]])
        let read = CampaignListFile.read(good, today: today)
        #expect(read.issues.isEmpty)
        #expect(read.rows.map(\.investment) == [.wan(15_000), .zero])
        #expect(read.rows[0].period == 7 && read.rows[0].batch == .start && read.rows[0].followUp.startedOn == d("2023-03-01"))

        let bad = SheetTable(rows: [["期次", "批次", "项目编号", "计入投资"],
                                    ["x", "竣工", "", "-3"],
                                    ["7", "开工", "EQ-1", "10"],
                                    ["7", "开工一批", "EQ-1", "10"]])
        let refused = CampaignListFile.read(bad, today: today)
        #expect(refused.rows.isEmpty)
        #expect(refused.issues.map { "\($0.row) \($0.column ?? "")" } == ["2 期次", "2 批次", "2 项目编号", "2 计入投资", "4 项目编号"])
        let missing = CampaignListFile.read(SheetTable(rows: [["期次", "项目编号"], ["1", "A"]]), today: today)
        #expect(missing.issues.map(\.column) == ["批次", "计入投资"])
    }
}
