import BallastCore
import Testing

@Suite struct LedgerValidatorTests {
    let validator = LedgerValidator(knownLevels: ["省重点", "市重点", "区重点"])
    let header = ["项目编号", "项目名称", "项目类别", "项目级别", "责任单位", "项目阶段", "总投资（万元）", "年度计划投资（万元）"]

    func table(_ rows: [[String]], header: [String]? = nil) -> SheetTable {
        SheetTable(rows: [header ?? self.header] + rows)
    }

    @Test func readsAValidRow() throws {
        let outcome = validator.validate(table([["P1", "甲项目", "新型城镇化", "市重点", "区住建局", "在建", "1,000", "200.5"]]))
        #expect(outcome.issues.isEmpty)
        let r = try #require(outcome.records.first)
        #expect(r.code == "P1" && r.row == 2)
        #expect(r.totalInvestment == Money.wan(1_000))
        #expect(r.annualPlan == Money(yuan: 2_005_000))
        #expect(r.stage == .underConstruction)
    }

    @Test func blankAnnualPlanMeansOutsideThePortfolio() throws {
        let outcome = validator.validate(table([["P1", "甲", "产业转型发展", "区重点", "区商务局", "谋划", "500", ""]]))
        #expect(try #require(outcome.records.first).annualPlan == nil)
    }

    @Test func acceptsAsciiBracketsAndYiHeaders() throws {
        let h = ["项目编号", "项目名称", "项目类别", "项目级别", "责任单位", "项目阶段", "总投资(亿元)", "年度计划投资 (亿元)"]
        let outcome = validator.validate(table([["P1", "甲", "类", "省重点", "单位", "在建", "1.2345", "0.5"]], header: h))
        let r = try #require(outcome.records.first)
        #expect(r.totalInvestment == Money.wan(12_345))
        #expect(r.annualPlan == Money.wan(5_000))
    }

    @Test func namesEveryFaultyCellByRowAndColumn() {
        let outcome = validator.validate(table([
            ["P1", "甲", "类", "省重点", "单位", "在建", "100", "50"],
            ["", "乙", "类", "国家级", "单位", "施工", "-5", "abc"],
            ["P3", "丙", "类", "区重点", "单位", "在建", "100", "150"],
        ]))
        #expect(outcome.records.isEmpty)
        let found = Set(outcome.issues.map { "\($0.row):\($0.column ?? "")" })
        #expect(found == ["3:项目编号", "3:项目级别", "3:项目阶段", "3:总投资", "3:年度计划投资", "4:年度计划投资"])
        let plan = outcome.issues.first { $0.row == 4 }
        #expect(plan?.message.zh.contains("大于总投资") == true)
    }

    @Test func refusesDuplicateCodesNamingTheFirstRow() {
        let outcome = validator.validate(table([
            ["P1", "甲", "类", "省重点", "单位", "在建", "100", ""],
            ["P1", "乙", "类", "省重点", "单位", "在建", "100", ""],
        ]))
        #expect(outcome.issues.count == 1)
        #expect(outcome.issues[0].row == 3)
        #expect(outcome.issues[0].message.zh.contains("第2行"))
    }

    @Test func reportsMissingRequiredColumnsAndUnknownOnes() {
        let outcome = validator.validate(table([["P1", "甲"]], header: ["项目编号", "项目名称", "备注"]))
        #expect(outcome.issues.allSatisfy { $0.row == 1 })
        #expect(Set(outcome.issues.compactMap(\.column)) == ["项目类别", "项目级别", "责任单位", "项目阶段", "总投资"])
        #expect(outcome.unknownColumns == ["备注"])
    }

    @Test func refusesEmptyAndHeaderOnlyFiles() {
        #expect(validator.validate(SheetTable(header: [], rows: [])).issues.first?.row == 1)
        let headerOnly = validator.validate(table([]))
        #expect(headerOnly.issues.count == 1)
        #expect(headerOnly.issues[0].message.en.contains("no project rows"))
    }

    @Test func checksDatesCoordinatesAndCreditCodes() {
        let h = header + ["计划开工", "计划竣工", "经度", "纬度", "统一社会信用代码"]
        let outcome = validator.validate(table([
            ["P1", "甲", "类", "省重点", "单位", "在建", "100", "", "2023-02-30", "2023-05", "200", "34.7", "91350100M000100Y44"],
            ["P2", "乙", "类", "省重点", "单位", "在建", "100", "", "2023-06-01", "2023-05-01", "113.6", "", "91350100M000100Y43"],
        ], header: h))
        let found = Set(outcome.issues.map { "\($0.row):\($0.column ?? "")" })
        #expect(found == ["2:计划开工", "2:经度", "2:统一社会信用代码", "3:计划竣工", "3:纬度"])
    }

    @Test func columnOrderIsFree() throws {
        let h = ["总投资（万元）", "项目阶段", "责任单位", "项目级别", "项目类别", "项目名称", "项目编号"]
        let outcome = validator.validate(table([["88", "签约", "单位", "区重点", "类", "名", "X9"]], header: h))
        let r = try #require(outcome.records.first)
        #expect(r.code == "X9" && r.totalInvestment == Money.wan(88) && r.stage == .signed)
    }

    @Test func exportCellsValidateBackToTheSameRecord() throws {
        let record = LedgerRecord(row: 2, code: "A-1", name: "名", category: "类", level: "省重点", nature: .newStart, zone: "区",
                                  unit: "单位", leader: "领导", taskForce: "专班", stage: .landed, totalInvestment: Money(yuan: 123_456_789),
                                  annualPlan: Money(yuan: 1), plannedStart: CalendarDate(year: 2023, month: 1, day: 2),
                                  plannedEnd: CalendarDate(year: 2024, month: 2, day: 3), investor: "公司",
                                  creditCode: "91350100M000100Y43", longitude: 113.612345, latitude: 34.7, content: "内容\n第二行")
        let outcome = validator.validate(SheetTable(rows: [LedgerRecord.exportHeaders, record.exportCells]))
        #expect(outcome.issues.isEmpty)
        var back = try #require(outcome.records.first)
        back.content = record.content  // trimming aside, cells are identical
        #expect(back == record)
    }
}
