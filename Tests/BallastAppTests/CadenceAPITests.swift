@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import SQLKit
import Foundation
import Testing
import Vapor
import VaporTesting

/// The weekly bulletin, rankings and assessments as the office and the units use them, on the
/// demo district (today there: 30 June 2023).
@Suite struct CadenceAPITests {
    func error(_ body: [String: Any]) -> (field: String?, message: String) {
        let e = body["error"] as? [String: Any]
        return (e?["field"] as? String, e?["message"] as? String ?? "")
    }

    func raw(_ client: TestClient, _ path: String) async throws -> (HTTPStatus, String, Data) {
        var out: (HTTPStatus, String, Data) = (.ok, "", Data())
        try await client.test(.GET, path) { res in
            out = (res.status, res.headers.first(name: .contentType) ?? "", Data(res.body.readableBytesView))
        }
        return out
    }

    @Test func theWeeklyBulletinIsDraftedIssuedOnceAndFrozenWhateverChangesAfter() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office), unit = try await app.as(.unit, unit: "区商务局")
            let (status, drafted) = try await office.send(.POST, "/api/v1/documents", ["kind": "weekly-bulletin", "period": "2023-W26"])
            #expect(status == .created)
            let doc = try #require(drafted["document"] as? [String: Any]), content = try #require(drafted["content"] as? [String: Any])
            let id = try #require(doc["id"] as? String)
            #expect(doc["status"] as? String == "draft" && doc["asOf"] as? String == "2023-06-30" && content["week"] as? String == "2023-W26")
            #expect((content["headline"] as? [String: Any])?["projects"] as? Int == 360)
            // The demo's lights judged on 30 June: those that turned red or yellow that day are this week's.
            let lit = try #require(content["newlyLit"] as? [[String: Any]])
            let changes = try await WarningChangeModel.query(on: app.db).filter(\.$onDate == "2023-06-30").all()
            let expected = changes.filter { ["red", "yellow"].contains($0.toColour) && !($0.toColour == "yellow" && $0.fromColour == "red") }
            #expect(lit.count == expected.count && !lit.isEmpty)
            // Units do not see drafts, and cannot draft or issue.
            #expect(try await unit.send(.GET, "/api/v1/documents/\(id)").0 == .notFound)
            #expect(try await unit.sendArray(.GET, "/api/v1/documents").1.isEmpty)
            #expect(try await unit.send(.POST, "/api/v1/documents", ["kind": "weekly-bulletin", "period": "2023-W25"]).0 == .forbidden)
            #expect(try await unit.send(.POST, "/api/v1/documents/\(id)/issue", ["version": 1]).0 == .forbidden)
            // Issued once: numbered; a second issue and a redraft are refused, saying when it went out.
            let (issued, issuedBody) = try await office.send(.POST, "/api/v1/documents/\(id)/issue", ["version": 1])
            #expect(issued == .ok && (issuedBody["document"] as? [String: Any])?["number"] as? String == "2023年第1期")
            #expect(try await unit.send(.GET, "/api/v1/documents/\(id)").0 == .ok)
            #expect(try await unit.sendArray(.GET, "/api/v1/documents").1.count == 1)
            let (again, againBody) = try await office.send(.POST, "/api/v1/documents/\(id)/issue", ["version": 2])
            #expect(again == .unprocessableEntity && error(againBody).message.contains("不能重复印发") && error(againBody).message.contains("2023-06-30"))
            let (redraft, redraftBody) = try await office.send(.POST, "/api/v1/documents", ["kind": "weekly-bulletin", "period": "2023-W26"])
            #expect(redraft == .unprocessableEntity && error(redraftBody).message.contains("不能重新生成"))
            // The data changes and a unit named in it is renamed: the issued bulletin does not.
            let before = try await raw(office, "/api/v1/documents/\(id)")
            let page = try await raw(office, "/documents/\(id)")
            let renamed = try #require(lit.first?["unit"] as? String)
            try await app.db.execute(sql: "UPDATE reference_entries SET name = '改名后的单位' WHERE name = '\(renamed)'")
            try await app.db.execute(sql: "DELETE FROM warning_changes")
            let after = try await raw(office, "/api/v1/documents/\(id)")
            #expect(before.2 == after.2)
            let pageAfter = try await raw(office, "/documents/\(id)")
            #expect(String(decoding: pageAfter.2, as: UTF8.self).contains(renamed) && !String(decoding: pageAfter.2, as: UTF8.self).contains("改名后的单位"))
            #expect(String(decoding: page.2, as: UTF8.self).contains("2023年第1期"))
            // Downloads: Word and Excel, named for the period, from the frozen content.
            let docx = try await raw(unit, "/documents/\(id)/docx"), xlsx = try await raw(unit, "/documents/\(id)/xlsx")
            #expect(docx.0 == .ok && docx.1.contains("wordprocessingml") && docx.2.starts(with: [0x50, 0x4B]))
            #expect(xlsx.0 == .ok && xlsx.1.contains("spreadsheetml") && xlsx.2.starts(with: [0x50, 0x4B]))
            if let text = try Self.libreOfficeText(docx.2) {
                for words in ["重点项目建设周通报", "2023年第1期", "一、总体进度", renamed] { #expect(text.contains(words), "\(words)") }
                // A 简报's 期号 stands alone: the 六角括号 belong to a 发文字号's year (GB/T 9704 7.2.4).
                #expect(!text.contains("〔2023年第1期〕"))
            }
            // Searchable by words in the content, and by kind and year.
            let (_, found) = try await office.sendArray(.GET, "/api/v1/documents?kind=weekly-bulletin&year=2023&q=\(renamed.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            #expect(found.map { $0["id"] as? String } == [id])
            #expect(try await office.sendArray(.GET, "/api/v1/documents?year=2022").1.isEmpty)
        }
    }

    @Test func badPeriodsAndSchemesAreRefusedClearly() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            // A week of a year with no plan; a week not begun; a week the year does not have.
            let (noData, noDataBody) = try await office.send(.POST, "/api/v1/documents", ["kind": "weekly-bulletin", "period": "2022-W10"])
            #expect(noData == .unprocessableEntity && error(noDataBody).message.contains("2022年没有重点项目年度计划"))
            let (future, futureBody) = try await office.send(.POST, "/api/v1/documents", ["kind": "weekly-bulletin", "period": "2023-W28"])
            #expect(future == .unprocessableEntity && error(futureBody).message.contains("尚未开始"))
            let (w53, w53Body) = try await office.send(.POST, "/api/v1/documents", ["kind": "weekly-bulletin", "period": "2023-W53"])
            #expect(w53 == .badRequest && error(w53Body).field == "week" && error(w53Body).message.contains("只有 52 周"))
            let (kind, kindBody) = try await office.send(.POST, "/api/v1/documents", ["kind": "memo", "period": "2023-05"])
            #expect(kind == .badRequest && error(kindBody).field == "kind")
            // Weights that do not add up: refused with the sum; a formula over a missing indicator: named.
            var items: [[String: Any]] = ScoringScheme.standard.items.map { ["indicator": $0.indicator, "weight": $0.weight] }
            items[0]["weight"] = 45
            let scheme: [String: Any] = ["items": items, "separateGroups": true, "aggregation": [String: Any](), "pipelineTarget": 2, "advancedCount": 5, "advancedThreshold": 85]
            let (sum, sumBody) = try await office.send(.PUT, "/api/v1/scoring-schemes/2023", ["version": 0, "scheme": scheme])
            #expect(sum == .unprocessableEntity && error(sumBody).message.contains("合计为 105") && error(sumBody).field == "items")
            items[0]["weight"] = 40
            items[3]["indicator"] = "satisfaction"
            var missing = scheme
            missing["items"] = items
            let (ind, indBody) = try await office.send(.PUT, "/api/v1/scoring-schemes/2023", ["version": 0, "scheme": missing])
            #expect(ind == .unprocessableEntity && error(indBody).field == "items[3].indicator" && error(indBody).message.contains("satisfaction"))
            items[3]["indicator"] = "reporting"
            var good = scheme
            good["items"] = items
            good["aggregation"] = ["monthWeights": [1, 1, 2]]
            let (saved, savedBody) = try await office.send(.PUT, "/api/v1/scoring-schemes/2023", ["version": 0, "scheme": good])
            #expect(saved == .ok && savedBody["version"] as? Int == 1 && savedBody["weightSum"] as? Double == 100)
            #expect(try await office.send(.PUT, "/api/v1/scoring-schemes/2023", ["version": 0, "scheme": good]).0 == .conflict)
            #expect(try await app.as(.unit, unit: "区商务局").send(.PUT, "/api/v1/scoring-schemes/2023", ["version": 1, "scheme": good]).0 == .forbidden)
            // Adjustments: the unit must be on the list, the reason given, the points within ±20.
            let (adj, adjBody) = try await office.send(.POST, "/api/v1/score-adjustments", ["period": "2023-Q2", "unit": "区商务局", "points": 25, "reason": "获省级表彰"])
            #expect(adj == .unprocessableEntity && error(adjBody).field == "points")
            let (ok, okBody) = try await office.send(.POST, "/api/v1/score-adjustments", ["period": "2023-Q2", "unit": "区商务局", "points": 3, "reason": "获省级表彰"])
            #expect(ok == .created && okBody["points"] as? Double == 3)
            let (_, listed) = try await office.sendArray(.GET, "/api/v1/score-adjustments?period=2023-Q2")
            #expect(listed.count == 1 && listed.first?["unit"] as? String == "区商务局")
        }
    }

    @Test func rankingsAndAssessmentsAddUpAndTheSchedulerDraftsOnMondaysAndTheFirst() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (status, body) = try await office.send(.POST, "/api/v1/documents", ["kind": "unit-ranking", "period": "2023-06"])
            #expect(status == .created)
            let rows = try #require((body["content"] as? [String: Any])?["rows"] as? [[String: Any]])
            // Every unit responsible for a planned project, once; each total the sum of its parts.
            let sql = app.db as! any SQLDatabase
            let units = try await sql.raw("SELECT COUNT(DISTINCT p.unit_id) AS n FROM year_plans yp JOIN projects p ON p.id = yp.project_id WHERE yp.year = 2023 AND yp.annual_plan IS NOT NULL")
                .first()?.decode(column: "n", as: Int.self)
            #expect(rows.count == units)
            for r in rows {
                let score = try #require(r["score"] as? [String: Any])
                let parts = (score["parts"] as? [[String: Any]] ?? []).compactMap { $0["points"] as? Double }
                #expect(abs((score["total"] as? Double ?? -1) - parts.reduce(0, +)) < 0.011)
            }
            // Ranks run 1, 2, 3… within each group, highest total first.
            for group in ["department", "townStreet"] {
                let g = rows.filter { $0["group"] as? String == group }
                #expect(g.map { $0["rank"] as? Int } == Array(1...max(1, g.count)).prefix(g.count).map { $0 })
                let totals = g.compactMap { ($0["score"] as? [String: Any])?["total"] as? Double }
                #expect(totals == totals.sorted(by: >))
            }
            let (q, qBody) = try await office.send(.POST, "/api/v1/documents", ["kind": "quarterly-assessment", "period": "2023-Q2"])
            #expect(q == .created && ((qBody["content"] as? [String: Any])?["rows"] as? [[String: Any]])?.count == units)
            // The scheduler: Monday 26 June drafts W25; Saturday 1 July the June ranking (redrafted, same period).
            let district = try await app.db.query(DistrictModel.self).first()!
            let monday = try await NightlyJob.draftDocuments(district, today: CalendarDate(year: 2023, month: 6, day: 26)!, on: app.db)
            #expect(monday.count == 1 && monday[0].contains("第25周"))
            let first = try await NightlyJob.draftDocuments(district, today: CalendarDate(year: 2023, month: 7, day: 1)!, on: app.db)
            #expect(first.count == 1 && first[0].contains("2023年6月") && first[0].hasSuffix("v2"))
            #expect(try await NightlyJob.draftDocuments(district, today: CalendarDate(year: 2023, month: 6, day: 27)!, on: app.db).isEmpty)
            let kinds = try await DocumentModel.query(on: app.db).all().map(\.period).sorted()
            #expect(kinds == ["2023-06", "2023-Q2", "2023-W25"])
            // Pages: the list, a document with its downloads, the scheme.
            for path in ["/documents", "/documents?kind=unit-ranking", "/scoring", "/scoring?period=2023-Q2"] {
                try await office.test(.GET, path) { res in #expect(res.status == .ok, "\(path)") }
            }
        }
    }

    /// The .docx as LibreOffice reads it (plain text), or nil where LibreOffice is not installed.
    static func libreOfficeText(_ docx: Data) throws -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        guard let lo = dirs.map({ "\($0)/libreoffice" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bulletin.docx")
        try docx.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lo)
        process.arguments = ["--headless", "-env:UserInstallation=file://\(dir.path)/profile", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir.path, file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try String(contentsOf: dir.appendingPathComponent("bulletin.txt"), encoding: .utf8)
    }
}
