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

@Suite struct EnterpriseAPITests {
    func error(_ o: [String: Any]) -> [String: Any] { o["error"] as? [String: Any] ?? [:] }

    @Test func theDemoInvestorsAreRecordsAndDuplicatesAreCaughtAndMerged() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            // Every demo project with an investor points at an enterprise record.
            let unlinked = try await ProjectModel.query(on: app.db).filter(\.$investor != nil).filter(\.$enterpriseID == nil).count()
            #expect(unlinked == 0)
            let linked = try #require(try await ProjectModel.query(on: app.db).filter(\.$creditCode != nil).sort(\.$code).first())
            let (_, existing) = try await office.send(.GET, "/api/v1/enterprises/\(linked.enterpriseID!)")
            #expect(existing["creditCode"] as? String == linked.creditCode)
            #expect((existing["projects"] as? [[String: Any]])?.contains { $0["code"] as? String == linked.code } == true)

            let (dupCode, dupBody) = try await office.send(.POST, "/api/v1/enterprises", ["name": "另一家公司", "creditCode": linked.creditCode!])
            #expect(dupCode == .conflict)
            #expect(error(dupBody)["code"] as? String == "duplicate_credit_code")
            var bad = Array(linked.creditCode!)
            bad[17] = CreditCode.alphabet.first { $0 != bad[17] }!
            let (badCode, badBody) = try await office.send(.POST, "/api/v1/enterprises", ["name": "新公司", "creditCode": String(bad)])
            #expect(badCode == .unprocessableEntity)
            #expect(error(badBody)["field"] as? String == "creditCode")
            #expect((error(badBody)["message"] as? String)?.contains("校验位错误") == true)

            let spaced = linked.investor!.map(String.init).joined(separator: " ")
            let (sameName, sameBody) = try await office.send(.POST, "/api/v1/enterprises", ["name": spaced])
            #expect(sameName == .conflict)
            #expect(error(sameBody)["code"] as? String == "possible_duplicate")
            let (created, dup) = try await office.send(.POST, "/api/v1/enterprises", ["name": spaced, "confirmDuplicateName": true, "aboveScale": true])
            #expect(created == .created)
            let dupID = try #require(dup["id"] as? String)

            // The unit may register and edit, not merge.
            let unit = try await app.as(.unit, unit: "区住房城乡建设局")
            #expect(try await unit.send(.POST, "/api/v1/enterprises/\(dupID)/merge", ["into": linked.enterpriseID!.uuidString, "version": 1]).0 == .forbidden)
            #expect(try await office.send(.POST, "/api/v1/enterprises/\(dupID)/merge", ["into": dupID, "version": 1]).0 == .unprocessableEntity)
            let (merged, result) = try await office.send(.POST, "/api/v1/enterprises/\(dupID)/merge", ["into": linked.enterpriseID!.uuidString, "version": 1])
            #expect(merged == .ok)
            #expect(result["projectsMoved"] as? Int == 0)
            #expect(try await office.send(.GET, "/api/v1/enterprises/\(dupID)").1["mergedInto"] as? String == linked.enterpriseID!.uuidString)

            // The pages: the list searches, the record shows its projects.
            try await office.test(.GET, "/enterprises?q=\(linked.creditCode!)") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(linked.investor!))
            }
            try await office.test(.GET, "/enterprises/\(linked.enterpriseID!)") { res in
                #expect(res.body.string.contains(linked.code))
                #expect(res.body.string.contains("合并到另一家企业"))
            }
            try await office.test(.POST, "/enterprises", beforeRequest: { req in
                try req.content.encode(["name": "", "creditCode": "123"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("企业名称不能为空"))
            }
        }
    }
}
