import BallastApp
import BallastTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct APITests {
    /// Sets a JSON body built from a dictionary, as a client in another language would send it.
    func jsonBody(_ object: [String: Any]) -> (inout TestingHTTPRequest) throws -> Void {
        { req in
            req.headers.contentType = .json
            req.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
        }
    }

    func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
    }

    @Test func summaryHasTheFieldsOtherSystemsRead() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await app.as(.office).test(.GET, "api/v1/summary?year=2023&asOf=2023-06-30") { res in
                #expect(res.status == .ok)
                let body = try json(res)
                #expect(body["year"] as? Int == 2023)
                #expect(body["asOf"] as? String == "2023-06-30")
                #expect(body["projects"] as? Int == 360)
                #expect(body["totalInvestment"] as? Double == 23_804_000)
                #expect(body["annualPlan"] as? Double == 3_500_000)
                // 103亿 year to date: the demo's January–June reports.
                #expect(body["completed"] as? Double == 1_030_000)
                let colours = try #require(body["colours"] as? [String: Int])
                #expect(Set(colours.keys) == ["red", "yellow", "blue", "green"])
                #expect(colours.values.reduce(0, +) == 360)
                for key in ["byCategory", "byLevel", "byZone", "byUnit"] {
                    let groups = try #require(body[key] as? [[String: Any]], "\(key)")
                    #expect(!groups.isEmpty)
                    #expect(groups.allSatisfy { Set($0.keys).isSuperset(of: ["name", "projects", "totalInvestment", "annualPlan", "completed"]) })
                }
                let pools = try #require(body["pools"] as? [[String: Any]])
                #expect(pools.map { $0["stage"] as? String } == ["谋划", "招引", "签约", "落地"])
            }
        }
    }

    @Test func badParametersAreNamedInTheRequestsLanguage() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await app.as(.office).test(.GET, "api/v1/summary?year=abc") { res in
                #expect(res.status == .badRequest)
                let error = try #require(try json(res)["error"] as? [String: Any])
                #expect(error["field"] as? String == "year")
                #expect((error["message"] as? String)?.contains("年份") == true)
            }
            try await app.as(.office).test(.GET, "api/v1/projects?sort=price&lang=en") { res in
                #expect(res.status == .badRequest)
                let error = try #require(try json(res)["error"] as? [String: Any])
                #expect(error["field"] as? String == "sort")
                #expect((error["message"] as? String)?.hasPrefix("Unknown sort") == true)
            }
        }
    }

    @Test func createReadUpdateDeleteWithVersions() async throws {
        try await TestDatabase.withApp { app in
            let body: [String: Any] = ["year": 2023, "code": "N-1", "name": "新项目", "category": "产业转型发展", "level": "区重点",
                                       "unit": "区商务局", "stage": "签约", "totalInvestment": 12345.67, "annualPlan": 100]
            var id = ""
            try await app.as(.office).test(.POST, "api/v1/projects", beforeRequest: jsonBody(body)) { res in
                #expect(res.status == .created)
                let project = try #require(try json(res)["project"] as? [String: Any])
                id = try #require(project["id"] as? String)
                #expect(project["version"] as? Int == 1)
                #expect(project["totalInvestment"] as? Double == 12345.67)
            }
            var update = body
            update["name"] = "改名后的项目"
            update["version"] = 1
            try await app.as(.office).test(.PUT, "api/v1/projects/\(id)", beforeRequest: jsonBody(update)) { res in
                #expect(res.status == .ok)
                let project = try #require(try json(res)["project"] as? [String: Any])
                #expect(project["version"] as? Int == 2)
                #expect(project["name"] as? String == "改名后的项目")
            }
            // The same stale version again: refused, nothing overwritten.
            update["name"] = "过期的修改"
            try await app.as(.office).test(.PUT, "api/v1/projects/\(id)", beforeRequest: jsonBody(update)) { res in
                #expect(res.status == .conflict)
                let error = try #require(try json(res)["error"] as? [String: Any])
                #expect(error["code"] as? String == "version_conflict")
                #expect(error["field"] as? String == "version")
            }
            try await app.as(.office).test(.GET, "api/v1/projects/\(id)") { res in
                let project = try #require(try json(res)["project"] as? [String: Any])
                #expect(project["name"] as? String == "改名后的项目")
            }
            try await app.as(.office).test(.DELETE, "api/v1/projects/\(id)?version=1") { res in
                #expect(res.status == .conflict)
            }
            try await app.as(.office).test(.DELETE, "api/v1/projects/\(id)?version=2") { res in
                #expect(res.status == .noContent)
            }
            try await app.as(.office).test(.GET, "api/v1/projects/\(id)") { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test func invalidBodyNamesTheField() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let body: [String: Any] = ["code": "N-2", "name": "坏数据", "category": "产业转型发展", "level": "区重点",
                                       "unit": "区商务局", "stage": "在建", "totalInvestment": 100, "annualPlan": 500,
                                       "creditCode": "91350100M000100Y44"]
            try await app.as(.office).test(.POST, "api/v1/projects", beforeRequest: jsonBody(body)) { res in
                #expect(res.status == .unprocessableEntity)
                let error = try #require(try json(res)["error"] as? [String: Any])
                let issues = try #require(error["issues"] as? [[String: Any]])
                #expect(Set(issues.compactMap { $0["column"] as? String }) == ["年度计划投资", "统一社会信用代码"])
            }
            let code = "EQ2023-0001"
            let dup: [String: Any] = ["code": code, "name": "重复", "category": "生态环保", "level": "区重点", "unit": "区商务局",
                                      "stage": "在建", "totalInvestment": 1]
            try await app.as(.office).test(.POST, "api/v1/projects", beforeRequest: jsonBody(dup)) { res in
                #expect(res.status == .conflict)
                let error = try json(res)["error"] as? [String: Any]
                #expect(error?["field"] as? String == "code")
            }
        }
    }

    @Test func listFiltersAndPagesLikeThePage() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await app.as(.office).test(.GET, "api/v1/projects?year=2023&category=%E7%94%9F%E6%80%81%E7%8E%AF%E4%BF%9D&perPage=5") { res in
                #expect(res.status == .ok)
                let body = try json(res)
                #expect(body["total"] as? Int == 7)
                #expect((body["items"] as? [[String: Any]])?.count == 5)
            }
            try await app.as(.office).test(.GET, "api/v1/projects?perPage=500") { res in
                #expect(res.status == .badRequest)
            }
        }
    }
}
