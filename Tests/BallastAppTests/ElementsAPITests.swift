@testable import BallastApp
import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// 资金与要素 through the API and the pages (issue 27): funds behind spending and land not
/// handed over by the planned start are reasons on the project and in the meeting's
/// suggestions; arrived above planned is allowed and noted; negative is refused; each role
/// reaches its own.
@Suite struct ElementsAPITests {
    /// A demo portfolio project under construction with investment approved this year.
    static func spendingProject(_ app: Application) async throws -> ProjectModel {
        let done = try await CompletedQuery.byProject(districtID: try #require(try await DistrictModel.query(on: app.db).first()?.id),
                                                      year: 2023, throughMonth: 6, on: app.db)
        return try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == LifecycleStage.underConstruction.rawValue).sort(\.$code).all()
            .first { (done[$0.id!]?.yuan ?? 0) > 1_000_000 })
    }

    static func codes(_ body: [String: Any], _ key: String) -> [String] {
        (body[key] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    @Test func fundsBehindSpendingAreAReasonAndAboveThePlanANote() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let p = try await Self.spendingProject(app)
            let unit = try #require(try await ReferenceEntryModel.find(p.$unit.id, on: app.db)).name
            let (_, before) = try await office.send(.GET, "/api/v1/projects/\(p.id!)/elements")
            let (_, figures0) = try await office.send(.GET, "/api/v1/elements?asOf=2023-06-30")
            let bonds0 = (figures0["specialBondsByUnit"] as? [[String: Any]] ?? []).first { $0["unit"] as? String == unit }
            let hadBonds = (before["funds"] as? [[String: Any]] ?? []).first { $0["source"] as? String == "专项债" }
            // 专项债 100 planned, 120 arrived (allowed, noted); 区级资金 50 planned, nothing arrived: 120 万 is behind the spending.
            let (ok, saved) = try await office.send(.PUT, "/api/v1/projects/\(p.id!)/funds", [
                "year": 2023, "version": before["fundsVersion"] as? Int ?? 0,
                "funds": [["source": "专项债", "planned": 100, "arrived": 120], ["source": "district", "planned": 50, "arrived": 0]]])
            #expect(ok == .ok)
            #expect((saved["funds"] as? [[String: Any]])?.count == 2)
            let kinds = (saved["findings"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds == ["funds-behind", "arrived-above-planned"])
            let messages = (saved["findings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            #expect(messages.first?.hasPrefix("资金到位 120 万元，少于本年已完成投资") == true && messages.last == "专项债到位 120 万元，超过计划 100 万元")
            let (_, figures) = try await office.send(.GET, "/api/v1/elements?asOf=2023-06-30")
            #expect(Self.codes(figures, "fundsBehind").contains(p.code) && Self.codes(figures, "arrivedAbovePlanned").contains(p.code))
            // The unit's 专项债 moves by exactly this project's change.
            let bonds = try #require((figures["specialBondsByUnit"] as? [[String: Any]] ?? []).first { $0["unit"] as? String == unit })
            let planned0 = bonds0?["planned"] as? Double ?? 0, oldPlanned = hadBonds?["planned"] as? Double ?? 0
            #expect(abs((bonds["planned"] as? Double ?? 0) - (planned0 - oldPlanned + 100)) < 0.0001)
            // On the project page, the reason; the form keeps the figures as typed.
            try await office.test(.GET, "/projects/\(p.id!)") { res in
                let html = res.body.string
                #expect(html.contains("data-finding=\"funds-behind\"") && html.contains("专项债到位 120 万元，超过计划 100 万元")
                        && html.contains("name=\"planned-special-bonds\" aria-label=\"专项债 计划（万元）\" value=\"100\""))
            }
            // The same change through the page's form, and a stale version refused.
            let form = "_csrf=\(office.csrfToken)&year=2023&version=\(saved["fundsVersion"] as? Int ?? 0)&planned-special-bonds=100&arrived-special-bonds=90&planned-district=&arrived-district="
            try await office.test(.POST, "/projects/\(p.id!)/funds", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: form)
            }) { res in #expect(res.status == .ok) }
            let lines = try await ElementsEditor.funds(projectID: p.id!, year: 2023, on: app.db)
            #expect(lines.map(\.source) == ["专项债"] && lines.first?.arrived == 900_000)
            try await office.test(.POST, "/projects/\(p.id!)/funds", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: form)
            }) { res in #expect(res.status == .conflict) }
        }
    }

    @Test func badFundsAreNamedAndNothingIsWritten() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let p = try await Self.spendingProject(app)
            let path = "/api/v1/projects/\(p.id!)/funds"
            let (_, before) = try await office.send(.GET, "/api/v1/projects/\(p.id!)/elements")
            let v = before["fundsVersion"] as? Int ?? 0
            let (s1, e1) = try await office.send(.PUT, path, ["year": 2023, "version": v, "funds": [["source": "专项债", "planned": -1, "arrived": 0]]])
            #expect(s1 == .unprocessableEntity && "\(e1)".contains("planned") && "\(e1)".contains("不能为负数"))
            let (s2, e2) = try await office.send(.PUT, path, ["year": 2023, "version": v, "funds": [["source": "彩票", "planned": 1]]])
            #expect(s2 == .badRequest && "\(e2)".contains("funds[0].source"))
            let (s3, e3) = try await office.send(.PUT, path, ["year": 2023, "version": v, "funds": [["source": "专项债", "planned": 1], ["source": "special-bonds", "planned": 2]]])
            #expect(s3 == .unprocessableEntity && "\(e3)".contains("填了两次"))
            #expect(try await office.send(.PUT, path, ["year": 2023, "version": v + 3, "funds": [["source": "专项债", "planned": 1]]]).0 == .conflict)
            #expect(try await office.send(.PUT, path, ["year": 2023, "version": v, "funds": [["source": "专项债", "planned": 0.00001]]]).0 == .badRequest)
            let (_, after) = try await office.send(.GET, "/api/v1/projects/\(p.id!)/elements")
            #expect(after["fundsVersion"] as? Int == v && (after["funds"] as? [Any])?.count == (before["funds"] as? [Any])?.count)
        }
    }

    /// Land to hand over: waiting before the planned start; a shortfall once it has come (said
    /// in the meeting's suggestions); handed over, neither.
    @Test func landNotHandedOverByThePlannedStartIsAShortfall() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == LifecycleStage.underConstruction.rawValue)
                .filter(\.$plannedStart < CalendarDate(year: 2023, month: 6, day: 1)!).sort(\.$code).first())
            let path = "/api/v1/projects/\(p.id!)/land"
            let (_, before) = try await office.send(.GET, "/api/v1/projects/\(p.id!)/elements")
            let (s0, e0) = try await office.send(.PUT, path, ["areaMu": -3, "version": before["landVersion"] as? Int ?? 0])
            #expect(s0 == .unprocessableEntity && "\(e0)".contains("areaMu"))
            let (s1, e1) = try await office.send(.PUT, path, ["areaMu": 40, "handedOverOn": "2023-07-02", "version": before["landVersion"] as? Int ?? 0])
            #expect(s1 == .unprocessableEntity && "\(e1)".contains("handedOverOn"))
            let (ok, saved) = try await office.send(.PUT, path, ["areaMu": 40, "supplyMethod": "出让", "quotas": "能耗：2 千吨标准煤/年",
                                                                 "version": before["landVersion"] as? Int ?? 0])
            #expect(ok == .ok && saved["areaMu"] as? Double == 40 && saved["landVersion"] as? Int == 1)
            let start = try #require(p.plannedStart)
            #expect((saved["findings"] as? [[String: Any]] ?? []).contains { $0["message"] as? String == "计划开工 \(start.iso) 已到，土地尚未交付" })
            let (_, figures) = try await office.send(.GET, "/api/v1/elements?asOf=2023-06-30")
            let line = try #require((figures["waitingForLand"] as? [[String: Any]] ?? []).first { $0["code"] as? String == p.code })
            #expect(line["reason"] as? String == "计划开工 \(start.iso) 已到，土地尚未交付")
            // As of the day before the start, only waiting.
            let (_, earlier) = try await office.send(.GET, "/api/v1/elements?asOf=\(start.adding(days: -1).iso)")
            #expect((earlier["waitingForLand"] as? [[String: Any]] ?? []).first { $0["code"] as? String == p.code }?["reason"] as? String == "待交地")
            // A problem on the project is suggested for the next meeting, saying why.
            let (raised, problem) = try await office.send(.POST, "/api/v1/problems", [
                "projectCode": p.code, "category": "土地", "title": "用地未交付", "description": "待交地", "major": false,
                "leadUnit": try #require(try await ReferenceEntryModel.find(p.$unit.id, on: app.db)).name, "deadline": "2023-07-20"])
            #expect(raised == .created)
            let next = try #require(try await MeetingModel.query(on: app.db).filter(\.$heldOn == "2023-07-05").first())
            let (_, detail) = try await office.send(.GET, "/api/v1/meetings/\(next.id!)")
            let mine = try #require((detail["suggestions"] as? [[String: Any]] ?? []).first { ($0["problem"] as? [String: Any])?["id"] as? String == (problem["problem"] as? [String: Any])?["id"] as? String })
            #expect((mine["reasons"] as? [String])?.contains("elements") == true)
            try await office.test(.GET, "/meetings/\(next.id!)") { res in #expect(res.body.string.contains("土地尚未交付")) }
            // Handed over: no longer waiting.
            _ = try await office.send(.PUT, path, ["areaMu": 40, "supplyMethod": "出让", "handedOverOn": "2023-06-20", "version": 1])
            let (_, after) = try await office.send(.GET, "/api/v1/elements?asOf=2023-06-30")
            #expect(!Self.codes(after, "waitingForLand").contains(p.code))
        }
    }

    @Test func aUnitReachesItsOwn() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let housing = try await app.as(.unit, unit: "区住房城乡建设局")
            let unitID = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住房城乡建设局").first()?.id)
            let other = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id != unitID).first())
            let own = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitID).sort(\.$code).first())
            #expect(try await housing.send(.GET, "/api/v1/projects/\(other.id!)/elements").0 == .notFound)
            #expect(try await housing.send(.PUT, "/api/v1/projects/\(other.id!)/funds", ["version": 0, "funds": [] as [Any]]).0 == .notFound)
            #expect(try await housing.send(.PUT, "/api/v1/projects/\(other.id!)/land", ["version": 0, "areaMu": 1]).0 == .notFound)
            let (_, mine) = try await housing.send(.GET, "/api/v1/projects/\(own.id!)/elements")
            #expect(try await housing.send(.PUT, "/api/v1/projects/\(own.id!)/land", ["areaMu": 12.5, "version": mine["landVersion"] as? Int ?? 0]).0 == .ok)
            let (_, figures) = try await housing.send(.GET, "/api/v1/elements")
            let units = Set((figures["specialBondsByUnit"] as? [[String: Any]] ?? []).compactMap { $0["unit"] as? String }
                            + (figures["fundsBehind"] as? [[String: Any]] ?? []).compactMap { $0["unit"] as? String })
            #expect(units.isSubset(of: ["区住房城乡建设局"]))
            try await housing.test(.GET, "/elements") { res in #expect(res.status == .ok && !res.body.string.contains("二七新区管委会")) }
        }
    }
}
