@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct PipelineAPITests {
    @Test func poolsFromTheHistoryMatchTheSummaryAndMovesFollowTheRules() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (_, summary) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=2023-06-30")
            let (status, figures) = try await office.send(.GET, "/api/v1/pipeline?year=2023&asOf=2023-06-30")
            #expect(status == .ok)
            let pools = try #require(figures["pools"] as? [[String: Any]])
            let summaryPools = try #require(summary["pools"] as? [[String: Any]])
            #expect(pools.map { $0["projects"] as? Int } == summaryPools.map { $0["projects"] as? Int })
            #expect(pools.map { $0["projects"] as? Int } == [64, 35, 9, 14])   // Erqi, mid-2023

            // A 谋划 project of a unit: the unit takes it to 招引 with an investor, but may not skip to 签约.
            let project = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == "谋划").sort(\.$code).first())
            let unitName = try #require(try await ReferenceEntryModel.find(project.$unit.id, on: app.db)).name
            let unit = try await app.as(.unit, unit: unitName)
            let skip = try await unit.send(.POST, "/api/v1/projects/\(project.id!)/pool",
                                      ["to": "签约", "version": project.version, "investor": "郑州宇通科技有限公司", "signedOn": "2023-06-01", "contractAmount": "5000"])
            #expect(skip.0 == .unprocessableEntity)
            #expect((skip.1["error"] as? [String: Any])?["code"] as? String == "office_only")
            let missing = try await unit.send(.POST, "/api/v1/projects/\(project.id!)/pool", ["to": "招引", "version": project.version])
            #expect((missing.1["error"] as? [String: Any])?["field"] as? String == "investor")
            let (moved, result) = try await unit.send(.POST, "/api/v1/projects/\(project.id!)/pool",
                                                 ["to": "招引", "version": project.version, "investor": "郑州宇通科技有限公司", "on": "2023-06-20"])
            #expect(moved == .ok)
            #expect(result["stage"] as? String == "招引")
            let (_, after) = try await office.send(.GET, "/api/v1/pipeline?year=2023&asOf=2023-06-30")
            #expect((after["pools"] as? [[String: Any]])?.map { $0["projects"] as? Int } == [63, 36, 9, 14])
            // The day before the move, the history still says 谋划.
            // Per unit and per chain, the same pools add up; the demo's pool projects each have a chain.
            for by in ["unit", "chain"] {
                let (_, b) = try await office.send(.GET, "/api/v1/pipeline/breakdown?by=\(by)&year=2023&asOf=2023-06-30")
                let groups = try #require(b["groups"] as? [[String: Any]])
                let sums = (0..<4).map { i in groups.reduce(0) { $0 + ((($1["pools"] as? [[String: Any]])?[i]["projects"] as? Int) ?? 0) } }
                #expect(sums == [63, 36, 9, 14], "\(by)")
                if by == "chain" { #expect(groups.count == 8 && groups.allSatisfy { ($0["name"] as? String)?.isEmpty == false }) }
            }
            #expect(try await office.send(.GET, "/api/v1/pipeline/breakdown?by=zone").0 == .badRequest)
            let (_, before) = try await office.send(.GET, "/api/v1/pipeline?year=2023&asOf=2023-06-19")
            #expect((before["pools"] as? [[String: Any]])?.map { $0["projects"] as? Int } == [64, 35, 9, 14])

            // Cohorts, checked against the history counted by hand: the demo's 招引 and 签约 projects
            // entered 招引 during H1 (the signed ones before their lead's signing); the move above is Q2's.
            let into = try await StageChangeModel.query(on: app.db).filter(\.$toStage == "招引").all()
            let signedIDs = Set(try await StageChangeModel.query(on: app.db).filter(\.$toStage == "签约").all().map(\.$project.id))
            let q1IDs = Set(into.filter { $0.effectiveOn <= "2023-03-31" }.map(\.$project.id))
            let (_, q1) = try await office.send(.GET, "/api/v1/pipeline/cohort?pool=招引&quarter=2023-Q1&asOf=2023-06-30")
            let cohort = try #require(q1["cohort"] as? [String: Any])
            #expect(cohort["projects"] as? Int == q1IDs.count)
            #expect((cohort["reached"] as? [String: Int])?["签约"] == q1IDs.intersection(signedIDs).count)
            #expect(cohort["stillIn"] as? Int == q1IDs.subtracting(signedIDs).count)
            #expect(q1IDs.count > 0 && !q1IDs.intersection(signedIDs).isEmpty)
            let (_, q2) = try await office.send(.GET, "/api/v1/pipeline/cohort?pool=招引&quarter=2023-Q2&asOf=2023-06-30")
            #expect((q2["cohort"] as? [String: Any])?["projects"] as? Int == Set(into.filter { $0.effectiveOn > "2023-03-31" }.map(\.$project.id)).count)
            #expect((q2["byUnit"] as? [[String: Any]])?.contains { $0["unit"] as? String == unitName } == true)
            #expect(try await office.send(.GET, "/api/v1/pipeline/cohort?quarter=2023-Q5").0 == .badRequest)
            #expect(try await office.send(.GET, "/api/v1/pipeline/cohort?pool=在建").0 == .badRequest)

            // Targets: the office only, any pool name, whole numbers.
            #expect(try await unit.send(.PUT, "/api/v1/pipeline/targets", ["year": 2023, "targets": ["谋划": 218]]).0 == .forbidden)
            #expect(try await office.send(.PUT, "/api/v1/pipeline/targets", ["year": 2023, "targets": ["在建": 5]]).0 == .badRequest)
            let (_, set) = try await office.send(.PUT, "/api/v1/pipeline/targets",
                                          ["year": 2023, "targets": ["谋划": 218, "招引": 173, "签约": 137, "落地": 107]])
            #expect((set["pools"] as? [[String: Any]])?.map { $0["target"] as? Int } == [218, 173, 137, 107])

            try await office.test(.GET, "/pipeline?year=2023") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("本年入库"))
                #expect(res.body.string.contains("目标 218"))
                #expect(res.body.string.contains("进入招引库的项目"))
                #expect(res.body.string.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"funnel\""))
            }
            // The funnel's drill-down: the ledger filtered to the pool lists the pool's projects.
            let conceived = "谋划".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let inPool = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == "谋划").sort(\.$code).first())
            let elsewhere = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == "在建").sort(\.$code).first())
            try await office.test(.GET, "/projects?stage=\(conceived)&year=") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(inPool.code))
                #expect(!res.body.string.contains(elsewhere.code))
            }
            try await unit.test(.GET, "/projects/\(project.id!)") { res in
                #expect(res.body.string.contains("四库流转（当前：招引）"))
            }
        }
    }
}
