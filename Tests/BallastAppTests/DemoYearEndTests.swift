@testable import BallastApp
@testable import BallastDemo
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The demo as of 2023-12-31: the first half exactly as in the mid-year demo, and a second half
/// that ends at the district's published year-end figures. Expected numbers are typed from
/// shared/DOMAIN.md and the seeds (亿元), not from the demo's code.
@Suite struct DemoYearEndTests {
    @Test func thePoolsConvertTo185ProjectsAnd1026YiAndStillReadAsAtMidYear() async throws {
        try await TestDatabase.withApp(demo: true, demoAsOf: .yearEnd) { app in
            let office = try await app.as(.office)
            // The district's clock stands at the year's end: the default day is 2023-12-31.
            let (status, yearEnd) = try await office.send(.GET, "/api/v1/pipeline?year=2023")
            #expect(status == .ok)
            #expect(yearEnd["asOf"] as? String == "2023-12-31")
            let pools = try #require(yearEnd["pools"] as? [[String: Any]])
            #expect(pools.compactMap { $0["projects"] as? Int }.reduce(0, +) == 185)
            let wan = pools.compactMap { $0["totalInvestment"] as? Double }.reduce(0, +)
            #expect(wan == 10_260_000)   // 1026亿 in 万元
            // Eight projects left the pools in the half-year, each with a reason from the district's list.
            let exits = try #require(yearEnd["exits"] as? [[String: Any]])
            #expect(exits.compactMap { $0["projects"] as? Int }.reduce(0, +) == 8)
            #expect(exits.allSatisfy { PoolMove.defaultExitReasons.contains($0["reason"] as? String ?? "") })

            // The projects that entered in the second half were given chains too.
            let (_, byChain) = try await office.send(.GET, "/api/v1/pipeline/breakdown?by=chain&year=2023")
            let chains = try #require(byChain["groups"] as? [[String: Any]])
            #expect(chains.count == 8 && chains.allSatisfy { ($0["name"] as? String)?.isEmpty == false })
            let perChain = chains.map { g in ((g["pools"] as? [[String: Any]]) ?? []).compactMap { $0["projects"] as? Int }.reduce(0, +) }
            #expect(perChain.reduce(0, +) == 185)

            // The same history still gives the mid-year pools exactly.
            let (_, midYear) = try await office.send(.GET, "/api/v1/pipeline?year=2023&asOf=2023-06-30")
            let mid = try #require(midYear["pools"] as? [[String: Any]])
            #expect(mid.map { $0["projects"] as? Int } == [64, 35, 9, 14])
            #expect(mid.map { $0["totalInvestment"] as? Double } == [3_698_000, 1_944_000, 439_000, 101_000])

            // Every move of the second half is in the history with its evidence and in the audit.
            let d = try #require(try await DistrictModel.query(on: app.db).filter(\.$code == "erqi").first())
            let secondHalf = try await StageChangeModel.query(on: app.db).filter(\.$effectiveOn > "2023-06-30").all()
            let moves = secondHalf.filter { $0.fromStage != nil }
            // 42 into 招引, 33 into 签约, 14 into 落地, 8 exits: the demo's split of the year-end figure.
            let split = 42 + 33 + 14 + 8
            #expect(moves.count == split)
            #expect(moves.allSatisfy { $0.evidence != nil })
            let audited = try await AuditEntryModel.query(on: app.db).filter(\.$districtID == d.id!)
                .filter(\.$entity == "project").all().filter { $0.summary?.contains(" → ") == true && $0.summary?.contains("（2023-") == true }
            #expect(audited.count == moves.count)
        }
    }

    @Test func theReportsReachThePublishedNovemberFigureOnTheUnchangedFirstHalf() async throws {
        try await TestDatabase.withApp(demo: true, demoAsOf: .yearEnd) { app in
            let d = try #require(try await DistrictModel.query(on: app.db).filter(\.$code == "erqi").first())
            func summary(_ month: Int, _ day: Int) async throws -> YearSummary {
                try await SummaryQuery.run(districtID: d.id!, year: 2023, asOf: CalendarDate(year: 2023, month: month, day: day)!, on: app.db)
            }
            #expect(try await summary(6, 30).completed == .yi(103))                                   // 上半年 103亿
            #expect(try await summary(11, 30).completed == (try Money.parse("253.4", unit: .yi).get())) // 1~11月 253.4亿
            let year = try await summary(12, 31)
            #expect(year.completed > (try Money.parse("253.4", unit: .yi).get()) && year.completed < year.annualPlan)
            // The year-end lights are a mix, every colour present, over the whole portfolio.
            #expect(year.colours.values.reduce(0, +) == 360)
            #expect(WarningColour.allCases.allSatisfy { (year.colours[$0] ?? 0) > 0 }, "\(year.colours)")
            // The campaign's totals do not depend on the day.
            let entries = try await CampaignEntryModel.query(on: app.db).filter(\.$districtID == d.id!).all()
            #expect(entries.count == 81)
            #expect(entries.reduce(Int64(0)) { $0 + $1.investment } == (try Money.parse("559.5", unit: .yi).get()).yuan)
        }
    }

    @Test func thePromotionReachesTheYearsPublishedFiguresWithEverySigningInThePools() async throws {
        try await TestDatabase.withApp(demo: true, demoAsOf: .yearEnd) { app in
            let office = try await app.as(.office)
            // Erqi, 2023 (seeds, 2024 work report): 1000余条 leads, 400多家 enterprises, 领导带队14次,
            // 小分队40次, 洽谈73个, 新签约46个、签约额258亿元.
            let (status, year) = try await office.send(.GET, "/api/v1/promotion?from=2023-01-01&to=2023-12-31")
            #expect(status == .ok)
            #expect((1_000..<1_100).contains(year["leads"] as? Int ?? 0))
            #expect((400..<500).contains(year["enterprisesContacted"] as? Int ?? 0))
            #expect(year["leaderTrips"] as? Int == 14 && year["teamTrips"] as? Int == 40)
            #expect(year["negotiated"] as? Int == 73)
            #expect(year["signed"] as? Int == 46)
            #expect(year["signedAmount"] as? Double == 2_580_000)
            // The first half is the mid-year demo's: 530 leads, 220 enterprises, 13 signed.
            let (_, h1) = try await office.send(.GET, "/api/v1/promotion?from=2023-01-01&to=2023-06-30")
            #expect(h1["leads"] as? Int == 530 && h1["enterprisesContacted"] as? Int == 220 && h1["signed"] as? Int == 13)
            // Every signing of the year is a project that entered 签约库 that day, with the lead's
            // enterprise, and a contract no larger than the project's investment.
            let signed = try await LeadModel.query(on: app.db).filter(\.$status == "签约").all()
            #expect(signed.count == 46)
            for lead in signed {
                let p = try #require(try await ProjectModel.find(try #require(lead.projectID), on: app.db))
                #expect(p.enterpriseID == lead.enterpriseID)
                #expect([LifecycleStage.signed, .landed].contains(p.lifecycleStage))
                #expect((lead.contractAmount ?? 0) > 0 && (lead.contractAmount ?? 0) <= p.totalInvestment)
                let step = try await StageChangeModel.query(on: app.db).filter(\.$project.$id == p.id!).filter(\.$toStage == "签约").first()
                #expect(step?.effectiveOn == lead.signedOn)
            }
        }
    }

    @Test func amountsAreSettledWithinTheirBoundsAndSpreadWithoutLoss() {
        var a: [String: Int64] = ["x": 500, "y": 2_000, "z": 0]
        // +2 600 over x and y in turns of at most 1 000, x never above 900: x +400, y +1 000, y +1 000, y +200.
        #expect(DemoAmounts.settle(&a, to: 5_100, over: ["x", "y"], ceiling: { $0 == "x" ? 900 : .max }))
        #expect(a == ["x": 900, "y": 4_200, "z": 0])
        // Down below what the floors allow: refused, every code left at its floor.
        #expect(!DemoAmounts.settle(&a, to: 100, over: ["x", "y"], floor: { _ in 300 }))
        #expect(a["x"] == 300 && a["y"] == 300)
        #expect(DemoAmounts.spread(10, over: [1, 1, 1]) == [3, 3, 4])
        #expect(DemoAmounts.spread(0, over: [2, 3]) == [0, 0])
    }

    @Test func anyOtherDayIsRefusedNamingTheFlag() throws {
        #expect(try DemoSnapshot.parse(flag: nil) == .midYear)
        #expect(try DemoSnapshot.parse(flag: " 2023-12-31 ") == .yearEnd)
        for bad in ["2023-09-30", "2023-13-01", "年末"] {
            #expect {
                try DemoSnapshot.parse(flag: bad)
            } throws: { error in
                let text = String(describing: error)
                return text.contains("--as-of") && text.contains(bad) && text.contains("2023-06-30")
            }
        }
    }
}
