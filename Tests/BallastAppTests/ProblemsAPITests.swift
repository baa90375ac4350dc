@testable import BallastApp
@testable import BallastDemo
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import SQLKit
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct ProblemsAPITests {
    static func field(_ body: [String: Any]) -> String? { (body["error"] as? [String: Any])?["field"] as? String }

    /// A demo project of 区商务局, by code.
    static func commerceProject(_ app: Application) async throws -> ProjectModel {
        let unit = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$kind == "unit").filter(\.$name == "区商务局").first())
        return try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unit.id!).sort(\.$code).first())
    }

    @Test func aProblemGoesFromRaisedToClosedThroughTheAPIWithEachRoleDoingItsPart() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try await Self.commerceProject(app)
            let office = try await app.as(.office), supervision = try await app.as(.supervision)
            let lead = try await app.as(.unit, unit: "区商务局"), assisting = try await app.as(.unit, unit: "区发展改革委")
            let stranger = try await app.as(.unit, unit: "区教育局")
            // Bad input first: a deadline in the past, a unit of another district, an unknown action.
            let otherDistrict = DistrictModel(id: UUID(), code: "elsewhere", name: "外区")
            try await otherDistrict.create(on: app.db)
            try await ReferenceEntryModel(districtID: otherDistrict.id!, kind: .unit, year: 0, name: "外区发改委").create(on: app.db)
            let body: [String: Any] = ["projectCode": project.code, "category": "土地", "title": "二期用地未供", "description": "二期 40 亩用地待挂牌",
                                       "major": true, "leadUnit": "区商务局", "assistingUnits": ["区发展改革委"], "path": "协调市自然资源局", "leader": "王立新"]
            var past = body; past["deadline"] = "2023-06-29"
            let (pastStatus, pastBody) = try await supervision.send(.POST, "/api/v1/problems", past)
            #expect(pastStatus == .unprocessableEntity && Self.field(pastBody) == "deadline")
            var foreign = body; foreign["leadUnit"] = "外区发改委"
            let (foreignStatus, foreignBody) = try await supervision.send(.POST, "/api/v1/problems", foreign)
            #expect(foreignStatus == .unprocessableEntity && Self.field(foreignBody) == "leadUnit")
            #expect(try await ProblemModel.query(on: app.db).filter(\.$title == "二期用地未供").count() == 0)

            // 督查室 raises and assigns: major, so the clock gives 30 working days (11 August).
            let (created, detail) = try await supervision.send(.POST, "/api/v1/problems", body)
            #expect(created == .created)
            let problem = try #require(detail["problem"] as? [String: Any])
            let id = try #require(problem["id"] as? String)
            #expect(problem["status"] as? String == "已交办" && problem["deadline"] as? String == "2023-08-11" && problem["leadUnit"] as? String == "区商务局")
            #expect((detail["clocks"] as? [[String: Any]])?.compactMap { $0["due"] as? String } == ["2023-07-03", "2023-07-05", "2023-08-11"])
            #expect(detail["assistingUnits"] as? [String] == ["区发展改革委"])

            // Units: the lead and the assisting unit see it, another does not.
            #expect(try await stranger.send(.GET, "/api/v1/problems/\(id)").0 == .notFound)
            #expect(try await assisting.send(.GET, "/api/v1/problems/\(id)").0 == .ok)
            #expect((try await stranger.send(.GET, "/api/v1/problems?status=all").1["items"] as? [[String: Any]])?.contains { $0["id"] as? String == id } == false)
            let (unknown, unknownBody) = try await lead.send(.POST, "/api/v1/problems/\(id)/steps", ["action": "finish", "version": 1])
            #expect(unknown == .badRequest && Self.field(unknownBody) == "action")
            #expect(try await assisting.send(.POST, "/api/v1/problems/\(id)/steps", ["action": "acknowledge", "version": 1]).0 == .unprocessableEntity)

            // The lead unit acknowledges and resolves; a stale version loses.
            let ack = try await lead.send(.POST, "/api/v1/problems/\(id)/steps", ["action": "acknowledge", "version": 1])
            #expect(ack.0 == .ok, "\(ack.1)")
            #expect(try await lead.send(.POST, "/api/v1/problems/\(id)/steps", ["action": "resolve", "note": "x", "version": 1]).0 == .conflict)
            let (resolved, afterResolve) = try await lead.send(.POST, "/api/v1/problems/\(id)/steps", ["action": "resolve", "note": "已挂牌出让", "version": 2])
            #expect(resolved == .ok && (afterResolve["problem"] as? [String: Any])?["status"] as? String == "已办结")

            // The office did not raise it: it may not close it. 督查室, who raised it, does.
            let (notRaiser, refusal) = try await office.send(.POST, "/api/v1/problems/\(id)/steps", ["action": "close", "version": 3])
            #expect(notRaiser == .unprocessableEntity && Self.field(refusal) == "action")
            #expect(((refusal["error"] as? [String: Any])?["message"] as? String)?.contains(supervision.username) == true)
            let (closed, afterClose) = try await supervision.send(.POST, "/api/v1/problems/\(id)/steps", ["action": "close", "version": 3])
            #expect(closed == .ok && (afterClose["problem"] as? [String: Any])?["status"] as? String == "已销号")
            #expect((afterClose["steps"] as? [[String: Any]])?.compactMap { $0["action"] as? String } == ["raise", "assign", "acknowledge", "resolve", "close"])

            // The figures count it, and a bad grouping is refused naming the parameter.
            let (_, figures) = try await office.send(.GET, "/api/v1/problems/figures?from=2023-06-01&to=2023-06-30&by=unit")
            let line = (figures["lines"] as? [[String: Any]])?.first { $0["group"] as? String == "区商务局" }
            #expect((line?["raised"] as? Int ?? 0) >= 1 && (line?["solved"] as? Int ?? 0) >= 1)
            let (badBy, badByBody) = try await office.send(.GET, "/api/v1/problems/figures?by=leader")
            #expect(badBy == .badRequest && Self.field(badByBody) == "by")
            #expect(try await office.send(.GET, "/api/v1/problems/figures?from=2023-06-30&to=2023-01-01").0 == .badRequest)
        }
    }

    @Test func thePagesListAProblemAndTakeItsStepsThroughForms() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try await Self.commerceProject(app)
            let office = try await app.as(.office)
            // A unit raises a problem from the page; the office assigns it from the problem's page.
            let unit = try await app.as(.unit, unit: "区商务局")
            var location = ""
            try await unit.test(.POST, "/problems", beforeRequest: { req in
                try req.content.encode(["projectCode": project.code, "category": "水电气暖", "title": "临时用电未接入", "description": "施工临电待供电公司批复"],
                                       as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            #expect(location.hasPrefix("/problems/"))
            try await office.test(.GET, location) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("临时用电未接入") && res.body.string.contains("待交办"))
                // The office may assign it; only whoever raised it could close it, so no close form here.
                #expect(res.body.string.contains("value=\"assign\"") && !res.body.string.contains("value=\"close\""))
            }
            try await office.test(.POST, location + "/steps", beforeRequest: { req in
                try req.content.encode(["action": "assign", "version": "1", "leadUnit": "区商务局", "deadline": "2023-07-14"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已交办") && res.body.string.contains("2023-07-14"))
            }
            try await office.test(.POST, location + "/steps", beforeRequest: { req in
                try req.content.encode(["action": "deadline", "version": "2", "deadline": "2023-07-21"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("调整时限须填写原因"))
            }
            try await office.test(.GET, "/problems?status=all&q=临时用电") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("临时用电未接入") && res.body.string.contains("问题台账"))
            }
        }
    }
}

@Suite struct DemoSupervisionTests {
    @Test func theDemoReproduces2022sProblemsAndItsMeetings() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            // Erqi 2022 (shared/DOMAIN.md): 45 major projects of 26 units, 36 problems solved.
            let (status, year) = try await office.send(.GET, "/api/v1/problems/figures?from=2022-01-01&to=2022-12-31&asOf=2022-12-31")
            #expect(status == .ok)
            let total = try #require((year["lines"] as? [[String: Any]])?.first)
            #expect(total["raised"] as? Int == 45 && total["solved"] as? Int == 36 && total["resolutionRate"] as? Double == 80.0)
            let sql = app.db as! any SQLDatabase
            let spread = try #require(try await sql.raw("""
                SELECT COUNT(DISTINCT project_id) AS projects, COUNT(DISTINCT lead_unit_id) AS units FROM problems
                WHERE kind = 'problem' AND raised_on BETWEEN '2022-01-01' AND '2022-12-31'
                """).first())
            #expect(try spread.decode(column: "projects", as: Int.self) == 45 && spread.decode(column: "units", as: Int.self) == 26)
            // Every problem taken to a 2022 meeting was solved by the year's end: 100%.
            let met = try #require(try await sql.raw("""
                SELECT COUNT(*) AS n, SUM(CASE WHEN p.resolved_on <= '2022-12-31' THEN 1 ELSE 0 END) AS solved
                FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id JOIN problems p ON p.id = i.problem_id WHERE m.held_on < '2023-01-01'
                """).first())
            #expect(try met.decode(column: "n", as: Int.self) == 36 && met.decode(column: "solved", as: Int.self) == 36)
            // The same figures, asked for by unit, add up to the total.
            let (_, byUnit) = try await office.send(.GET, "/api/v1/problems/figures?from=2022-01-01&to=2022-12-31&asOf=2022-12-31&by=unit")
            let lines = try #require(byUnit["lines"] as? [[String: Any]])
            #expect(lines.count == 26 && lines.compactMap { $0["solved"] as? Int }.reduce(0, +) == 36)

            // On the demo's day the last meeting's decisions are listed with how they stand; some work is overdue.
            let (latest, meeting) = try await office.send(.GET, "/api/v1/meetings/latest")
            #expect(latest == .ok && meeting["heldOn"] as? String == "2023-06-21")
            #expect(((meeting["decisions"] as? [[String: Any]])?.count ?? 0) > 0)
            let (_, overdue) = try await office.sendArray(.GET, "/api/v1/problems/overdue")
            let (_, open) = try await office.send(.GET, "/api/v1/problems/figures?from=2022-01-01&kind=all")
            let openOverdue = try #require((open["lines"] as? [[String: Any]])?.first?["overdue"] as? Int)
            #expect(openOverdue > 0 && overdue.compactMap { $0["overdue"] as? Int }.reduce(0, +) == openOverdue)
            try await office.test(.GET, "/problems") { res in
                #expect(res.status == .ok && res.body.string.contains("问题台账"))
            }
            try await office.test(.GET, "/meetings") { res in
                #expect(res.status == .ok && res.body.string.contains("区政府第1次重点项目推进周例会（2022）"))
            }
        }
    }
}

@Suite struct NoticesAPITests {
    @Test func noticesAreNumberedAcknowledgedByTheirUnitAndDownloadedAsWordDocuments() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (_, all) = try await office.sendArray(.GET, "/api/v1/notices?year=2023")
            #expect(!all.isEmpty)
            // Numbered 1…n in the year, without gaps; the May batch acknowledged, the June one awaiting.
            let numbers = Set(all.compactMap { $0["number"] as? String })
            #expect(numbers == Set((1...all.count).map { "二七督〔2023〕第\($0)号" }))
            #expect(all.contains { $0["issuedOn"] as? String == "2023-05-04" && $0["acknowledgedOn"] != nil })
            #expect(all.contains { $0["issuedOn"] as? String == "2023-06-30" && $0["acknowledgedOn"] == nil })
            // The demo's day was generated already: generating again issues nothing twice.
            let (_, again) = try await office.send(.POST, "/api/v1/notices/generate")
            #expect((again["issued"] as? [String])?.isEmpty == true)

            let pending = try #require(all.first { $0["acknowledgedOn"] == nil && $0["issuedOn"] as? String == "2023-06-30" })
            let unitName = try #require(pending["unit"] as? String)
            let id = try #require(pending["id"] as? String)
            let unit = try await app.as(.unit, unit: unitName)
            let other = try await app.as(.unit, unit: unitName == "区教育局" ? "区商务局" : "区教育局")
            let (_, own) = try await unit.sendArray(.GET, "/api/v1/notices")
            #expect(!own.isEmpty && own.allSatisfy { $0["unit"] as? String == unitName })
            #expect(try await other.send(.POST, "/api/v1/notices/\(id)/acknowledge", ["version": 1]).0 == .notFound)
            #expect(try await unit.send(.POST, "/api/v1/notices/generate").0 == .forbidden)
            let (acked, body) = try await unit.send(.POST, "/api/v1/notices/\(id)/acknowledge", ["version": 1])
            #expect(acked == .ok && body["acknowledgedOn"] as? String == "2023-06-30" && body["acknowledgedBy"] as? String == unit.username)
            #expect(try await unit.send(.POST, "/api/v1/notices/\(id)/acknowledge", ["version": 2]).0 == .unprocessableEntity)

            // A notice by hand needs an item and a unit of the district.
            let (bad, badBody) = try await office.send(.POST, "/api/v1/notices", ["unit": "外区某局", "item": "x"])
            #expect(bad == .badRequest && (badBody["error"] as? [String: Any])?["field"] as? String == "unit")
            let (made, manual) = try await office.send(.POST, "/api/v1/notices", ["unit": unitName, "item": "请于 7 月 5 日前报送项目用地材料", "newDeadline": "2023-07-05"])
            #expect(made == .created && manual["number"] as? String == "二七督〔2023〕第\(all.count + 1)号")

            try await office.test(.GET, "/notices/\(id)/docx") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
                #expect(Array(res.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            }
            try await office.test(.GET, "/notices/\(id)") { res in
                #expect(res.status == .ok && res.body.string.contains("重点项目督办催办单") && res.body.string.contains(pending["number"] as? String ?? "?"))
            }
            try await office.test(.GET, "/notices") { res in #expect(res.status == .ok && res.body.string.contains("催办单")) }
        }
    }
}

@Suite struct ServiceAPITests {
    @Test func aVisitRaisesEnterpriseProblemsWorkedLikeAnyOtherAndCountsInTheFigures() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let enterprise = try #require(try await EnterpriseModel.query(on: app.db).filter(\.$mergedInto == nil).sort(\.$name).first())
            let unit = try await app.as(.unit, unit: "区商务局")
            let office = try await app.as(.office)
            let path = "/api/v1/enterprises/\(enterprise.id!)/visits"
            // Bad input: another unit's visit, a future day, a problem without a known category — nothing stored.
            let (other, otherBody) = try await unit.send(.POST, path, ["unit": "区教育局", "visitedOn": "2023-06-20", "visitors": "张伟", "discussed": "用工"])
            #expect(other == .unprocessableEntity && (otherBody["error"] as? [String: Any])?["field"] as? String == "unit")
            #expect(try await unit.send(.POST, path, ["unit": "区商务局", "visitedOn": "2023-07-20", "visitors": "张伟", "discussed": "用工"]).0 == .unprocessableEntity)
            let (badProblem, badBody) = try await unit.send(.POST, path, ["unit": "区商务局", "visitedOn": "2023-06-20", "visitors": "张伟", "discussed": "用工",
                                                                          "problems": [["category": "天气", "title": "x", "description": "y"]]])
            #expect(badProblem == .unprocessableEntity && (badBody["error"] as? [String: Any])?["field"] as? String == "problems[0].category")
            #expect(try await VisitModel.query(on: app.db).count() == 0)

            let (created, visit) = try await unit.send(.POST, path, ["unit": "区商务局", "visitedOn": "2023-06-20", "visitors": "张伟、王芳", "discussed": "了解用工和用电需求",
                                                                     "problems": [["category": "水电气暖", "title": "厂区专线电力增容", "description": "增容 2000 千伏安待供电公司批复"]]])
            #expect(created == .created && visit["problems"] as? Int == 1)
            // The problem is against the enterprise, waiting for the office to assign it; solved, it counts as solved.
            let problem = try #require(try await ProblemModel.query(on: app.db).filter(\.$enterpriseID == enterprise.id!).first())
            #expect(problem.status == "待交办" && problem.raisedByUnitID != nil)
            #expect(try await office.send(.POST, "/api/v1/problems/\(problem.id!)/steps", ["action": "assign", "version": 1, "leadUnit": "区商务局"]).0 == .ok)
            #expect(try await unit.send(.POST, "/api/v1/problems/\(problem.id!)/steps", ["action": "resolve", "note": "已批复增容", "version": 2]).0 == .ok)
            let (_, figures) = try await office.send(.GET, "/api/v1/service?from=2023-06-01&to=2023-06-30")
            let line = try #require((figures["units"] as? [[String: Any]])?.first { $0["unit"] as? String == "区商务局" })
            #expect(line["enterprises"] as? Int == 1 && line["visits"] as? Int == 1 && line["raised"] as? Int == 1 && line["solved"] as? Int == 1)
            #expect((figures["total"] as? [String: Any])?["resolutionRate"] as? Double == 100.0)
            try await office.test(.GET, "/enterprises/\(enterprise.id!)") { res in
                #expect(res.status == .ok && res.body.string.contains("厂区专线电力增容") && res.body.string.contains("了解用工和用电需求"))
            }
            try await office.test(.GET, "/service") { res in #expect(res.status == .ok && res.body.string.contains("万人助万企")) }
        }
    }
}

@Suite struct SupervisionSettingsTests {
    @Test func theClockIsSetPerDistrictInOrderAndNewAssignmentsRunOnIt() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (_, standard) = try await office.send(.GET, "/api/v1/supervision/settings")
            #expect(standard["resolveDays"] as? Int == 7 && standard["version"] as? Int == 0)
            // Out of order, or a day that is not one: refused, naming the field; nothing saved.
            let (disorder, body) = try await office.send(.PUT, "/api/v1/supervision/settings", ["resolveDays": 2, "version": 0])
            #expect(disorder == .unprocessableEntity && (body["error"] as? [String: Any])?["field"] as? String == "resolveDays")
            let (badDay, dayBody) = try await office.send(.PUT, "/api/v1/supervision/settings", ["holidays": ["2023-07-03", "端午"], "version": 0])
            #expect(badDay == .unprocessableEntity && (dayBody["error"] as? [String: Any])?["field"] as? String == "holidays")
            // Ten working days to resolve, and Monday 3 July off: an assignment on Friday 30 June is due 17 July.
            let (saved, settings) = try await office.send(.PUT, "/api/v1/supervision/settings", ["resolveDays": 10, "holidays": ["2023-07-03"], "version": 0])
            #expect(saved == .ok && settings["version"] as? Int == 1)
            #expect(try await office.send(.PUT, "/api/v1/supervision/settings", ["resolveDays": 9, "version": 0]).0 == .conflict)
            let project = try await ProblemsAPITests.commerceProject(app)
            let (_, detail) = try await office.send(.POST, "/api/v1/problems", ["projectCode": project.code, "category": "规划", "title": "规划条件待调整",
                                                                                "description": "d", "leadUnit": "区商务局"])
            #expect((detail["problem"] as? [String: Any])?["deadline"] as? String == "2023-07-17")
            #expect((detail["clocks"] as? [[String: Any]])?.first?["due"] as? String == "2023-07-04")
            #expect(try await app.as(.unit, unit: "区商务局").send(.PUT, "/api/v1/supervision/settings", ["resolveDays": 8, "version": 1]).0 == .forbidden)
        }
    }
}

@Suite struct BulletinAPITests {
    @Test func anIssuedBulletinKeepsItsFiguresAndNamesWhateverChangesAfter() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            #expect(try await office.send(.POST, "/api/v1/bulletins", ["month": "2023-07"]).0 == .unprocessableEntity)
            #expect(try await office.send(.POST, "/api/v1/bulletins", ["month": "六月"]).0 == .badRequest)
            let (created, draft) = try await office.send(.POST, "/api/v1/bulletins", ["month": "2023-06", "asOf": "2023-06-30"])
            #expect(created == .created)
            let doc = try #require(draft["document"] as? [String: Any])
            let id = try #require(doc["id"] as? String)
            let content = try #require(draft["content"] as? [String: Any])
            let overdue = try #require(content["overdue"] as? [[String: Any]])
            #expect(!overdue.isEmpty && !((content["notices"] as? [Any]) ?? []).isEmpty)
            #expect(((content["units"] as? [[String: Any]]) ?? []).allSatisfy { ($0["unit"] as? String)?.isEmpty == false })

            let (issued, issuedBody) = try await office.send(.POST, "/api/v1/bulletins/\(id)/issue", ["version": doc["version"] as? Int ?? 0])
            #expect(issued == .ok && (issuedBody["document"] as? [String: Any])?["number"] as? String == "2023年第1期")
            let (_, frozen) = try await office.send(.GET, "/api/v1/bulletins/\(id)")
            let before = try JSONSerialization.data(withJSONObject: frozen["content"] as Any, options: .sortedKeys)

            // The world moves on: an overdue problem is solved, its unit renamed.
            let first = try #require(overdue.first)
            let unitName = try #require(first["unit"] as? String)
            let problem = try #require(try await ProblemModel.query(on: app.db).filter(\.$title == (first["title"] as? String ?? "")).first())
            _ = try await ProblemEditor(context: ProjectItemContext(districtID: problem.districtID, actor: ChangeActor(name: "office"),
                                                                    today: CalendarDate(year: 2023, month: 6, day: 30)!, scopeUnitID: nil), supervisor: true)
                .act(id: problem.id!, version: problem.version, .resolve, note: "已解决", on: app.db)
            let unit = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$kind == "unit").filter(\.$name == unitName).first())
            unit.name = unitName + "（更名）"
            try await unit.update(on: app.db)

            let (_, after) = try await office.send(.GET, "/api/v1/bulletins/\(id)")
            #expect(try JSONSerialization.data(withJSONObject: after["content"] as Any, options: .sortedKeys) == before)
            // Issued: neither redrafted nor issued again.
            let (redraft, redraftBody) = try await office.send(.POST, "/api/v1/bulletins", ["month": "2023-06"])
            #expect(redraft == .unprocessableEntity && ((redraftBody["error"] as? [String: Any])?["message"] as? String)?.contains("已于") == true)
            #expect(try await office.send(.POST, "/api/v1/bulletins/\(id)/issue", ["version": 2]).0 == .unprocessableEntity)
            try await office.test(.GET, "/bulletins/\(id)") { res in
                #expect(res.status == .ok && res.body.string.contains(unitName) && !res.body.string.contains(unitName + "（更名）"))
            }
            try await office.test(.GET, "/bulletins/\(id)/docx") { res in
                #expect(res.status == .ok && Array(res.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            }

            // A month with nothing to report makes a bulletin that says so.
            let (empty, emptyBody) = try await office.send(.POST, "/api/v1/bulletins", ["month": "2021-03"])
            #expect(empty == .created && ((emptyBody["content"] as? [String: Any])?["overdue"] as? [Any])?.isEmpty == true)
            let emptyID = try #require((emptyBody["document"] as? [String: Any])?["id"] as? String)
            try await office.test(.GET, "/bulletins/\(emptyID)") { res in #expect(res.status == .ok && res.body.string.contains("本月无逾期事项")) }
            #expect(try await app.as(.unit, unit: "区商务局").send(.POST, "/api/v1/bulletins", ["month": "2023-05"]).0 == .forbidden)
        }
    }
}

@Suite struct MeetingPagesTests {
    @Test func theOfficeBuildsTheNextAgendaFromTheSuggestionsAndRecordsADecisionThroughForms() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let next = try #require(try await MeetingModel.query(on: app.db).filter(\.$heldOn == "2023-07-05").first())
            let (_, detail) = try await office.send(.GET, "/api/v1/meetings/\(next.id!)")
            let suggested = try #require(detail["suggestions"] as? [[String: Any]]).compactMap { ($0["problem"] as? [String: Any])?["id"] as? String }
            #expect(suggested.count >= 2)
            try await office.test(.POST, "/meetings/\(next.id!)/items", beforeRequest: { req in
                let form = (["version=\(next.version)"] + suggested.prefix(2).map { "problems%5B%5D=\($0)" }).joined(separator: "&")
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: form)
            }) { res in
                #expect(res.status == .ok && res.body.string.contains("已列入议题"))
            }
            #expect(try await MeetingItemModel.query(on: app.db).filter(\.$meetingID == next.id!).count() == 2)
            // Held meetings take decisions; this one is still to come.
            let (early, earlyBody) = try await office.send(.POST, "/api/v1/meetings/\(next.id!)/decisions", ["title": "x", "leadUnit": "区商务局"])
            #expect(early == .unprocessableEntity && (earlyBody["error"] as? [String: Any])?["field"] as? String == "meeting")
            let held = try #require(try await MeetingModel.query(on: app.db).filter(\.$heldOn == "2023-06-21").first())
            let agendaProblem = try #require(try await MeetingItemModel.query(on: app.db).filter(\.$meetingID == held.id!).first()).problemID
            try await office.test(.POST, "/meetings/\(held.id!)/decisions", beforeRequest: { req in
                let form = ["title=%E5%8C%BA%E5%95%86%E5%8A%A1%E5%B1%80%E7%89%B5%E5%A4%B4%E5%8D%8F%E8%B0%83", "leadUnit=%E5%8C%BA%E5%95%86%E5%8A%A1%E5%B1%80",
                            "deadline=2023-07-14", "problems%5B%5D=\(agendaProblem)"].joined(separator: "&")
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: form)
            }) { res in
                #expect(res.status == .ok && res.body.string.contains("已记录议定事项") && res.body.string.contains("区商务局牵头协调"))
            }
            let decision = try #require(try await ProblemModel.query(on: app.db).filter(\.$title == "区商务局牵头协调").first())
            #expect(decision.kind == "decision" && decision.deadline == "2023-07-14" && decision.meetingID == held.id)
            #expect(try await DecisionProblemModel.query(on: app.db).filter(\.$decisionID == decision.id!).first()?.problemID == agendaProblem)
            try await office.test(.GET, "/meetings/\(held.id!)/packet") { res in #expect(res.status == .ok && res.body.string.contains("会议意见")) }
        }
    }
}

@Suite struct ProblemAttachmentTests {
    static func multipart(_ name: String, _ bytes: [UInt8]) -> (HTTPMediaType, ByteBuffer) {
        let boundary = "ballast-test-boundary"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        return (HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]), body)
    }

    @Test func filesAreAttachedByThoseWhoSeeTheProblemAndDownloadedNeverShownInline() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try await ProblemsAPITests.commerceProject(app)
            let office = try await app.as(.office)
            let (_, created) = try await office.send(.POST, "/api/v1/problems", ["projectCode": project.code, "category": "手续审批", "title": "施工许可待批",
                                                                                 "description": "d", "leadUnit": "区商务局"])
            let id = try #require((created["problem"] as? [String: Any])?["id"] as? String)
            func attach(_ client: TestClient, _ name: String, _ bytes: [UInt8]) async throws -> (HTTPStatus, [String: Any]) {
                var out: (HTTPStatus, [String: Any]) = (.ok, [:])
                try await client.test(.POST, "/api/v1/problems/\(id)/attachments", beforeRequest: { req in
                    let (type, body) = Self.multipart(name, bytes)
                    req.headers.contentType = type
                    req.body = body
                }) { res in out = (res.status, jsonObject(res)) }
                return out
            }
            let pdf = Array("%PDF-1.4 批复".utf8)
            let (refused, why) = try await attach(office, "run.html", Array("<script>".utf8))
            #expect(refused == .unprocessableEntity && (why["error"] as? [String: Any])?["field"] as? String == "file")
            #expect(try await attach(app.as(.unit, unit: "区教育局"), "批复.pdf", pdf).0 == .notFound)
            let (ok, detail) = try await attach(try await app.as(.unit, unit: "区商务局"), "用地批复.pdf", pdf)
            #expect(ok == .created)
            let listed = try #require((detail["attachments"] as? [[String: Any]])?.first)
            #expect(listed["fileName"] as? String == "用地批复.pdf" && listed["size"] as? Int == pdf.count)
            try await office.test(.GET, try #require(listed["url"] as? String)) { res in
                #expect(res.status == .ok && Array(res.body.readableBytesView) == pdf)
                #expect(res.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
                #expect(res.headers.contentType?.subType == "pdf")
            }
            try await app.as(.unit, unit: "区教育局").test(.GET, try #require(listed["url"] as? String)) { res in #expect(res.status == .notFound) }
        }
    }
}
