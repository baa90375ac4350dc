@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Issue 29: answers kept by the district's data version. A change through one instance is read
/// at once through another, an unchanged answer is a 304, and a scope never sees another's answer.
@Suite struct DataVersionTests {
    struct Answer { var status: HTTPStatus; var etag: String?; var body: [String: Any]; var text: String }

    func get(_ client: TestClient, _ path: String, ifNoneMatch: String? = nil) async throws -> Answer {
        var out = Answer(status: .ok, etag: nil, body: [:], text: "")
        try await client.test(.GET, path, beforeRequest: { req in
            if let ifNoneMatch { req.headers.replaceOrAdd(name: .ifNoneMatch, value: ifNoneMatch) }
        }) { res in
            out = Answer(status: res.status, etag: res.headers.first(name: .eTag), body: jsonObject(res), text: res.body.string)
        }
        return out
    }

    static var project: [String: Any] { ["year": 2023, "code": "V-1", "name": "版本测试项目", "category": "产业转型发展", "level": "区重点",
                                         "unit": "区商务局", "stage": "签约", "totalInvestment": 10000, "annualPlan": 100] }

    @Test func aChangeThroughOneInstanceIsReadAtOnceThroughAnother() async throws {
        try await TestDatabase.withTwoApps { a, b in
            let onA = try await a.as(.office)
            let onB = onA.on(b)
            let (created, body) = try await onA.send(.POST, "/api/v1/projects", Self.project)
            #expect(created == .created)
            let id = try #require((body["project"] as? [String: Any])?["id"] as? String)
            let summary = "/api/v1/summary?year=2023", list = "/api/v1/projects?year=2023", page = "/projects?year=2023"
            let before = try await get(onB, summary)
            #expect(before.status == .ok && before.body["totalInvestment"] as? Double == 10000)
            let beforeTag = try #require(before.etag)
            // Asked again with the tag: nothing changed, nothing sent.
            let same = try await get(onB, summary, ifNoneMatch: beforeTag)
            #expect(same.status == .notModified && same.text.isEmpty && same.etag == beforeTag)
            let listBefore = try await get(onB, list)
            #expect(listBefore.body["total"] as? Int == 1)
            let pageBefore = try await get(onB, page)
            #expect(pageBefore.status == .ok && pageBefore.text.contains("版本测试项目"))

            // Changed through A: B's next read is the new figure, and the old tag no longer matches.
            var update = Self.project
            update["version"] = 1; update["totalInvestment"] = 25000; update["name"] = "改名的版本测试项目"
            let (updated, _) = try await onA.send(.PUT, "/api/v1/projects/\(id)", update)
            #expect(updated == .ok)
            let after = try await get(onB, summary, ifNoneMatch: beforeTag)
            #expect(after.status == .ok && after.body["totalInvestment"] as? Double == 25000)
            #expect(after.etag != nil && after.etag != beforeTag)
            let listAfter = try await get(onB, list, ifNoneMatch: listBefore.etag)
            let items = try #require(listAfter.body["items"] as? [[String: Any]])
            #expect(listAfter.status == .ok && items.first?["name"] as? String == "改名的版本测试项目")
            let pageAfter = try await get(onB, page, ifNoneMatch: pageBefore.etag)
            #expect(pageAfter.status == .ok && pageAfter.text.contains("改名的版本测试项目"))

            // A second project, and a delete, through A: each read through B at once.
            var second = Self.project
            second["code"] = "V-2"; second["name"] = "第二个项目"
            #expect(try await onA.send(.POST, "/api/v1/projects", second).0 == .created)
            #expect(try await get(onB, list).body["total"] as? Int == 2)
            #expect(try await onA.send(.DELETE, "/api/v1/projects/\(id)?version=2").0 == .noContent)
            #expect(try await get(onB, list).body["total"] as? Int == 1)
            #expect(try await get(onB, summary).body["totalInvestment"] as? Double == 10000)
        }
    }

    @Test func aUnitNeverGetsTheOfficesAnswerForTheSameAddress() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let unit = try await app.as(.unit, unit: "区住房城乡建设局")
            let path = "/api/v1/projects?year=2023&perPage=5"
            let all = try await get(office, path)
            let own = try await get(unit, path)
            let allTotal = try #require(all.body["total"] as? Int), ownTotal = try #require(own.body["total"] as? Int)
            #expect(allTotal >= 360, "\(allTotal)")
            #expect(ownTotal > 0 && ownTotal < allTotal, "\(ownTotal)")
            #expect(all.etag != own.etag)
            // The office's tag is no tag of the unit's: the unit gets its own list, not a 304.
            let crossed = try await get(unit, path, ifNoneMatch: all.etag)
            #expect(crossed.status == .ok && crossed.body["total"] as? Int == ownTotal)
            // And asked again, each gets its own kept answer.
            #expect(try await get(office, path).body["total"] as? Int == allTotal)
            #expect(try await get(unit, path).body["total"] as? Int == ownTotal)
        }
    }

    @Test func pagesAnswerTheirTagWith304AndAnotherSessionGetsItsOwnPage() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await app.as(.leader)
            let first = try await get(leader, "/")
            let tag = try #require(first.etag)
            #expect(first.status == .ok && first.text.contains("360"))
            let again = try await get(leader, "/", ifNoneMatch: tag)
            #expect(again.status == .notModified && again.text.isEmpty)
            // Another leader's session: its page carries its own CSRF token, so not this tag.
            let other = try await app.as(.leader)
            #expect(try await get(other, "/", ifNoneMatch: tag).status == .ok)
            // Another language is another page.
            #expect(try await get(leader, "/?lang=en", ifNoneMatch: tag).status == .ok)
            // A message marked read changes the header's count on the office's pages: drawn again.
            let office = try await app.as(.office)
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == office.username).first())
            let message = NotificationModel()
            message.id = UUID(); message.districtID = user.$district.id; message.userID = try user.requireID()
            message.kind = "test"; message.title = "测试消息"; message.link = "/"; message.createdAt = Date()
            try await message.create(on: app.db)
            let before = try await get(office, "/projects?year=2023")
            #expect(before.status == .ok)
            #expect(try await get(office, "/projects?year=2023", ifNoneMatch: before.etag).status == .notModified)
            #expect(try await office.send(.POST, "/inbox/read").0 != .internalServerError)
            #expect(try await get(office, "/projects?year=2023", ifNoneMatch: before.etag).status == .ok)
        }
    }
}

extension DataVersionTests {
    /// The API's kept answers are per person: `/api/v1/todo` names the caller's own pending
    /// imports, so two office users of one district never share one (nor its ETag).
    @Test func twoPeopleOfOneScopeNeverShareAnAPIAnswer() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let a = try await app.as(.office), b = try await app.as(.office)
            let first = try await get(a, "/api/v1/todo")
            let second = try await get(b, "/api/v1/todo")
            #expect(first.status == .ok && second.status == .ok)
            #expect(first.etag != nil && first.etag != second.etag)
            #expect(try await get(b, "/api/v1/todo", ifNoneMatch: first.etag).status == .ok)
        }
    }
}

extension DataVersionTests {
    /// `If-None-Match: *` is never a 304: the answer may be a 404 or a 400, which only the route knows.
    @Test func aStarNeverTurnsARefusalInto304() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            #expect(try await get(office, "/api/v1/projects/00000000-0000-0000-0000-000000000000", ifNoneMatch: "*").status == .notFound)
            #expect(try await get(office, "/projects/00000000-0000-0000-0000-000000000000", ifNoneMatch: "*").status == .notFound)
            #expect(try await get(office, "/api/v1/summary?year=abc", ifNoneMatch: "*").status == .badRequest)
        }
    }
}

extension DataVersionTests {
    /// The leader's desk and the map's drawing are kept too (issue 29, at 6 000 projects): a
    /// problem raised on the leader's project, and a project added to the map, show at once.
    @Test func theLeadersDeskAndTheDrawnMapShowAChangeAtOnce() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try await InstructionsAPITests.ownProject(app)
            let unitName = try #require(try await ReferenceEntryModel.find(project.$unit.id, on: app.db)?.name)
            let leader = try await InstructionsAPITests.leader(app, linkedTo: "王立新")
            let office = try await app.as(.office)
            func line() async throws -> [String: Any] {
                let (status, body) = try await leader.send(.GET, "/api/v1/leader?year=2023")
                #expect(status == .ok, "\(body)")
                return try #require((body["projects"] as? [[String: Any]])?.first { $0["id"] as? String == project.id?.uuidString })
            }
            let before = try #require(try await line()["openProblems"] as? Int)
            // Asked twice: the second is the kept answer, the same.
            #expect(try await line()["openProblems"] as? Int == before)
            let (created, body) = try await office.send(.POST, "/api/v1/problems", ["projectCode": project.code, "category": "土地",
                                                                                  "title": "版本测试问题", "description": "d", "leadUnit": unitName])
            #expect(created == .created, "\(body)")
            #expect(try await line()["openProblems"] as? Int == before + 1)

            // The map page, drawn and kept; a project with no coordinates added by the office is listed at once.
            let map = "/map?year=2023"
            let first = try await get(office, map)
            #expect(first.status == .ok && !first.text.contains("版本测试项目"))
            #expect(try await get(office, map).text == first.text)
            #expect(try await office.send(.POST, "/api/v1/projects", Self.project).0 == .created)
            let after = try await get(office, map)
            #expect(after.status == .ok && after.text.contains("V-1 版本测试项目"))
            // A dot chosen from another district's or unit's id selects nothing.
            let stranger = try await get(office, map + "&project=\(UUID().uuidString)")
            #expect(stranger.status == .ok && stranger.text.contains("card project-card muted"))
        }
    }
}
