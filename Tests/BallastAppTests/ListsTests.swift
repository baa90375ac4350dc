import BallastApp
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct ListsTests {
    struct Rename: Content { var name: String; var version: Int }

    func entries(_ app: Application, _ path: String) async throws -> [[String: Any]] {
        var out: [[String: Any]] = []
        try await app.as(.office).test(.GET, path) { res in
            #expect(res.status == .ok)
            out = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]] ?? []
        }
        return out
    }

    @Test func renamingAZoneRenamesItEverywhere() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let zones = try await entries(app, "api/v1/lists/zone?year=2023")
            #expect(zones.count == 6)
            let axis = try #require(zones.first { ($0["name"] as? String) == "嵩山路科创产业发展轴" })
            let id = try #require(axis["id"] as? String)
            try await app.as(.office).test(.PUT, "api/v1/lists/zone/\(id)", beforeRequest: { req in
                try req.content.encode(Rename(name: "嵩山路科创轴", version: 1), as: .json)
            }) { res in #expect(res.status == .noContent) }
            try await app.as(.office).test(.GET, "api/v1/summary?year=2023") { res in
                #expect(res.body.string.contains("嵩山路科创轴"))
                #expect(!res.body.string.contains("嵩山路科创产业发展轴"))
            }
            // A second rename from the same old version loses.
            try await app.as(.office).test(.PUT, "api/v1/lists/zone/\(id)", beforeRequest: { req in
                try req.content.encode(Rename(name: "别的名字", version: 1), as: .json)
            }) { res in #expect(res.status == .conflict) }
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entityID == UUID(uuidString: id)).count() == 1)
        }
    }

    @Test func entriesInUseCannotBeDeletedAndNamesAreUnique() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let units = try await entries(app, "api/v1/lists/unit")
            let used = try #require(units.first { ($0["name"] as? String) == "区发展改革委" }?["id"] as? String)
            try await app.as(.office).test(.DELETE, "api/v1/lists/unit/\(used)?version=1") { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("in_use"))
            }
            try await app.as(.office).test(.POST, "api/v1/lists/unit", beforeRequest: { req in
                try req.content.encode(["name": "区发展改革委"], as: .json)
            }) { res in #expect(res.status == .conflict) }
            var newID = ""
            try await app.as(.office).test(.POST, "api/v1/lists/chain", beforeRequest: { req in
                try req.content.encode(["name": "航空航天"], as: .json)
            }) { res in
                #expect(res.status == .created)
                newID = (try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])?["id"] as? String ?? ""
            }
            try await app.as(.office).test(.DELETE, "api/v1/lists/chain/\(newID)?version=1") { res in
                #expect(res.status == .noContent)
            }
            try await app.as(.office).test(.GET, "api/v1/lists/planets") { res in #expect(res.status == .notFound) }
        }
    }

    @Test func theListPageAddsAndReportsErrors() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await app.as(.office).test(.POST, "/lists/category/new?year=2023", beforeRequest: { req in
                try req.content.encode(["name": "新型城镇化"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("已存在"))
            }
            try await app.as(.office).test(.POST, "/lists/category/new?year=2023", beforeRequest: { req in
                try req.content.encode(["name": "数字经济"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("数字经济"))
            }
        }
    }
}
