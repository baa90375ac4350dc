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

@Suite struct ProgressTests {
    func upload(_ client: TestClient, _ csv: String) async throws -> (HTTPStatus, [String: Any]) {
        try await client.upload("/api/v1/progress/import", fileName: "p.csv", csv)
    }

    @Test func theDemoHasHalfAYearOfReportsAndAMixOfColours() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let reports = try await MonthlyReportModel.query(on: app.db).all()
            #expect(reports.count == 360 * 6)
            // Ten June reports wait for review on the demo day (with the photos' verdicts to
            // judge); the approved first half is the published 103亿.
            let waiting = reports.filter { $0.reportStatus == .submitted }
            #expect(waiting.count == 10 && waiting.allSatisfy { $0.month == 6 && !$0.late && $0.reviewedAt == nil })
            #expect(reports.filter { $0.reportStatus != .submitted }.allSatisfy { $0.reportStatus == .approved })
            #expect(reports.filter { $0.reportStatus == .approved }.reduce(Int64(0)) { $0 + $1.amount } == 103 * 100_000_000)
            let photographed = Set(try await ReportPhotoModel.query(on: app.db).all().map(\.reportID))
            #expect(waiting.allSatisfy { photographed.contains($0.id!) })
            let approvals = try await ApprovalItemModel.query(on: app.db).all()
            #expect(approvals.count == 114 && approvals.allSatisfy { $0.actual != nil })
            let office = try await app.as(.office)
            try await office.test(.GET, "/api/v1/warnings?year=2023") { res in
                #expect(res.status == .ok)
                let items = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
                #expect(items.count == 360)
                var counts: [String: Int] = [:]
                for i in items { counts[i["colour"] as! String, default: 0] += 1 }
                for colour in ["red", "yellow", "blue", "green"] { #expect((counts[colour] ?? 0) >= 20, "\(colour): \(counts)") }
                #expect(items.first?["colour"] as? String == "red")
                let reasons = try #require(items.first?["reasons"] as? [String])
                #expect(!reasons.isEmpty)
                #expect(Set(items[0].keys) == ["code", "name", "colour", "reasons", "lag", "since"])
            }
            try await office.test(.GET, "/api/v1/warnings?year=2023&colour=purple") { res in
                #expect(res.status == .badRequest)
            }
            // A unit sees its own projects' colours only.
            try await app.as(.unit, unit: "区住房城乡建设局").test(.GET, "/api/v1/warnings?year=2023") { res in
                let items = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
                #expect(items.count == 13)
            }
        }
    }

    @Test func aReimportedMonthIsAnAdjustmentNeverAnOverwrite() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let report = try #require(try await MonthlyReportModel.query(on: app.db).filter(\.$month == 3).with(\.$project).first())
            let code = report.project.code
            let header = "项目编号,月份,本月完成投资（万元）,形象进度\n"
            let new = Money(yuan: report.amount + 1_234_500)
            let (status, body) = try await upload(office, header + "\(code),2023-03,\(new.formatted(in: .wan)),补报\n")
            #expect(status == .ok)
            #expect(body["adjusted"] as? Int == 1)
            let again = try #require(try await MonthlyReportModel.find(report.id, on: app.db))
            #expect(again.amount == report.amount)   // the approved figure stands
            let adjustments = try await ReportAdjustmentModel.query(on: app.db).filter(\.$report.$id == report.id!).all()
            #expect(adjustments.map(\.delta) == [1_234_500])
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "adjust").count() == 1)
            // The same figure again changes nothing.
            let (_, same) = try await upload(office, header + "\(code),2023-03,\(new.formatted(in: .wan)),补报\n")
            #expect(same["unchanged"] as? Int == 1)
            try await office.test(.GET, "/api/v1/summary?year=2023&asOf=2023-06-30") { res in
                #expect(jsonObject(res)["completed"] as? Double == 1_030_123.45)
            }
        }
    }

    @Test func badProgressFilesAreRefusedWholeWithRowsNamed() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let before = try await MonthlyReportModel.query(on: app.db).count()
            let header = "项目编号,月份,本月完成投资（万元）\n"
            let (status, body) = try await upload(office, header + "EQ2023-0001,2023-05,10\nNOPE-1,2023-05,10\nEQ2023-0002,2023-09,5\n")
            #expect(status == .unprocessableEntity)
            let issues = try #require(body["issues"] as? [[String: Any]])
            #expect(issues.map { $0["row"] as? Int } == [4])   // the future month, found before codes are looked up
            let (status2, body2) = try await upload(office, header + "EQ2023-0001,2023-05,10\nNOPE-1,2023-05,10\n")
            #expect(status2 == .unprocessableEntity)
            #expect((body2["issues"] as? [[String: Any]])?.first?["row"] as? Int == 3)
            // A year's total above the project's total investment.
            let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "EQ2023-0001").first())
            let (status3, body3) = try await upload(office, header + "EQ2023-0001,2023-05,\(Money(yuan: p.totalInvestment).formatted(in: .wan))\n")
            #expect(status3 == .unprocessableEntity)
            #expect(((body3["issues"] as? [[String: Any]])?.first?["message"] as? String)?.contains("超过总投资") == true)
            #expect(try await MonthlyReportModel.query(on: app.db).count() == before)
            #expect(try await ReportAdjustmentModel.query(on: app.db).count() == 0)
            try await app.as(.unit, unit: "区住房城乡建设局").test(.POST, "/api/v1/progress/import?filename=p.csv") { res in
                #expect(res.status == .forbidden)
            }
        }
    }
}

@Suite struct ProgressPageTests {
    @Test func theProjectPageDrawsTheCurveAndTheBoardListsRedFirst() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let project = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "EQ2023-0001").first())
            try await office.test(.GET, "/projects/\(project.id!)") { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("<svg"))
                #expect(html.contains("id=\"project-curve\""))
                // Six months of approved figures: six points on the completed line, and the plan line beside it,
                // in the desktop drawing and again in the phone's.
                let parts = html.components(separatedBy: "id=\"project-curve-phone\"")
                #expect(parts.count == 2)
                #expect(parts[0].components(separatedBy: "<circle class=\"dot s5\"").count - 1 == 6)
                #expect(parts.last.map { $0.components(separatedBy: "<circle class=\"dot s5\"").count - 1 } == 6)
                #expect(html.contains("<polyline class=\"series s-plan dashed\""))
                #expect(html.contains("红灯"))
            }
            try await office.test(.GET, "/warnings?year=2023&colour=red") { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("低于时序进度"))
                #expect(!html.contains("light green\"></span>绿</td>"))
            }
            try await office.test(.GET, "/warnings?colour=pink") { res in #expect(res.status == .badRequest) }
        }
    }
}

@Suite struct ProgressUploadPageTests {
    @Test func theImportPageTakesAProgressFileAndReportsBack() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office).withoutCSRFHeader()
            let csv = "项目编号,月份,本月完成投资（万元）,形象进度\r\nEQ2023-0001,2023-06,1,x\r\nNOPE,2023-06,1,x\r\n"
            try await office.test(.POST, "/progress/import", beforeRequest: { req in
                req.headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "XB"])
                req.body = ByteBuffer(string: "--XB\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(office.csrfToken)\r\n--XB\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--XB--\r\n")
            }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("不在本区台账中"))
                #expect(res.body.string.contains("导入被拒绝"))
            }
        }
    }
}

@Suite struct WarningRuleTests {
    @Test func theOfficeTightensTheRuleAsANewVersionAndColoursFollow() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            var greenBefore = 0
            try await office.test(.GET, "/api/v1/summary?year=2023") { res in
                greenBefore = (jsonObject(res)["colours"] as? [String: Int])?["green"] ?? -1
            }
            try await office.test(.PUT, "/api/v1/warnings/rule", beforeRequest: { req in
                try req.content.encode(["year": 2023, "blueLagPoints": 30, "yellowLagPoints": 10, "blueLateDays": 15, "yellowLateDays": 30], as: .json)
            }) { res in
                #expect(res.status == .unprocessableEntity)   // blue wider than yellow
            }
            try await office.test(.PUT, "/api/v1/warnings/rule", beforeRequest: { req in
                try req.content.encode(["year": 2023, "blueLagPoints": 30, "yellowLagPoints": 40, "blueLateDays": 15, "yellowLateDays": 30], as: .json)
            }) { res in
                #expect(res.status == .ok)
                #expect(jsonObject(res)["version"] as? Int == 2)
            }
            try await office.test(.GET, "/api/v1/summary?year=2023") { res in
                let colours = try #require(jsonObject(res)["colours"] as? [String: Int])
                #expect(colours["green"] == greenBefore)          // green still means no lag at all
                #expect(colours.values.reduce(0, +) == 360)
            }
            let states = try await WarningStateModel.query(on: app.db).all()
            #expect(states.allSatisfy { $0.ruleVersion == 2 })
            #expect(try await WarningRuleModel.query(on: app.db).count() == 1)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "warning-rule").count() == 1)
            try await app.as(.unit, unit: "区住房城乡建设局").test(.PUT, "/api/v1/warnings/rule", beforeRequest: { req in
                try req.content.encode(["year": 2023, "blueLagPoints": 90, "yellowLagPoints": 99, "blueLateDays": 15, "yellowLateDays": 30], as: .json)
            }) { res in #expect(res.status == .forbidden) }
        }
    }
}

@Suite struct ColourHistoryTests {
    @Test func newRedsAndTurnedGreenAreQueries() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            // The demo's colours were judged at each month's end, January to June: each of the 157
            // projects red at the end of June turned red once, at one of those month ends.
            let monthEnds: Set<String> = ["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31", "2023-06-30"]
            let redNow = Set(try await WarningStateModel.query(on: app.db).filter(\.$colour == "red").all().map(\.projectID))
            #expect(redNow.count == 157)
            try await office.test(.GET, "/api/v1/warnings/changes?year=2023&colour=red&from=2023-01-01&to=2023-06-30") { res in
                let items = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
                #expect(items.count == 157)
                #expect(items.allSatisfy { $0["to"] as? String == "red" && monthEnds.contains($0["on"] as? String ?? "") && $0["from"] != nil })
                #expect(Set(items.compactMap { $0["on"] as? String }).count > 1)
            }
            // A week later a red project's missing figure is approved and it turns green.
            try await DistrictModel.query(on: app.db).set(\.$frozenOn, to: "2023-07-07").update()
            let project = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "EQ2023-0001").first())
            let plan = try #require(try await YearPlanModel.query(on: app.db).filter(\.$project.$id == project.id!).first()?.annualPlan)
            try await office.test(.POST, "/api/v1/progress/import?filename=p.csv", beforeRequest: { req in
                req.headers.contentType = .binary
                req.body = ByteBuffer(string: "项目编号,月份,本月完成投资（万元）\nEQ2023-0001,2023-07,\(Money(yuan: plan).formatted(in: .wan))\n")
            }) { res in #expect(res.status == .ok) }
            try await office.test(.GET, "/api/v1/warnings/changes?year=2023&colour=green") { res in
                let items = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
                #expect(items.map { $0["code"] as? String } == ["EQ2023-0001"])
                #expect(items.first?["from"] as? String == "red")
                #expect(items.first?["on"] as? String == "2023-07-07")
            }
            // Still red since the end of June: "red for a week or more".
            try await office.test(.GET, "/api/v1/warnings?year=2023&colour=red&sinceBefore=2023-06-30") { res in
                let items = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
                #expect(items.count == 156)
            }
            try await office.test(.GET, "/api/v1/warnings/changes?from=junk") { res in #expect(res.status == .badRequest) }
            // A unit's history holds its own projects only, narrowed in the query.
            try await app.as(.unit, unit: "区住房城乡建设局").test(.GET, "/api/v1/warnings/changes?year=2023&from=2023-06-01&to=2023-07-31") { res in
                let items = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
                let unit = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住房城乡建设局").first())
                let own = Set(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unit.id!).all().map(\.code))
                let ownIDs = try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unit.id!).all().map { $0.id! }
                let stored = try await WarningChangeModel.query(on: app.db).filter(\.$projectID ~~ ownIDs)
                    .filter(\.$onDate >= "2023-06-01").filter(\.$onDate <= "2023-07-31").count()
                #expect(items.count == stored && stored > 0)   // June's month-end changes, plus July's
                #expect(items.allSatisfy { own.contains($0["code"] as? String ?? "") })
            }
        }
    }
}
