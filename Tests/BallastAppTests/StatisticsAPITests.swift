@testable import BallastApp
import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// 入库纳统 through the API and the pages (issue 27): a started project out of the statistics
/// database lights by the district's rule and is counted by unit; the counted investment sits
/// beside the reported; bad input is named; each role reaches its own.
@Suite struct StatisticsAPITests {
    /// A portfolio project under construction, green on the demo day, with its unit's name.
    static func greenProject(_ app: Application) async throws -> (ProjectModel, String) {
        let green = Set(try await WarningStateModel.query(on: app.db).filter(\.$colour == "green").all().map(\.projectID))
        let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == LifecycleStage.underConstruction.rawValue)
            .sort(\.$code).all().first { green.contains($0.id!) })
        let unit = try #require(try await ReferenceEntryModel.find(p.$unit.id, on: app.db))
        return (p, unit.name)
    }

    static func missing(_ body: [String: Any]) -> [[String: Any]] { body["missing"] as? [[String: Any]] ?? [] }

    @Test func aStartedProjectOutOfTheDatabaseLightsByTheRuleAndIsCountedByUnit() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (p, unit) = try await Self.greenProject(app)
            let path = "/api/v1/projects/\(p.id!)/statistics"
            let (_, before) = try await office.send(.GET, path)
            #expect(before["status"] as? String == "included")
            let (_, figures0) = try await office.send(.GET, "/api/v1/statistics?asOf=2023-06-30")
            let unitCount0 = (figures0["byUnit"] as? [[String: Any]] ?? []).first { $0["unit"] as? String == unit }?["projects"] as? Int ?? 0
            // Started 4-30, declared, never included: exactly two months on 6-30 → 红.
            let (saved, record) = try await office.send(.PUT, path, ["startedOn": "2023-04-30", "declaredOn": "2023-05-10", "includedOn": NSNull(),
                                                                     "statisticsNumber": NSNull(), "version": before["version"] as? Int ?? 0])
            #expect(saved == .ok && record["status"] as? String == "declared" && record["includedOn"] == nil)
            let state = try #require(try await WarningStateModel.query(on: app.db).filter(\.$projectID == p.id!).first())
            #expect(state.colour == "red" && state.reasons.contains("开工（2023-04-30）已满 2 个月仍未入库（2023-05-10 已申报）"))
            let (_, figures) = try await office.send(.GET, "/api/v1/statistics?asOf=2023-06-30")
            let mine = try #require(Self.missing(figures).first { $0["code"] as? String == p.code })
            #expect(mine["months"] as? Int == 2 && mine["status"] as? String == "declared" && mine["unit"] as? String == unit)
            let unitCount = (figures["byUnit"] as? [[String: Any]] ?? []).first { $0["unit"] as? String == unit }?["projects"] as? Int
            #expect(unitCount == unitCount0 + 1)
            // As of 5-29 it had started and was out, but not yet for a month: listed, no light.
            let (_, may) = try await office.send(.GET, "/api/v1/statistics?asOf=2023-05-29")
            #expect(Self.missing(may).first { $0["code"] as? String == p.code }?["months"] as? Int == 0)
            let (_, april) = try await office.send(.GET, "/api/v1/statistics?asOf=2023-04-29")
            #expect(Self.missing(april).first { $0["code"] as? String == p.code } == nil)
            // Included on 6-20 with its number: out of the list, and the light follows.
            let (_, included) = try await office.send(.PUT, path, ["startedOn": "2023-04-30", "declaredOn": "2023-05-10", "includedOn": "2023-06-20",
                                                                   "statisticsNumber": "410103200001", "version": record["version"] as? Int ?? 0])
            #expect(included["status"] as? String == "included" && included["statisticsNumber"] as? String == "410103200001")
            let after = try #require(try await WarningStateModel.query(on: app.db).filter(\.$projectID == p.id!).first())
            #expect(after.colour == "green" && !after.reasons.contains("入库"))
            let (_, figures2) = try await office.send(.GET, "/api/v1/statistics?asOf=2023-06-30")
            #expect(Self.missing(figures2).first { $0["code"] as? String == p.code } == nil)
            // Each save is audited.
            let row = try #require(try await ProjectStatisticsModel.query(on: app.db).filter(\.$projectID == p.id!).first())
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "project-statistics").filter(\.$entityID == row.id!).count() == 2)
        }
    }

    /// 开工 reached on the project's nodes is the day the rule counts from.
    @Test func reachingTheStartNodeIsTheStart() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let withRecord = Set(try await ProjectStatisticsModel.query(on: app.db).all().map(\.projectID))
            let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == LifecycleStage.landed.rawValue).sort(\.$code).all()
                .first { !withRecord.contains($0.id!) })
            let (added, _) = try await office.send(.POST, "/api/v1/projects/\(p.id!)/milestones",
                                                   ["year": 2023, "name": "开工", "planned": "2023-06-01", "actual": "2023-06-10"])
            #expect(added == .created)
            let (_, record) = try await office.send(.GET, "/api/v1/projects/\(p.id!)/statistics")
            #expect(record["startedOn"] as? String == "2023-06-10" && record["status"] as? String == "not-included" && record["version"] as? Int == 1)
            let (_, figures) = try await office.send(.GET, "/api/v1/statistics?asOf=2023-06-30")
            #expect(Self.missing(figures).contains { $0["code"] as? String == p.code && $0["months"] as? Int == 0 })
        }
    }

    /// The district's rule is data: three months for 黄 and the project above is not lit at two.
    @Test func theRuleIsTheDistrictsOwn() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (p, _) = try await Self.greenProject(app)
            let path = "/api/v1/projects/\(p.id!)/statistics"
            let (_, before) = try await office.send(.GET, path)
            _ = try await office.send(.PUT, path, ["startedOn": "2023-04-30", "version": before["version"] as? Int ?? 0])
            let (_, rule) = try await office.send(.GET, "/api/v1/warnings/rule?year=2023")
            #expect(rule["statsYellowMonths"] as? Int == 1 && rule["statsRedMonths"] as? Int == 2)
            var changed = rule
            changed["statsYellowMonths"] = 3; changed["statsRedMonths"] = 4
            let (ok, saved) = try await office.send(.PUT, "/api/v1/warnings/rule", changed)
            #expect(ok == .ok && saved["statsYellowMonths"] as? Int == 3)
            let state = try #require(try await WarningStateModel.query(on: app.db).filter(\.$projectID == p.id!).first())
            #expect(state.colour == "green")
            // A change that leaves the months out keeps them.
            var lag = saved
            lag.removeValue(forKey: "statsYellowMonths"); lag.removeValue(forKey: "statsRedMonths")
            let (_, kept) = try await office.send(.PUT, "/api/v1/warnings/rule", lag)
            #expect(kept["statsYellowMonths"] as? Int == 3 && kept["statsRedMonths"] as? Int == 4)
            changed["statsYellowMonths"] = 0
            let (bad, err) = try await office.send(.PUT, "/api/v1/warnings/rule", changed)
            #expect(bad == .unprocessableEntity && "\(err)".contains("statsYellowMonths") && "\(err)".contains("入库纳统月数"))
        }
    }

    @Test func badInputIsNamedAndNothingIsWritten() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            // A project not started (签约 or 落地): no statistics number, no inclusion day.
            let notStarted = try #require(try await ProjectModel.query(on: app.db)
                .filter(\.$stage ~~ [LifecycleStage.signed.rawValue, LifecycleStage.landed.rawValue]).sort(\.$code).first())
            let path = "/api/v1/projects/\(notStarted.id!)/statistics"
            let (s1, e1) = try await office.send(.PUT, path, ["statisticsNumber": "410103200009", "version": 0])
            #expect(s1 == .unprocessableEntity && "\(e1)".contains("statisticsNumber") && "\(e1)".contains("项目尚未开工"))
            let (s2, e2) = try await office.send(.PUT, path, ["startedOn": "2023-03-01", "includedOn": "2023-04-01", "statisticsNumber": "1", "version": 0])
            #expect(s2 == .unprocessableEntity && "\(e2)".contains("落地") || "\(e2)".contains("签约"))
            #expect(try await ProjectStatisticsModel.query(on: app.db).filter(\.$projectID == notStarted.id!).count() == 0)
            let (p, _) = try await Self.greenProject(app)
            let mine = "/api/v1/projects/\(p.id!)/statistics"
            let (_, current) = try await office.send(.GET, mine)
            let version = current["version"] as? Int ?? 0
            let (s3, e3) = try await office.send(.PUT, mine, ["startedOn": "2023-13-01", "version": version])
            #expect(s3 == .badRequest && "\(e3)".contains("startedOn"))
            let (s4, e4) = try await office.send(.PUT, mine, ["startedOn": "2023-07-05", "version": version])
            #expect(s4 == .unprocessableEntity && "\(e4)".contains("startedOn") && "\(e4)".contains("晚于今天"))
            let (s5, e5) = try await office.send(.PUT, mine, ["startedOn": "2023-03-01", "declaredOn": "2023-02-01", "version": version])
            #expect(s5 == .unprocessableEntity && "\(e5)".contains("declaredOn"))
            #expect(try await office.send(.PUT, mine, ["startedOn": "2023-03-01", "version": version + 5]).0 == .conflict)
            // The counted figure: negative refused naming it; a month to come refused.
            let counts = mine + "/counts"
            let (s6, e6) = try await office.send(.PUT, counts, ["year": 2023, "month": 3, "counted": -5])
            #expect(s6 == .unprocessableEntity && "\(e6)".contains("counted") && "\(e6)".contains("负数"))
            #expect(try await office.send(.PUT, counts, ["year": 2023, "month": 9, "counted": 5]).0 == .unprocessableEntity)
            #expect(try await office.send(.PUT, counts, ["year": 2023, "month": 13, "counted": 5]).0 == .unprocessableEntity)
            #expect(try await office.send(.PUT, counts, ["year": 2023, "counted": 5]).0 == .badRequest)
            let (_, after) = try await office.send(.GET, mine)
            #expect(after["version"] as? Int == version && after["startedOn"] as? String == current["startedOn"] as? String)
        }
    }

    /// Reported beside counted, by unit and month: a figure the office enters moves its unit's
    /// month by exactly that much (worked by hand: 123.45 万元 on a month that had none).
    @Test func theCountedFigureSitsBesideTheReported() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (_, figures) = try await office.send(.GET, "/api/v1/statistics?asOf=2023-06-30")
            // An included project's March figure, raised by 123.45 万元.
            let count = try #require(try await StatisticsCountModel.query(on: app.db).filter(\.$year == 2023).filter(\.$month == 3).sort(\.$counted).first())
            let project = try #require(try await ProjectModel.find(count.projectID, on: app.db))
            let unit = try #require(try await ReferenceEntryModel.find(project.$unit.id, on: app.db)).name
            func row(_ f: [String: Any]) -> [String: Any] {
                (f["gap"] as? [[String: Any]] ?? []).first { $0["unit"] as? String == unit && $0["month"] as? Int == 3 } ?? [:]
            }
            let before = row(figures)
            let raised = Double(count.counted) / 10_000 + 123.45
            let (ok, record) = try await office.send(.PUT, "/api/v1/projects/\(project.id!)/statistics/counts", ["year": 2023, "month": 3, "counted": raised])
            #expect(ok == .ok)
            #expect(abs((((record["months"] as? [[String: Any]]) ?? []).first { $0["month"] as? Int == 3 }?["counted"] as? Double ?? 0) - raised) < 0.0001)
            let (_, again) = try await office.send(.GET, "/api/v1/statistics?asOf=2023-06-30")
            let after = row(again)
            let c0 = before["counted"] as? Double ?? 0, c1 = after["counted"] as? Double ?? 0
            let g0 = before["gap"] as? Double ?? 0, g1 = after["gap"] as? Double ?? 0
            #expect(abs(c1 - c0 - 123.45) < 0.0001 && abs(g0 - g1 - 123.45) < 0.0001)
            #expect(after["reported"] as? Double == before["reported"] as? Double)
            // A project out of the database is not counted there; nor a month before its start.
            let out = try #require((figures["missing"] as? [[String: Any]])?.first?["projectID"] as? String)
            let (refused, why) = try await office.send(.PUT, "/api/v1/projects/\(out)/statistics/counts", ["year": 2023, "month": 6, "counted": 1])
            #expect(refused == .unprocessableEntity && "\(why)".contains("尚未入库"))
            // Cleared with null.
            _ = try await office.send(.PUT, "/api/v1/projects/\(project.id!)/statistics/counts", ["year": 2023, "month": 3, "counted": NSNull()])
            #expect(try await StatisticsCountModel.query(on: app.db).filter(\.$projectID == project.id!).filter(\.$month == 3).count() == 0)
        }
    }

    /// A unit: its own projects only, on the page and the API; never the counted figure.
    @Test func aUnitReachesItsOwn() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let housing = try await app.as(.unit, unit: "区住房城乡建设局")
            let (_, figures) = try await housing.send(.GET, "/api/v1/statistics")
            let units = Set(Self.missing(figures).compactMap { $0["unit"] as? String } + (figures["gap"] as? [[String: Any]] ?? []).compactMap { $0["unit"] as? String })
            #expect(units == ["区住房城乡建设局"])
            let unitID = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住房城乡建设局").first()?.id)
            let other = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id != unitID)
                .filter(\.$stage == LifecycleStage.underConstruction.rawValue).first())
            let own = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitID)
                .filter(\.$stage == LifecycleStage.underConstruction.rawValue).sort(\.$code).first())
            #expect(try await housing.send(.GET, "/api/v1/projects/\(other.id!)/statistics").0 == .notFound)
            #expect(try await housing.send(.PUT, "/api/v1/projects/\(other.id!)/statistics", ["startedOn": "2023-03-01", "version": 0]).0 == .notFound)
            #expect(try await housing.send(.PUT, "/api/v1/projects/\(own.id!)/statistics/counts", ["month": 3, "counted": 1]).0 == .forbidden)
            let (_, mine) = try await housing.send(.GET, "/api/v1/projects/\(own.id!)/statistics")
            let (saved, _) = try await housing.send(.PUT, "/api/v1/projects/\(own.id!)/statistics",
                                                    ["startedOn": mine["startedOn"] as? String ?? "2023-03-01", "declaredOn": mine["declaredOn"] ?? NSNull(),
                                                     "includedOn": mine["includedOn"] ?? NSNull(), "statisticsNumber": mine["statisticsNumber"] ?? NSNull(),
                                                     "version": mine["version"] as? Int ?? 0])
            #expect(saved == .ok)
            // The page: the unit's rows, and on the project its form without the office's.
            try await housing.test(.GET, "/statistics") { res in
                #expect(res.status == .ok && res.body.string.contains("已开工未入库：按责任单位") && !res.body.string.contains("二七新区管委会"))
            }
            try await housing.test(.GET, "/projects/\(own.id!)") { res in
                let html = res.body.string
                #expect(html.contains("id=\"statistics\"") && html.contains("保存入库信息") && !html.contains("保存统计口径投资"))
            }
            let office = try await app.as(.office)
            try await office.test(.GET, "/projects/\(own.id!)") { res in #expect(res.body.string.contains("保存统计口径投资")) }
        }
    }

    /// The weekly bulletin says which started projects are out of the database, the same list
    /// as the page's on its day.
    @Test func theWeeklyBulletinListsStartedProjectsNotIncluded() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (_, figures) = try await office.send(.GET, "/api/v1/statistics?asOf=2023-06-30")
            let (status, drafted) = try await office.send(.POST, "/api/v1/documents", ["kind": "weekly-bulletin", "period": "2023-W26"])
            #expect(status == .created)
            let content = try #require(drafted["content"] as? [String: Any])
            let listed = (content["statisticsMissing"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(!listed.isEmpty && listed == Self.missing(figures).compactMap { $0["code"] as? String })
            let id = try #require((drafted["document"] as? [String: Any])?["id"] as? String)
            try await office.test(.GET, "/documents/\(id)") { res in
                #expect(res.body.string.contains("已开工未入库项目") && res.body.string.contains("先入库，后有数"))
            }
            // The CLI gives the API's figures.
            let out = try await app.run(command: ["report", "statistics", "--year", "2023", "--as-of", "2023-06-30", "--format", "json"])
            let cli = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
            #expect(Self.missing(cli).compactMap { $0["code"] as? String } == listed)
            #expect((cli["gap"] as? [[String: Any]])?.count == (figures["gap"] as? [[String: Any]])?.count)
            let table = try await app.run(command: ["report", "statistics", "--year", "2023", "--as-of", "2023-06-30"])
            #expect(table.contains("已开工未入库：按责任单位") && table.contains("统计口径"))
        }
    }
}
