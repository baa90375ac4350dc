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

/// 领导分包 and 领导批示 (issue 28, part 1): a linked leader gives a 批示 that a unit finishes,
/// the figures per leader count it as of a day, and each role reaches only its part.
@Suite struct InstructionsAPITests {
    static func field(_ body: [String: Any]) -> String? { (body["error"] as? [String: Any])?["field"] as? String }

    /// A leader's client whose account is linked to `name` on the leader list.
    static func leader(_ app: Application, linkedTo name: String?) async throws -> TestClient {
        let client = try await app.as(.leader)
        let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == client.username).first())
        user.leaderName = name
        try await user.update(on: app.db)
        return client
    }

    /// One of 王立新's 2023 projects whose unit is not 区教育局 (the stranger below).
    static func ownProject(_ app: Application) async throws -> ProjectModel {
        let codes = try await LeaderDashboardTests.ownCodes(app, leader: "王立新")
        let education = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$kind == "unit").filter(\.$name == "区教育局").first())
        return try #require(try await ProjectModel.query(on: app.db).filter(\.$code ~~ Array(codes)).sort(\.$code).all()
            .first { $0.$unit.id != education.id })
    }

    static func figures(_ client: TestClient, asOf: String) async throws -> [String: Any] {
        let (status, body) = try await client.send(.GET, "/api/v1/instructions/figures?year=2023&asOf=\(asOf)&leader=%E7%8E%8B%E7%AB%8B%E6%96%B0")
        #expect(status == .ok, "\(body)")
        return try #require((body["leaders"] as? [[String: Any]])?.first)
    }

    @Test func aLeaderGivesAnInstructionThatAUnitFinishesAndTheLeaderCloses() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try await Self.ownProject(app)
            let unitName = try #require(try await ReferenceEntryModel.find(project.$unit.id, on: app.db)?.name)
            let leader = try await Self.leader(app, linkedTo: "王立新")
            let lead = try await app.as(.unit, unit: unitName), assisting = try await app.as(.unit, unit: "区发展改革委")
            let stranger = try await app.as(.unit, unit: "区教育局"), office = try await app.as(.office)
            let before = try await Self.figures(office, asOf: "2023-06-30")

            // The leader's page lands on their projects.
            try await leader.test(.GET, "/leader") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("我联系的项目（王立新，"))
                #expect(res.body.string.contains(project.name))
            }

            // Bad input, each naming its field; nothing is written.
            let body: [String: Any] = ["projectID": project.id!.uuidString, "text": "请区发改委牵头，两周内解决二期用地指标。\n第二段说明。",
                                       "units": [unitName, "区发展改革委"], "deadline": "2023-07-10"]
            var noUnits = body; noUnits["units"] = [String]()
            #expect(Self.field(try await leader.send(.POST, "/api/v1/instructions", noUnits).1) == "units")
            var past = body; past["deadline"] = "2023-06-01"
            #expect(Self.field(try await leader.send(.POST, "/api/v1/instructions", past).1) == "deadline")
            var twice = body; twice["units"] = [unitName, unitName]
            #expect(Self.field(try await leader.send(.POST, "/api/v1/instructions", twice).1) == "units")
            var two = body; two["documentID"] = UUID().uuidString
            let (twoStatus, twoBody) = try await leader.send(.POST, "/api/v1/instructions", two)
            #expect(twoStatus == .badRequest && Self.field(twoBody) == "projectID")
            var unknown = body; unknown["projectID"] = UUID().uuidString
            #expect(Self.field(try await leader.send(.POST, "/api/v1/instructions", unknown).1) == "project")
            var long = body; long["text"] = String(repeating: "字", count: 2001)
            #expect(Self.field(try await leader.send(.POST, "/api/v1/instructions", long).1) == "text")
            #expect(try await lead.send(.POST, "/api/v1/instructions", body).0 == .forbidden)
            let unlinked = try await app.as(.leader)
            let (unlinkedStatus, unlinkedBody) = try await unlinked.send(.POST, "/api/v1/instructions", body)
            #expect(unlinkedStatus == .unprocessableEntity && Self.field(unlinkedBody) == "leader")
            #expect(try await ProblemModel.query(on: app.db).filter(\.$kind == "instruction").filter(\.$leader == "王立新")
                .filter(\.$title ~~ "二期用地指标").count() == 0)

            // Given: addressed at once, the first unit leading, the leader's name on it.
            let (created, detail) = try await leader.send(.POST, "/api/v1/instructions", body)
            #expect(created == .created, "\(detail)")
            let row = try #require(detail["problem"] as? [String: Any])
            let id = try #require(row["id"] as? String)
            #expect(row["kind"] as? String == "instruction" && row["status"] as? String == "已交办")
            #expect(row["leader"] as? String == "王立新" && row["leadUnit"] as? String == unitName && row["deadline"] as? String == "2023-07-10")
            #expect(row["title"] as? String == "请区发改委牵头，两周内解决二期用地指标。")
            #expect(detail["assistingUnits"] as? [String] == ["区发展改革委"])

            // The lead unit's 工作台 has it; another unit neither sees nor reaches it.
            try await lead.test(.GET, "/work") { res in #expect(res.body.string.contains("签收领导批示：请区发改委牵头")) }
            // The assisting unit is addressed too: its 工作台 has it to help with and report on.
            try await assisting.test(.GET, "/work") { res in #expect(res.body.string.contains("配合办理领导批示并反馈：请区发改委牵头")) }
            #expect(try await stranger.send(.GET, "/api/v1/instructions/\(id)").0 == .notFound)
            #expect(try await stranger.send(.POST, "/api/v1/instructions/\(id)/steps", ["action": "acknowledge", "version": 1]).0 == .notFound)
            let strangerList = try await stranger.send(.GET, "/api/v1/instructions?status=all").1["items"] as? [[String: Any]] ?? []
            #expect(!strangerList.contains { $0["id"] as? String == id })
            #expect(try await assisting.send(.GET, "/api/v1/instructions/\(id)").0 == .ok)

            // The steps route reaches only 批示; the problem routes reach the same record by the same rules.
            let problem = try #require(try await ProblemModel.query(on: app.db).filter(\.$kind == "problem").first())
            #expect(try await office.send(.POST, "/api/v1/instructions/\(problem.id!.uuidString)/steps", ["action": "comment", "note": "x", "version": problem.version]).0 == .notFound)
            #expect(try await leader.send(.POST, "/api/v1/instructions/\(id)/steps", ["action": "resolve", "note": "x", "version": 1]).0 == .unprocessableEntity)
            let (reassign, reassignBody) = try await office.send(.POST, "/api/v1/instructions/\(id)/steps", ["action": "assign", "version": 1])
            #expect(reassign == .unprocessableEntity && Self.field(reassignBody) == "action")

            // The unit acknowledges, reports, resolves.
            #expect(try await lead.send(.POST, "/api/v1/instructions/\(id)/steps", ["action": "acknowledge", "version": 1]).0 == .ok)
            #expect(try await assisting.send(.POST, "/api/v1/instructions/\(id)/steps", ["action": "feedback", "note": "已对接市局", "version": 2]).0 == .ok)

            // The leader's desk lists it and says what changed: the units' steps, not the leader's own.
            let (deskStatus, desk) = try await leader.send(.GET, "/api/v1/leader")
            #expect(deskStatus == .ok, "\(desk)")
            #expect((desk["instructions"] as? [[String: Any]])?.contains { $0["id"] as? String == id } == true)
            let changes = desk["changes"] as? [[String: Any]] ?? []
            #expect(changes.filter { $0["problemID"] as? String == id }.count == 2, "\(changes)")
            #expect((desk["projects"] as? [[String: Any]])?.first { $0["id"] as? String == project.id!.uuidString }?["openInstructions"] as? Int == 1)

            let (resolved, afterResolve) = try await lead.send(.POST, "/api/v1/instructions/\(id)/steps", ["action": "resolve", "note": "指标已下达", "version": 3])
            #expect(resolved == .ok && (afterResolve["problem"] as? [String: Any])?["status"] as? String == "已办结")
            // The leader is told it waits on them.
            try await leader.test(.GET, "/inbox") { res in #expect(res.body.string.contains("领导批示已办结，请审核销号：请区发改委牵头")) }

            // Only the leader who gave it closes it.
            let (notLeader, refusal) = try await office.send(.POST, "/api/v1/instructions/\(id)/steps", ["action": "close", "version": 4])
            #expect(notLeader == .unprocessableEntity && Self.field(refusal) == "action")
            let other = try await Self.leader(app, linkedTo: "李振华")
            #expect(try await other.send(.POST, "/api/v1/instructions/\(id)/steps", ["action": "close", "version": 4]).0 == .unprocessableEntity)
            let (closed, afterClose) = try await leader.send(.POST, "/api/v1/instructions/\(id)/steps", ["action": "close", "version": 4])
            #expect(closed == .ok && (afterClose["problem"] as? [String: Any])?["status"] as? String == "已销号")
            #expect((afterClose["steps"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
                    == ["raise", "assign", "acknowledge", "feedback", "resolve", "close"])

            // The figures: one more given, done and on time today; the day before knew nothing of it.
            let after = try await Self.figures(office, asOf: "2023-06-30")
            for key in ["given", "done", "onTime"] {
                #expect((after[key] as? Int ?? -1) == (before[key] as? Int ?? -99) + 1, "\(key): \(before) → \(after)")
            }
            #expect(after["projects"] as? Int == (try await LeaderDashboardTests.ownCodes(app, leader: "王立新")).count)
            // The demo's 批示 were all given before the day: the day before counts as today did before this one.
            let dayBefore = try await Self.figures(office, asOf: "2023-06-29")
            #expect(dayBefore["given"] as? Int == before["given"] as? Int)
            let (future, futureBody) = try await office.send(.GET, "/api/v1/instructions/figures?year=2023&asOf=2023-07-01")
            #expect(future == .badRequest && Self.field(futureBody) == "asOf")
        }
    }


    /// The pages: a leader opens the form from a problem's page and gives a 批示 on it (the
    /// project carried along), a refusal returns the form with what was typed; the unit answers on
    /// the 批示's page, whose forms post to the 批示's own steps route.
    @Test func theFormsGiveAnInstructionOnAProblemAndOnADocumentAndTheUnitAnswersOnItsPage() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await Self.leader(app, linkedTo: "王立新")
            let problem = try #require(try await ProblemModel.query(on: app.db).filter(\.$kind == "problem").filter(\.$projectID != nil).sort(\.$title).first())
            let pid = problem.id!.uuidString
            try await leader.test(.GET, "/problems/\(pid)") { res in
                #expect(res.body.string.contains("/instructions/new?problem=\(pid)"))
                // A leader reads a problem; its step forms are not theirs.
                #expect(!res.body.string.contains("value=\"acknowledge\""))
            }
            try await leader.test(.GET, "/instructions/new?problem=\(pid)") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(problem.title) && res.body.string.contains("下达批示"))
            }
            // Refused: the form again, the words kept, the reason said.
            try await leader.test(.POST, "/instructions", beforeRequest: { req in
                try req.content.encode(["problemID": pid, "text": "抓紧协调，月底前解决", "leadUnit": ""], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("抓紧协调，月底前解决") && res.body.string.contains("请选择批示交办的单位"))
            }
            var location = ""
            try await leader.test(.POST, "/instructions", beforeRequest: { req in
                try req.content.encode(["problemID": pid, "text": "抓紧协调，月底前解决", "leadUnit": "区商务局", "otherUnits": "区城市更新局、区发展改革委"],
                                       as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            let id = try #require(UUID(uuidString: String(location.dropFirst("/problems/".count))))
            let given = try #require(try await ProblemModel.find(id, on: app.db))
            #expect(given.kind == "instruction" && given.subjectProblemID == problem.id && given.projectID == problem.projectID)
            #expect(given.deadline != nil, "no deadline given: the answer clock's")
            let assists = try await ProblemAssistModel.query(on: app.db).filter(\.$problemID == id).count()
            #expect(assists == 2)

            let unit = try await app.as(.unit, unit: "区商务局")
            try await unit.test(.GET, location) { res in
                let html = res.body.string
                #expect(html.contains("领导批示（王立新）") && html.contains(problem.title))
                #expect(html.contains("/instructions/\(id.uuidString)/steps") && html.contains("value=\"acknowledge\""))
                #expect(!html.contains("value=\"assign\""))
            }
            try await unit.test(.POST, "/instructions/\(id.uuidString)/steps", beforeRequest: { req in
                try req.content.encode(["action": "acknowledge", "version": "1"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("办理中"))
            }
            // The leader's list shows it with its subject.
            try await leader.test(.GET, "/instructions?leader=%E7%8E%8B%E7%AB%8B%E6%96%B0") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("抓紧协调，月底前解决") && res.body.string.contains("问题：\(problem.title)"))
            }

            // On a document: the office drafts a weekly bulletin, the leader instructs on it.
            let office = try await app.as(.office)
            let (drafted, document) = try await office.send(.POST, "/api/v1/documents", ["kind": "weekly-bulletin", "period": "2023-W26"])
            #expect(drafted == .created, "\(document)")
            let docID = try #require((document["document"] as? [String: Any])?["id"] as? String)
            // A draft is the office's: no 批示 on it until it is issued.
            let (onDraft, onDraftBody) = try await leader.send(.POST, "/api/v1/instructions", ["documentID": docID, "text": "各单位对照通报抓整改", "units": ["区商务局"]])
            #expect(onDraft == .unprocessableEntity && Self.field(onDraftBody) == "document")
            #expect(try await office.send(.POST, "/api/v1/documents/\(docID)/issue", ["version": 1]).0 == .ok)
            try await leader.test(.GET, "/documents/\(docID)") { res in #expect(res.body.string.contains("/instructions/new?document=\(docID)")) }
            let (onDoc, onDocBody) = try await leader.send(.POST, "/api/v1/instructions", ["documentID": docID, "text": "各单位对照通报抓整改", "units": ["区商务局"]])
            #expect(onDoc == .created, "\(onDocBody)")
            #expect(((onDocBody["problem"] as? [String: Any])?["projectID"]) == nil)
            // Nobody else's: a 批示 on a 批示 is refused, and so is another district's document.
            let (again, againBody) = try await leader.send(.POST, "/api/v1/instructions", ["problemID": id.uuidString, "text": "再批", "units": ["区商务局"]])
            #expect(again == .unprocessableEntity && Self.field(againBody) == "problem")
            #expect(Self.field(try await leader.send(.POST, "/api/v1/instructions", ["documentID": UUID().uuidString, "text": "x", "units": ["区商务局"]]).1) == "document")
            // The office is not a leader: no form, no route.
            try await office.test(.GET, "/instructions/new?problem=\(pid)") { res in #expect(res.status == .forbidden) }
            try await office.test(.GET, "/problems/\(pid)") { res in #expect(!res.body.string.contains("/instructions/new")) }
        }
    }

    /// A 批示 past its deadline is chased like a decision: a numbered 催办单 to the lead unit,
    /// once, naming it as a leader's instruction.
    @Test func aLateInstructionIsChasedWithANotice() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await Self.leader(app, linkedTo: "王立新")
            let project = try await Self.ownProject(app)
            let unitName = try #require(try await ReferenceEntryModel.find(project.$unit.id, on: app.db)?.name)
            let (created, detail) = try await leader.send(.POST, "/api/v1/instructions", ["projectID": project.id!.uuidString, "text": "七月三日前报送整改方案",
                                                                                          "units": [unitName], "deadline": "2023-07-03"])
            #expect(created == .created)
            let id = try #require(UUID(uuidString: (detail["problem"] as? [String: Any])?["id"] as? String ?? ""))
            let districtID = try #require(project.$district.id as UUID?)
            let day = CalendarDate(year: 2023, month: 7, day: 5)!
            _ = try await NoticeGenerator.issueStep(districtID: districtID, today: day, on: app.db)
            _ = try await NoticeGenerator.issueStep(districtID: districtID, today: day, on: app.db)
            let notices = try await NoticeModel.query(on: app.db).filter(\.$problemID == id).all()
            #expect(notices.count == 1)
            #expect(notices.first?.subject == "instruction" && notices.first?.item.contains("领导批示“七月三日前报送整改方案”") == true)
        }
    }

    /// Attack findings: the problem route re-assigned a 批示 (and dropped its leader); the list
    /// ignored its year and day; the desk on a past day listed later 批示; a form with a bad
    /// deadline lost what was typed.
    @Test func everyRouteKeepsTheInstructionsRulesAndTheListReadsItsDay() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await Self.leader(app, linkedTo: "王立新")
            let project = try await Self.ownProject(app)
            let unitName = try #require(try await ReferenceEntryModel.find(project.$unit.id, on: app.db)?.name)
            let office = try await app.as(.office)
            let (_, detail) = try await leader.send(.POST, "/api/v1/instructions", ["projectID": project.id!.uuidString, "text": "抓紧推进", "units": [unitName]])
            let id = try #require((detail["problem"] as? [String: Any])?["id"] as? String)
            let (assign, assignBody) = try await office.send(.POST, "/api/v1/problems/\(id)/steps",
                                                             ["action": "assign", "version": 1, "leadUnit": "区教育局", "deadline": "2023-08-01"])
            #expect(assign == .unprocessableEntity && Self.field(assignBody) == "action")
            let kept = try #require(try await ProblemModel.find(try #require(UUID(uuidString: id)), on: app.db))
            #expect(kept.leader == "王立新" && kept.version == 1)

            // The list is the year's, as of its day: none of 王立新's given after 1 June, none in 2022.
            func listed(_ query: String) async throws -> [[String: Any]] {
                let (status, body) = try await office.send(.GET, "/api/v1/instructions?status=all&leader=%E7%8E%8B%E7%AB%8B%E6%96%B0" + query)
                #expect(status == .ok, "\(query): \(body)")
                return body["items"] as? [[String: Any]] ?? []
            }
            let now = try await listed("")
            #expect(now.contains { $0["id"] as? String == id })
            let june1 = try await listed("&asOf=2023-06-01")
            #expect(june1.allSatisfy { ($0["raisedOn"] as? String ?? "9") <= "2023-06-01" })
            #expect(!june1.contains { $0["id"] as? String == id })
            #expect(try await listed("&year=2022").isEmpty)
            for bad in ["&year=abc", "&year=99999", "&asOf=2023-02-30", "&asOf=2099-12-31"] {
                #expect(try await office.send(.GET, "/api/v1/instructions?status=all" + bad).0 == .badRequest, "\(bad)")
            }
            // The desk on a past day: only what had been given by then.
            let (_, desk) = try await leader.send(.GET, "/api/v1/leader?asOf=2023-06-15")
            let raised = (desk["instructions"] as? [[String: Any]] ?? []).compactMap { $0["raisedOn"] as? String }
            #expect(!raised.isEmpty && raised.allSatisfy { $0 <= "2023-06-15" }, "\(raised)")
            #expect((desk["changes"] as? [[String: Any]] ?? []).allSatisfy { ($0["on"] as? String ?? "9") <= "2023-06-15" })

            // A form with an impossible deadline comes back with the words kept and the field named.
            try await leader.test(.POST, "/instructions", beforeRequest: { req in
                try req.content.encode(["projectID": project.id!.uuidString, "text": "二月三十日前完成", "leadUnit": unitName, "deadline": "2023-02-30"],
                                       as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("二月三十日前完成") && res.body.string.contains("下达批示"))
            }
        }
    }
}
