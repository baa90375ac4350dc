import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

/// The demo district must reproduce Erqi's published 2023 figures (shared/DOMAIN.md, seeds).
/// The expected numbers are typed here from the sources, in 亿元.
@Suite struct DemoFiguresTests {
    @Test func summaryReproducesThePublishedPortfolio() async throws {
        try await StoreDatabase.with(demo: true) { app in
            let d = try #require(try await DistrictModel.query(on: app.db).filter(\.$code == "erqi").first())
            let s = try await SummaryQuery.run(districtID: d.id!, year: 2023, asOf: CalendarDate(year: 2023, month: 6, day: 30)!, on: app.db)
            #expect(s.projects == 360)
            let total = try Money.parse("2380.4", unit: .yi).get()
            #expect(s.totalInvestment == total)
            #expect(s.annualPlan == .yi(350))

            let published: [String: (Int, String)] = [
                "产业转型发展": (105, "818.4"), "新型城镇化": (128, "1345.8"), "现代基础设施": (66, "83.7"),
                "民生和社会事业": (54, "106.7"), "生态环保": (7, "25.8"),
            ]
            #expect(s.byCategory.count == published.count)
            for g in s.byCategory {
                let (count, yi) = try #require(published[g.name])
                #expect(g.projects == count, "\(g.name)")
                let want = try Money.parse(yi, unit: .yi).get()
                #expect(g.totalInvestment == want, "\(g.name)")
            }

            let levels = Dictionary(uniqueKeysWithValues: s.byLevel.map { ($0.name, $0.projects) })
            #expect(levels["省重点"] == 19)
            #expect(levels["市重点"] == 25)

            let zones = Dictionary(uniqueKeysWithValues: s.byZone.map { ($0.name, $0) })
            for (name, count, yi) in [("嵩山路科创产业发展轴", 20, 290), ("大学路健康服务及消费提质发展轴", 29, 425),
                                      ("京广路总部经济和特色商业发展轴", 19, 267)] {
                #expect(zones[name]?.projects == count, "\(name)")
                #expect(zones[name]?.totalInvestment == .yi(Int64(yi)), "\(name)")
            }

            let pools = s.pools.map { ($0.stage.rawValue, $0.projects, $0.totalInvestment) }
            let expected: [(String, Int, Money)] = [
                ("谋划", 64, try Money.parse("369.8", unit: .yi).get()), ("招引", 35, try Money.parse("194.4", unit: .yi).get()),
                ("签约", 9, try Money.parse("43.9", unit: .yi).get()), ("落地", 14, try Money.parse("10.1", unit: .yi).get()),
            ]
            #expect(pools.count == 4)
            for (got, want) in zip(pools, expected) {
                #expect(got.0 == want.0)
                #expect(got.1 == want.1, "\(want.0)")
                #expect(got.2 == want.2, "\(want.0)")
            }
        }
    }

    @Test func demoDataIsValidLedgerData() async throws {
        try await StoreDatabase.with(demo: true) { app in
            let d = try #require(try await DistrictModel.query(on: app.db).filter(\.$code == "erqi").first())
            let records = try await LedgerExportQuery.records(districtID: d.id!, year: 2023, on: app.db)
            let expectedRows = 360 + 64 + 35 + 9
            #expect(records.count == expectedRows)
            #expect(records.allSatisfy { $0.annualPlan == nil || $0.annualPlan! <= $0.totalInvestment })
            let codes = records.compactMap(\.creditCode)
            let valid = codes.filter { (try? CreditCode.validate($0).get()) != nil }
            #expect(!codes.isEmpty && valid.count == codes.count)
            // Every located project lies inside the district's extent.
            #expect(records.compactMap(\.latitude).allSatisfy { (34.55...34.78).contains($0) })
            #expect(records.compactMap(\.longitude).allSatisfy { (113.52...113.69).contains($0) })
        }
    }
}
