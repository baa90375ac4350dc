@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// People appear by display name and unit (issue 23), not by the username a record keeps.
@Suite struct DisplayNameTests {
    @Test func theProblemPageAndTheAuditNameThePersonAndTheUnit() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try await ProblemsAPITests.commerceProject(app)
            let clerk = try await app.signedIn(as: [.unit], unit: "区商务局", username: "zhang.s")
            try await UserModel.query(on: app.db).filter(\.$username == "zhang.s").set(\.$displayName, to: "张三").update()
            var location = ""
            try await clerk.test(.POST, "/problems", beforeRequest: { req in
                try req.content.encode(["projectCode": project.code, "category": "水电气暖", "title": "供水未通", "description": "待水务"],
                                       as: .urlEncodedForm)
            }) { res in location = res.headers.first(name: .location) ?? "" }
            let office = try await app.as(.office)
            try await office.test(.GET, location) { res in
                #expect(res.body.string.contains("张三（区商务局）"))
            }
            try await office.test(.GET, "/audit?actor=zhang.s") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("张三（区商务局）"))
            }
        }
    }

    @Test func aNoticeSaysWhoAcknowledgedItByName() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let clerk = try await app.signedIn(as: [.unit], unit: "区商务局", username: "li.s")
            try await UserModel.query(on: app.db).filter(\.$username == "li.s").set(\.$displayName, to: "李四").update()
            let supervision = try await app.as(.supervision)
            let (issued, notice) = try await supervision.send(.POST, "/api/v1/notices", ["unit": "区商务局", "item": "6月月报逾期未报送", "newDeadline": "2023-07-05"])
            #expect(issued == .created)
            let id = try #require(notice["id"] as? String)
            #expect(try await clerk.send(.POST, "/api/v1/notices/\(id)/acknowledge", ["version": 1]).0 == .ok)
            try await supervision.test(.GET, "/notices/\(id)") { res in
                #expect(res.body.string.contains("李四（区商务局）"))
                #expect(!res.body.string.contains("由 li.s"))
            }
        }
    }

    @Test func namesThatAreNotAccountsStayAsRecorded() {
        let people = People(["office": "张科长（区发展改革委）"])
        #expect(people.name("office") == "张科长（区发展改革委）")
        #expect(people.name("system") == "system")
        #expect(people.name(nil) == "")
    }
}
