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

@Suite struct LeadsAPITests {
    @Test func theDemoReproducesH1PromotionAndASigningCreatesTheProjectInTheSignedPool() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            // Erqi, H1 2023 (shared/DOMAIN.md): 530 leads, 220 enterprises contacted, 13 signed.
            let (status, h1) = try await office.send(.GET, "/api/v1/promotion?from=2023-01-01&to=2023-06-30")
            #expect(status == .ok)
            #expect(h1["leads"] as? Int == 530)
            #expect(h1["enterprisesContacted"] as? Int == 220)
            #expect(h1["signed"] as? Int == 13)
            #expect(h1["leaderTrips"] as? Int == 7 && h1["teamTrips"] as? Int == 20)
            // Every signed lead points at a project now in 签约库 or beyond, with the same enterprise.
            for lead in try await LeadModel.query(on: app.db).filter(\.$status == "签约").all() {
                let p = try #require(try await ProjectModel.find(try #require(lead.projectID), on: app.db))
                #expect(p.enterpriseID == lead.enterpriseID)
                #expect([LifecycleStage.signed, .landed].contains(p.lifecycleStage))
                // Its pool history has it entering 签约库 the day the lead was signed.
                let step = try await StageChangeModel.query(on: app.db).filter(\.$project.$id == p.id!).filter(\.$toStage == "签约").first()
                #expect(step?.effectiveOn == lead.signedOn)
            }
            let (_, pools) = try await office.send(.GET, "/api/v1/pipeline?year=2023&asOf=2023-06-30")
            #expect((pools["pools"] as? [[String: Any]])?.map { $0["projects"] as? Int } == [64, 35, 9, 14])

            // A negotiating lead: signing without day or amount is refused naming both; then signed.
            let lead = try #require(try await LeadModel.query(on: app.db).filter(\.$status == "洽谈").sort(\.$title).first())
            let missing = try await office.send(.POST, "/api/v1/leads/\(lead.id!)/status", ["to": "签约", "version": lead.version])
            #expect(missing.0 == .unprocessableEntity)
            #expect(((missing.1["error"] as? [String: Any])?["issues"] as? [[String: Any]])?.compactMap { $0["column"] as? String } == ["signedOn", "contractAmount"])
            let (signed, detail) = try await office.send(.POST, "/api/v1/leads/\(lead.id!)/status",
                                                         ["to": "签约", "version": lead.version, "signedOn": "2023-06-28", "contractAmount": "52000"])
            #expect(signed == .ok)
            let code = try #require(detail["projectCode"] as? String)
            #expect(code == "ZS2023-001")
            let project = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == code).first())
            #expect(project.lifecycleStage == .signed)
            #expect(project.total == .wan(52000))
            #expect(project.enterpriseID == lead.enterpriseID)
            let step = try #require(try await StageChangeModel.query(on: app.db).filter(\.$project.$id == project.id!).first())
            #expect(step.effectiveOn == "2023-06-28")
            #expect(step.evidence?.contains("\"contractAmount\"") == true)
            let (_, after) = try await office.send(.GET, "/api/v1/pipeline?year=2023&asOf=2023-06-30")
            #expect((after["pools"] as? [[String: Any]])?.map { $0["projects"] as? Int } == [64, 35, 10, 14])
            let (_, h1After) = try await office.send(.GET, "/api/v1/promotion?from=2023-01-01&to=2023-06-30")
            #expect(h1After["signed"] as? Int == 14)
            // A signed lead is final.
            let final = try await office.send(.POST, "/api/v1/leads/\(lead.id!)/status", ["to": "放弃", "reason": "x", "version": lead.version + 1])
            #expect(final.0 == .unprocessableEntity)
            #expect((final.1["error"] as? [String: Any])?["field"] as? String == "to")

            try await office.test(.GET, "/leads") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("收集线索"))
            }
            try await office.test(.GET, "/leads/\(lead.id!)") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(code))
            }
        }
    }

    @Test func leadsAreRefusedClearlyAndTwoPeopleCannotMoveTheSameLeadAtOnce() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let bad = try await office.send(.POST, "/api/v1/leads", ["title": "新能源项目", "enterprise": "深圳某新能源有限公司", "creditCode": "91440300MA5F0XXX1A",
                                                                     "source": "展会推介", "unit": "区商务局", "collectedOn": "2023-06-01"])
            #expect(bad.0 == .unprocessableEntity)
            #expect((bad.1["error"] as? [String: Any])?["field"] as? String == "creditCode")
            let before = try await LeadModel.query(on: app.db).count()
            let (created, lead) = try await office.send(.POST, "/api/v1/leads", ["title": "新能源项目", "enterprise": "深圳某新能源有限公司", "source": "展会推介",
                                                                                 "unit": "区商务局", "collectedOn": "2023-06-01", "intendedInvestment": "30000"])
            #expect(created == .created)
            #expect(try await LeadModel.query(on: app.db).count() == before + 1)
            let id = try #require((lead["lead"] as? [String: Any])?["id"] as? String)
            // Two people move it from the same version: one wins, the other gets 409, one step recorded.
            async let a = office.send(.POST, "/api/v1/leads/\(id)/status", ["to": "接洽", "version": 1])
            async let b = office.send(.POST, "/api/v1/leads/\(id)/status", ["to": "考察", "version": 1])
            let statuses = try await [a.0, b.0].map(\.code).sorted()
            #expect(statuses == [200, 409])
            #expect(try await LeadStepModel.query(on: app.db).filter(\.$leadID == UUID(uuidString: id)!).count() == 2)
            // Contacts: who and what are required; the figures count the enterprise contacted.
            #expect(try await office.send(.POST, "/api/v1/leads/\(id)/contacts", ["on": "2023-06-02", "who": "", "what": ""]).0 == .unprocessableEntity)
            #expect(try await office.send(.POST, "/api/v1/leads/\(id)/contacts", ["on": "2023-06-02", "who": "张伟", "what": "电话对接"]).0 == .created)
            let (_, h1) = try await office.send(.GET, "/api/v1/promotion?from=2023-01-01&to=2023-06-30")
            #expect(h1["enterprisesContacted"] as? Int == 221)

            // A unit sees and registers its own leads only.
            let unit = try await app.as(.unit, unit: "区教育局")
            #expect(try await unit.send(.GET, "/api/v1/leads/\(id)").0 == .notFound)
            #expect(try await unit.send(.POST, "/api/v1/leads", ["title": "x", "enterprise": "y公司", "source": "其他", "unit": "区商务局"]).0 == .unprocessableEntity)
            #expect((try await unit.send(.GET, "/api/v1/leads").1["total"] as? Int) == 0)

            // An import with one bad row stores nothing; a good one stores every row.
            let header = "线索名称,企业名称,统一社会信用代码,来源,责任单位,收集日期\n"
            let rows = "智能装备项目,苏州某装备有限公司,,展会推介,区商务局,2023-05-01\n芯片项目,上海某芯片有限公司,,以商招商,不存在的局,2023-05-02\n"
            let (refused, report) = try await office.upload("/api/v1/leads/import", fileName: "leads.csv", header + rows)
            #expect(refused == .unprocessableEntity)
            #expect((report["issues"] as? [[String: Any]])?.map { "\($0["row"] as? Int ?? 0) \($0["column"] as? String ?? "")" } == ["3 责任单位"])
            #expect(try await LeadModel.query(on: app.db).count() == before + 1)
            let (ok, done) = try await office.upload("/api/v1/leads/import", fileName: "leads.csv", header + rows.replacingOccurrences(of: "不存在的局", with: "区商务局"))
            #expect(ok == .ok)
            #expect(done["created"] as? Int == 2)
            #expect(try await LeadModel.query(on: app.db).count() == before + 3)
        }
    }

    @Test func aTripRecordsItsVisitsOnceEachAndCountsInTheFigures() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (_, h1) = try await office.send(.GET, "/api/v1/promotion?from=2023-01-01&to=2023-06-30")
            let (created, _) = try await office.send(.POST, "/api/v1/trips", ["kind": "领导带队", "startedOn": "2023-06-10", "endedOn": "2023-06-12", "ledBy": "王立新",
                                                                              "destinations": "深圳、东莞", "enterprises": ["东莞某电子有限公司", "东莞某电子有限公司", "惠州某能源有限公司"]])
            #expect(created == .created)
            let (_, after) = try await office.send(.GET, "/api/v1/promotion?from=2023-01-01&to=2023-06-30")
            #expect(after["leaderTrips"] as? Int == (h1["leaderTrips"] as? Int ?? 0) + 1)
            #expect(after["enterprisesContacted"] as? Int == (h1["enterprisesContacted"] as? Int ?? 0) + 2)
            let backwards = try await office.send(.POST, "/api/v1/trips", ["kind": "小分队", "startedOn": "2023-06-10", "endedOn": "2023-06-01", "ledBy": "x", "destinations": "y"])
            #expect((backwards.1["error"] as? [String: Any])?["field"] as? String == "endedOn")
            #expect(try await app.as(.unit, unit: "区商务局").send(.POST, "/api/v1/trips", ["kind": "小分队", "startedOn": "2023-06-10", "ledBy": "x", "destinations": "y"]).0 == .forbidden)
        }
    }
}
