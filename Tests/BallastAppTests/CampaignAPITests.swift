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

@Suite struct CampaignAPITests {
    /// The figures Erqi reports (shared/DOMAIN.md), in 万元: 81 projects, 559.5亿.
    static let reported: [String: (entries: Int, wan: Double)] = ["签约": (9, 1_025_000), "开工": (38, 2_566_000), "投产": (34, 2_004_000)]

    @Test func theDemoReproducesTheDistrictsCampaignTotalsAndFollowUpMovesTheRates() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (status, figures) = try await office.send(.GET, "/api/v1/campaign?asOf=2023-06-30")
            #expect(status == .ok)
            let totals = try #require(figures["totals"] as? [String: Any])
            #expect(totals["entries"] as? Int == 81)
            #expect(totals["investment"] as? Double == 5_595_000)
            let batches = try #require(totals["batches"] as? [String: [String: Any]])
            for (batch, expected) in Self.reported {
                #expect(batches[batch]?["entries"] as? Int == expected.entries, "\(batch)")
                #expect(batches[batch]?["investment"] as? Double == expected.wan, "\(batch)")
            }
            let periods = try #require(figures["periods"] as? [[String: Any]])
            #expect(periods.count == 8)
            #expect(periods.first { $0["number"] as? Int == 7 }?["heldOn"] as? String == "2023-01-28")
            // The rate is the share the SQL counted, as Core computes it.
            let sign = try #require(batches["签约"])
            let started = try #require(sign["started"] as? Int)
            #expect(sign["rate"] as? Double == Percent.of(started, 9))
            // Periods held after the as-of day are not yet counted.
            let (_, early) = try await office.send(.GET, "/api/v1/campaign?asOf=2022-12-31")
            #expect((early["periods"] as? [[String: Any]])?.count == 6)
            #expect(((early["totals"] as? [String: Any])?["entries"] as? Int ?? 0) < 81)

            // Follow-up: an unstarted 签约 entry starts; the rate moves; a stale version is refused.
            let period = try #require(periods.first { ($0["batches"] as? [String: [String: Any]])?["签约"]?["entries"] as? Int ?? 0 > 0 })
            let (_, entries) = try await office.sendArray(.GET, "/api/v1/campaign/periods/\(period["id"] as! String)")
            let open = try #require(try await CampaignEntryModel.query(on: app.db).filter(\.$batch == "签约").filter(\.$startedOn == nil).first())
            #expect(!entries.isEmpty)
            let bad = try await office.send(.PUT, "/api/v1/campaign/entries/\(open.id!)", ["version": open.version, "startedOn": "2023-06-01", "producedOn": "2023-05-01"])
            #expect(bad.0 == .unprocessableEntity)
            #expect((bad.1["error"] as? [String: Any])?["field"] as? String == "producedOn")
            let (ok, done) = try await office.send(.PUT, "/api/v1/campaign/entries/\(open.id!)", ["version": open.version, "startedOn": "2023-06-01"])
            #expect(ok == .ok)
            #expect(done["startedOn"] as? String == "2023-06-01")
            #expect(try await office.send(.PUT, "/api/v1/campaign/entries/\(open.id!)", ["version": open.version, "startedOn": "2023-06-02"]).0 == .conflict)
            let (_, after) = try await office.send(.GET, "/api/v1/campaign?asOf=2023-06-30")
            let signAfter = try #require(((after["totals"] as? [String: Any])?["batches"] as? [String: [String: Any]])?["签约"])
            #expect(signAfter["started"] as? Int == started + 1)

            // A unit follows up its own projects' entries only, and may not list or import.
            let foreign = try #require(try await CampaignEntryModel.query(on: app.db).join(ProjectModel.self, on: \CampaignEntryModel.$project.$id == \ProjectModel.$id)
                .filter(ProjectModel.self, \.$unit.$id != open.$project.id).first())
            let foreignProject = try #require(try await ProjectModel.find(foreign.$project.id, on: app.db))
            let ownerName = try #require(try await ReferenceEntryModel.find(foreignProject.$unit.id, on: app.db)).name
            let other = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$kind == "unit").filter(\.$name != ownerName).first())
            let unit = try await app.as(.unit, unit: other.name)
            #expect(try await unit.send(.PUT, "/api/v1/campaign/entries/\(foreign.id!)", ["version": foreign.version, "startedOn": "2023-06-01"]).0 == .notFound)
            #expect(try await unit.send(.POST, "/api/v1/campaign/periods", ["number": 9, "heldOn": "2023-06-01"]).0 == .forbidden)

            try await office.test(.GET, "/campaign") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("81 个项目，559.50 亿元"))
            }
            try await office.test(.GET, "/campaign/\(period["id"] as! String)") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("签约一批"))
            }
        }
    }

    @Test func aListImportIsAllOrNothingAndCreatesItsNewPeriod() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let codes = try await ProjectModel.query(on: app.db).filter(\.$stage == "在建").sort(\.$code).limit(2).all().map(\.code)
            let before = try await CampaignEntryModel.query(on: app.db).count()
            // Row 3 names a project the district does not have; row 4 a new period without its day.
            let bad = "期次,批次,项目编号,计入投资（万元）,举办日期\n9,开工,\(codes[0]),1200,2023-06-20\n9,开工,NO-SUCH,100,\n10,投产,\(codes[1]),50,\n"
            let (status, report) = try await office.upload("/api/v1/campaign/import", fileName: "list.csv", bad)
            #expect(status == .unprocessableEntity)
            let issues = try #require(report["issues"] as? [[String: Any]])
            #expect(issues.map { "\($0["row"] as? Int ?? 0) \($0["column"] as? String ?? "")" } == ["3 项目编号", "4 举办日期"])
            #expect(try await CampaignEntryModel.query(on: app.db).count() == before)
            #expect(try await CampaignPeriodModel.query(on: app.db).filter(\.$number == 9).count() == 0)

            let good = "期次,批次,项目编号,计入投资（万元）,举办日期,开工日期\n9,开工,\(codes[0]),1200,2023-06-20,2023-06-25\n9,签约,\(codes[1]),800,,\n"
            let (ok, done) = try await office.upload("/api/v1/campaign/import", fileName: "list.csv", good)
            #expect(ok == .ok)
            #expect(done["created"] as? Int == 2)
            #expect(try await CampaignEntryModel.query(on: app.db).count() == before + 2)
            // The same file again changes nothing; a changed amount updates its entry.
            #expect(try await office.upload("/api/v1/campaign/import", fileName: "list.csv", good).1["unchanged"] as? Int == 2)
            let changed = good.replacingOccurrences(of: ",800,", with: ",900,")
            #expect(try await office.upload("/api/v1/campaign/import", fileName: "list.csv", changed).1["updated"] as? Int == 1)
            // The changed amount is audited as one change, before (800 万元) and after (900 万元).
            let revised = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "campaign-entry").filter(\.$action == "update").first())
            #expect(revised.before?.contains("\"investment\":8000000") == true)
            #expect(revised.after?.contains("\"investment\":9000000") == true)
            let (_, figures) = try await office.send(.GET, "/api/v1/campaign?asOf=2023-06-30")
            let nine = try #require((figures["periods"] as? [[String: Any]])?.first { $0["number"] as? Int == 9 })
            #expect(nine["investment"] as? Double == 2_100)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "campaign-list").count() == 3)
        }
    }
}

extension TestClient {
    /// A request answered with a JSON array.
    func sendArray(_ method: HTTPMethod, _ path: String) async throws -> (HTTPStatus, [[String: Any]]) {
        var out: (HTTPStatus, [[String: Any]]) = (.ok, [])
        try await test(method, path) { res in
            out = (res.status, (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]]) ?? [])
        }
        return out
    }
}
