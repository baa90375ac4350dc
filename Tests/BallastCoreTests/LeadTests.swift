import BallastCore
import Testing

@Suite struct LeadTests {
    let today = CalendarDate(year: 2023, month: 6, day: 30)!
    let signing = LeadMove.Signing(signedOn: CalendarDate(year: 2023, month: 6, day: 30)!, contractAmount: .wan(5000))

    func check(_ from: LeadStatus, _ to: LeadStatus, reason: String? = nil, signing: LeadMove.Signing? = nil, on: CalendarDate? = nil) -> [String] {
        LeadMove.check(from: from, to: to, on: on ?? today, today: today, reason: reason, hasEnterprise: true, signing: signing).map(\.field)
    }

    @Test func forwardMovesMayPassAStatusButNotGoBack() {
        #expect(check(.collected, .contacted).isEmpty)
        #expect(check(.contacted, .negotiating).isEmpty)
        #expect(check(.negotiating, .contacted) == ["to"])
        #expect(check(.contacted, .contacted) == ["to"])
        #expect(check(.collected, .contacted, on: CalendarDate(year: 2023, month: 7, day: 1)!) == ["on"])
    }

    @Test func signingComesOutOfNegotiationWithItsDayAndAmount() {
        #expect(check(.negotiating, .signed, signing: signing).isEmpty)
        #expect(check(.inspected, .signed, signing: signing) == ["to"])
        #expect(check(.negotiating, .signed, signing: LeadMove.Signing(signedOn: nil, contractAmount: nil)) == ["signedOn", "contractAmount"])
        #expect(check(.negotiating, .signed, signing: LeadMove.Signing(signedOn: CalendarDate(year: 2023, month: 7, day: 1)!, contractAmount: .zero))
                == ["signedOn", "contractAmount"])
        #expect(LeadMove.check(from: .negotiating, to: .signed, on: today, today: today, reason: nil, hasEnterprise: false, signing: signing).map(\.field)
                == ["enterprise"])
    }

    @Test func givingUpNeedsAReasonAndASignedLeadIsFinal() {
        #expect(check(.inspected, .abandoned) == ["reason"])
        #expect(check(.inspected, .abandoned, reason: "  ") == ["reason"])
        #expect(check(.inspected, .abandoned, reason: "企业投资计划调整").isEmpty)
        #expect(check(.abandoned, .inspected).isEmpty)      // reopened
        #expect(check(.abandoned, .signed, signing: signing) == ["to"])
        #expect(check(.signed, .abandoned, reason: "x") == ["to"])
    }

    @Test func aLeadsListNamesABadCreditCodeAndAnUnknownStatusByRow() {
        let table = SheetTable(rows: [
            ["线索名称", "企业名称", "统一社会信用代码", "来源", "责任单位", "收集日期", "状态", "放弃原因", "意向投资（亿元）"],
            ["新能源电池项目", "深圳某某新能源有限公司", "91440300MA5F0XXX1A", "展会", "区商务局", "2023-03-01", "", "", "2"],
            ["物流园项目", "郑州物流有限公司", "", "展会推介", "区商务局", "2023-07-01", "签约", "", ""],
            ["芯片项目", "上海芯片有限公司", "", "以商招商", "区商务局", "2023-03-01", "放弃", "", ""],
            ["文旅项目", "成都文旅有限公司", "", "fair", "区商务局", "2023-03-01", "洽谈", "", "3"],
        ])
        let read = LeadListFile.read(table, today: today)
        #expect(read.rows.isEmpty)
        #expect(read.issues.map { "\($0.row) \($0.column ?? "")" } == ["2 统一社会信用代码", "2 来源", "3 状态", "3 收集日期", "4 放弃原因"])
        let fixed = SheetTable(rows: [table.header, ["文旅项目", "成都文旅有限公司", "", "fair", "区商务局", "2023-03-01", "洽谈", "", "3"]])
        let ok = LeadListFile.read(fixed, today: today)
        #expect(ok.issues.isEmpty)
        #expect(ok.rows.first?.status == .negotiating && ok.rows.first?.lead.source == .fair && ok.rows.first?.lead.intendedInvestment == .wan(30_000))
    }
}
