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

/// 观摩讲评 (issue 28, part 2): the office plans a tour, three reviewers score it on the sheet
/// (a unit's reviewer standing aside on its own unit's projects), the scores combine by the
/// district's setting, the office closes the scoring, the 讲评通报 is issued with its own number,
/// and the result counts in the unit's facts for the month.
@Suite struct InspectionsAPITests {
    static func field(_ body: [String: Any]) -> String? { (body["error"] as? [String: Any])?["field"] as? String }

    static let items = ["investment", "progress", "quality", "elements", "highlights"]
    /// Totals 80, 85.5 and 90, item by item.
    static let low: [Double] = [20, 20, 16, 12, 12]
    static let middle: [Double] = [22, 21.5, 17, 13, 12]
    static let high: [Double] = [23, 23, 18, 13, 13]

    static func points(_ values: [Double]) -> [String: Double] { Dictionary(uniqueKeysWithValues: zip(items, values)) }

    @Test func aTourIsPlannedScoredByThreeReviewersClosedAndIssued() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let housing = "区住房城乡建设局"
            let office = try await app.as(.office), leader = try await app.as(.leader), supervision = try await app.as(.supervision)
            let unit = try await app.as(.unit, unit: housing), viewer = try await app.as(.viewer)
            let unitEntry = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$kind == "unit").filter(\.$name == housing).first())
            let own = try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitEntry.id!).sort(\.$code).limit(2).all()
            let other = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id != unitEntry.id!).sort(\.$code).first())
            #expect(own.count == 2)
            let (a, b, c) = (own[0], own[1], other)

            // The office sets its sheet: drop the highest and lowest from three reviewers on.
            let sheet: [String: Any] = ["version": 1, "dropExtremesFrom": 3, "items": InspectionSheet.standard.items.map { ["key": $0.key, "name": $0.name, "points": $0.points] }]
            #expect(try await unit.send(.PUT, "/api/v1/inspection-sheet", sheet).0 == .forbidden)
            var badSheet = sheet; badSheet["dropExtremesFrom"] = 2
            #expect(Self.field(try await office.send(.PUT, "/api/v1/inspection-sheet", badSheet).1) == "dropExtremesFrom")
            let (saved, savedBody) = try await office.send(.PUT, "/api/v1/inspection-sheet", sheet)
            #expect(saved == .ok && savedBody["version"] as? Int == 2, "\(savedBody)")
            #expect(try await office.send(.PUT, "/api/v1/inspection-sheet", sheet).0 == .conflict)

            let plan: [String: Any] = ["title": "六月专项观摩", "heldOn": "2023-06-30", "projects": [a.code, b.code, c.code],
                                       "reviewers": [leader.username, supervision.username, unit.username], "route": false]
            // Refused, each naming its field; nothing is written.
            #expect(try await unit.send(.POST, "/api/v1/inspections", plan).0 == .forbidden)
            var past = plan; past["heldOn"] = "2023-06-29"
            #expect(Self.field(try await office.send(.POST, "/api/v1/inspections", past).1) == "heldOn")
            var unknown = plan; unknown["projects"] = [a.code, "NOPE-1"]
            #expect(Self.field(try await office.send(.POST, "/api/v1/inspections", unknown).1) == "projects[1]")
            var stranger = plan; stranger["reviewers"] = ["nobody-here"]
            #expect(Self.field(try await office.send(.POST, "/api/v1/inspections", stranger).1) == "reviewers[0]")
            // A read-only account, or the administrator's, scores nothing (once admitted, and its score counted).
            var readOnly = plan; readOnly["reviewers"] = [leader.username, viewer.username]
            #expect(Self.field(try await office.send(.POST, "/api/v1/inspections", readOnly).1) == "reviewers[1]")
            var twoLines = plan; twoLines["title"] = "六月\n观摩"
            let (twoLinesStatus, twoLinesBody) = try await office.send(.POST, "/api/v1/inspections", twoLines)
            #expect(twoLinesStatus == .unprocessableEntity && Self.field(twoLinesBody) == "title"
                    && ((twoLinesBody["error"] as? [String: Any])?["message"] as? String)?.contains("一行") == true, "\(twoLinesBody)")
            let before = try await InspectionModel.query(on: app.db).count()

            let (planned, tour) = try await office.send(.POST, "/api/v1/inspections", plan)
            #expect(planned == .created, "\(tour)")
            let id = try #require(tour["id"] as? String)
            #expect(try await InspectionModel.query(on: app.db).count() == before + 1)
            #expect((tour["stops"] as? [[String: Any]])?.map { $0["code"] as? String } == [a.code, b.code, c.code])
            #expect((tour["sheet"] as? [String: Any])?["version"] as? Int == 2)
            // A project on a tour is the district's record: it is not deleted (once a 500 on the key).
            let (deleted, deletedBody) = try await office.send(.DELETE, "/api/v1/projects/\(c.id!)?version=\(c.version)")
            #expect(deleted == .conflict && ((deletedBody["error"] as? [String: Any])?["message"] as? String)?.contains("观摩") == true, "\(deletedBody)")
            // One tour a day.
            #expect(Self.field(try await office.send(.POST, "/api/v1/inspections", plan).1) == "heldOn")

            let scores = "/api/v1/inspections/\(id)/scores"
            func score(_ client: TestClient, _ p: ProjectModel, _ values: [Double]) async throws -> (HTTPStatus, [String: Any]) {
                try await client.send(.POST, scores, ["projectID": p.id!.uuidString, "points": Self.points(values)])
            }
            // Not a reviewer; a unit's own project; an item over its points; an item missing.
            #expect(Self.field(try await score(viewer, c, Self.low).1) == "reviewer")
            #expect(Self.field(try await score(unit, a, Self.low).1) == "project")
            var over = Self.low; over[0] = 25.5
            #expect(Self.field(try await score(leader, a, over).1) == "investment")
            #expect(Self.field(try await leader.send(.POST, scores, ["projectID": a.id!.uuidString, "points": ["investment": 20]]).1) == "progress")

            for p in [a, b, c] { #expect(try await score(leader, p, Self.middle).0 == .ok) }
            // A reviewer changes their mind: the sheet is replaced, not added.
            for p in [a, b, c] { #expect(try await score(leader, p, Self.low).0 == .ok) }
            for p in [a, b, c] { #expect(try await score(supervision, p, Self.middle).0 == .ok) }
            let (scoredC, scoredBody) = try await score(unit, c, Self.high)
            #expect(scoredC == .ok && scoredBody["total"] as? Double == 90)
            #expect(try await InspectionScoreModel.query(on: app.db).filter(\.$inspectionID == UUID(uuidString: id)!).count() == 7)

            // Before closing, the results are the office's alone.
            let (_, seen) = try await leader.send(.GET, "/api/v1/inspections/\(id)")
            #expect(seen["results"] == nil || seen["results"] is NSNull)
            #expect((seen["mine"] as? [[String: Any]])?.count == 3)
            let (_, provisional) = try await office.send(.GET, "/api/v1/inspections/\(id)")
            #expect(provisional["provisional"] as? Bool == true)

            #expect(try await unit.send(.POST, "/api/v1/inspections/\(id)/close", ["version": 1]).0 == .forbidden)
            let (closed, closedBody) = try await office.send(.POST, "/api/v1/inspections/\(id)/close", ["version": 1])
            #expect(closed == .ok && closedBody["status"] as? String == "closed", "\(closedBody)")
            #expect(Self.field(try await score(leader, a, Self.middle).1) == "status")

            // c: 80, 85.5, 90 from three reviewers, the highest and lowest dropped: 85.5.
            // a, b: 80 and 85.5 (the unit stood aside): 82.75 each, sharing rank 2.
            let (_, final) = try await viewer.send(.GET, "/api/v1/inspections/\(id)")
            let results = try #require(final["results"] as? [String: Any])
            let projects = try #require(results["projects"] as? [[String: Any]])
            #expect(projects.map { $0["code"] as? String } == [c.code, a.code, b.code])
            #expect(projects.map { $0["score"] as? Double } == [85.5, 82.75, 82.75])
            #expect(projects.map { $0["rank"] as? Int } == [1, 2, 2])
            #expect(projects.first?["dropped"] as? [Double] == [80, 90])
            let units = try #require(results["units"] as? [[String: Any]])
            #expect(units.last?["unit"] as? String == housing && units.last?["score"] as? Double == 82.75)

            // It counts in the month's facts: the housing bureau's mean over the sheet's 100.
            let facts = try await UnitFactsQuery.run(districtID: a.$district.id, year: 2023, month: 6, on: app.db)
            #expect(facts.first { $0.name == housing }?.facts.inspectionRatio == 0.8275)

            // The 讲评通报: drafted once closed, issued with its own series' number.
            let (drafted, doc) = try await office.send(.POST, "/api/v1/documents", ["kind": "inspection-review", "period": "2023-06-30"])
            #expect(drafted == .created, "\(doc)")
            let docID = try #require((doc["document"] as? [String: Any])?["id"] as? String)
            let (issued, issuedBody) = try await office.send(.POST, "/api/v1/documents/\(docID)/issue", ["version": 1])
            #expect(issued == .ok, "\(issuedBody)")
            #expect((issuedBody["document"] as? [String: Any])?["number"] as? String == "2023年第1期")
            let (pdfStatus, _) = try await viewer.send(.GET, "/api/v1/documents/\(docID)?format=docx")
            #expect(pdfStatus == .ok)
        }
    }

    /// The demo's mid-year 观摩: planned, scored by four reviewers and closed, its review left to draft;
    /// each project's score is the plain mean of its sheets' totals (fewer than five reviewers).
    @Test func theDemoTourIsScoredAndClosed() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let viewer = try await app.as(.viewer)
            let (status, list) = try await viewer.send(.GET, "/api/v1/inspections?year=2023")
            #expect(status == .ok)
            let tours = try #require(list["inspections"] as? [[String: Any]])
            #expect(tours.count == 1 && tours.first?["status"] as? String == "closed" && tours.first?["heldOn"] as? String == "2023-06-16")
            let id = try #require(tours.first?["id"] as? String)
            let (_, tour) = try await viewer.send(.GET, "/api/v1/inspections/\(id)")
            #expect((tour["stops"] as? [[String: Any]])?.count == DemoInspection.stops)
            #expect(tour["reviewDocumentID"] == nil || tour["reviewDocumentID"] is NSNull)
            let results = try #require(tour["results"] as? [String: Any])
            let projects = try #require(results["projects"] as? [[String: Any]])
            let rows = try await InspectionScoreModel.query(on: app.db).filter(\.$inspectionID == UUID(uuidString: id)!).all()
            for p in projects {
                let pid = try #require((p["projectID"] as? String).flatMap(UUID.init(uuidString:)))
                let totals = rows.filter { $0.projectID == pid }.map(\.total)
                #expect((3...4).contains(totals.count))
                // In whole tenths, the mean to two places rounded half up: (2·10·sum + n) ÷ 2n hundredths.
                let tenths = totals.reduce(0) { $0 + Int(($1 * 10).rounded()) }
                let hundredths = (2 * 10 * tenths + totals.count) / (2 * totals.count)
                #expect(p["score"] as? Double == Double(hundredths) / 100, "\(p) \(totals)")
            }
            let scores = projects.compactMap { $0["score"] as? Double }
            #expect(scores == scores.sorted(by: >))
            // The page is wholly in its language, its punctuation too (once "Day：2023-06-16" in English).
            try await viewer.test(.GET, "/inspections/\(id)?lang=en") { res in
                let html = res.body.string
                #expect(res.status == .ok && html.contains("Day: 2023-06-16") && !html.contains("：") && !html.contains("观摩日期"))
            }
            try await viewer.test(.GET, "/inspections/\(id)?lang=zh") { res in #expect(res.body.string.contains("观摩日期：2023-06-16")) }
        }
    }
}
