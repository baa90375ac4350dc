import BallastCore
import Testing

/// 资金与要素 (issue 27): the rule's findings, worked by hand.
@Suite struct ElementsRuleTests {
    static func day(_ s: String) -> CalendarDate { CalendarDate.parse(s)! }

    @Test func fundsBehindSpendingAndAboveThePlan() {
        let lines = [FundLine(source: .specialBonds, planned: .wan(100), arrived: .wan(120)),
                     FundLine(source: .district, planned: .wan(50), arrived: .wan(0))]
        // 120 arrived against 121 spent: behind; against 120: not.
        let behind = ElementsRule.findings(funds: lines, land: nil, plannedStart: nil, completedYTD: .wan(121), asOf: Self.day("2023-06-30"))
        #expect(behind.map(\.kind) == [.fundsBehind, .arrivedAbovePlanned])
        #expect(behind.first?.message.zh == "资金到位 120 万元，少于本年已完成投资 121 万元")
        let even = ElementsRule.findings(funds: lines, land: nil, plannedStart: nil, completedYTD: .wan(120), asOf: Self.day("2023-06-30"))
        #expect(even.map(\.kind) == [.arrivedAbovePlanned])
        // No funding entered: nothing said about it.
        #expect(ElementsRule.findings(funds: [], land: nil, plannedStart: nil, completedYTD: .wan(5), asOf: Self.day("2023-06-30")).isEmpty)
        #expect(FundLine(source: .bankLoans, planned: Money(yuan: -1), arrived: .zero).problem?.field == "planned")
        #expect(FundLine(source: .bankLoans, planned: .zero, arrived: Money(yuan: -1)).problem?.message.zh == "银行贷款的到位资金不能为负数")
    }

    /// Land to hand over, not handed over by the planned start: a shortfall from that day on.
    @Test func landLateFromThePlannedStart() {
        let land = LandRecord(areaMu: 40, supplyMethod: "出让")
        let start = Self.day("2023-06-10")
        #expect(ElementsRule.findings(funds: [], land: land, plannedStart: start, completedYTD: .zero, asOf: Self.day("2023-06-09")).isEmpty)
        #expect(ElementsRule.findings(funds: [], land: land, plannedStart: start, completedYTD: .zero, asOf: start).map(\.message.zh)
                == ["计划开工 2023-06-10 已到，土地尚未交付"])
        var handed = land
        handed.handedOverOn = Self.day("2023-06-10")
        #expect(ElementsRule.findings(funds: [], land: handed, plannedStart: start, completedYTD: .zero, asOf: start).isEmpty)
        // Handed over after the day asked about: still late on that day.
        handed.handedOverOn = Self.day("2023-06-20")
        #expect(ElementsRule.findings(funds: [], land: handed, plannedStart: start, completedYTD: .zero, asOf: Self.day("2023-06-15")).count == 1)
        // 使用存量用地 needs no handover.
        #expect(ElementsRule.findings(funds: [], land: LandRecord(supplyMethod: "使用存量用地"), plannedStart: start, completedYTD: .zero,
                                      asOf: Self.day("2023-07-01")).isEmpty)
        #expect(LandRecord(areaMu: -1).problem?.field == "areaMu")
        #expect(LandRecord(areaMu: .nan).problem?.field == "areaMu")
    }

    @Test func aProjectShortOfFundsOrLandIsSuggestedForTheMeeting() {
        let c = AgendaRule.Candidate(id: "a", raisedOn: Self.day("2023-06-01"), category: "土地", major: false, colour: .green,
                                     onAgendaAlready: false, elementsShort: true)
        let plain = AgendaRule.Candidate(id: "b", raisedOn: Self.day("2023-06-01"), category: "资金", major: false, colour: .green, onAgendaAlready: false)
        let out = AgendaRule.suggest([c, plain], cutoff: Self.day("2023-06-30"))
        #expect(out.count == 1 && out[0].id == "a" && out[0].reasons == [.elements])
    }
}
