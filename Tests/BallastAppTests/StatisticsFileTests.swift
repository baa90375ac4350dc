@testable import BallastApp
import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The 入库纳统 file (issue 27): exported with every portfolio project, imported back whole or
/// not at all with each faulty row named, previewed on the page, confirmed and undone.
@Suite struct StatisticsFileTests {
    /// The header as the README documents it, written out by hand.
    static let header = "项目编号,项目名称,实际开工日期,申报入库日期,入库日期,统计库项目编号,1月（万元）,2月（万元）,3月（万元）,4月（万元）,5月（万元）,6月（万元）,7月（万元）,8月（万元）,9月（万元）,10月（万元）,11月（万元）,12月（万元）"

    static func export(_ client: TestClient) async throws -> String {
        var text = ""
        try await client.test(.GET, "/statistics/export?year=2023&format=csv") { res in
            #expect(res.status == .ok && res.headers.first(name: .contentDisposition)?.contains("statistics.csv") == true)
            text = res.body.string
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    @Test func theExportRoundTripsAndAFileIsAppliedWholeOrNotAtAll() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let csv = try await Self.export(office)
            let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines.first == Self.header)
            #expect(lines.count == 361)
            // The export imported back changes nothing.
            let (same, sameReport) = try await office.upload("/api/v1/statistics/import?year=2023", fileName: "s.csv", csv)
            #expect(same == .ok && sameReport["applied"] as? Bool == true && sameReport["unchanged"] as? Int == 360
                    && sameReport["updated"] as? Int == 0 && sameReport["created"] as? Int == 0)
            // A started project's March counted and its number; a project not started given a number: refused whole.
            let started = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == LifecycleStage.underConstruction.rawValue).sort(\.$code).first())
            let landed = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == LifecycleStage.landed.rawValue).sort(\.$code).first())
            let bad = "项目编号,统计库项目编号,3月（万元）\n\(started.code),,88.5\n\(landed.code),410103999999,\n"
            let (refused, report) = try await office.upload("/api/v1/statistics/import?year=2023", fileName: "s.csv", bad)
            #expect(refused == .unprocessableEntity && report["applied"] as? Bool == false)
            let issue = try #require((report["issues"] as? [[String: Any]])?.first)
            #expect(issue["row"] as? Int == 3 && issue["column"] as? String == "统计库项目编号" && (issue["message"] as? String ?? "").contains("项目尚未开工"))
            #expect(try await StatisticsCountModel.query(on: app.db).filter(\.$projectID == started.id!).filter(\.$month == 3).first()?.counted != 885_000)
            // A month not yet come, a negative figure, a bad day, an unknown project: each named.
            let worse = "项目编号,实际开工日期,3月,9月\n\(started.code),2023-02-30,-1,5\nNOPE-1,,,\n"
            let (_, report2) = try await office.upload("/api/v1/statistics/import?year=2023", fileName: "s.csv", worse)
            let places = Set((report2["issues"] as? [[String: Any]] ?? []).map { "\($0["row"] as? Int ?? 0) \($0["column"] as? String ?? "")" })
            #expect(places.isSuperset(of: ["2 实际开工日期", "2 3月", "2 9月"]))
            // The good row alone is applied.
            let good = "项目编号,3月（万元）\n\(started.code),88.5\n"
            let (ok, done) = try await office.upload("/api/v1/statistics/import?year=2023", fileName: "s.csv", good)
            #expect(ok == .ok && done["updated"] as? Int == 1)
            #expect(try await StatisticsCountModel.query(on: app.db).filter(\.$projectID == started.id!).filter(\.$month == 3).first()?.counted == 885_000)
            #expect(try await Self.export(office).contains("\(started.code),"))
            // Only the office imports.
            let unit = try await app.as(.unit, unit: "区住房城乡建设局")
            #expect(try await unit.upload("/api/v1/statistics/import?year=2023", fileName: "s.csv", good).0 == .forbidden)
        }
    }

    /// From the page: previewed (nothing written), confirmed, then undone to what it was.
    @Test func thePagesFileIsPreviewedConfirmedAndUndone() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let landed = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == LifecycleStage.underConstruction.rawValue)
                .sort(\.$code, .descending).first())
            let before = try await StatisticsEditor.record(projectID: landed.id!, on: app.db)
            let file = "项目编号,申报入库日期,入库日期,统计库项目编号,6月（万元）\n\(landed.code),,2023-06-29,410103777777,12.34\n"
            let id = try await ImportPreviewTests.preview(office, file, path: "/statistics/import?year=2023", year: nil)
            #expect(try await StatisticsEditor.record(projectID: landed.id!, on: app.db)?.number == before?.number)
            try await office.test(.GET, "/imports/\(id)") { res in
                let html = res.body.string
                #expect(html.contains("2023年入库纳统") && html.contains("410103777777") && html.contains("6月（万元）"))
            }
            try await ImportPreviewTests.post(office, "/imports/\(id)/apply", status: .ok)
            let after = try #require(try await StatisticsEditor.record(projectID: landed.id!, on: app.db))
            #expect(after.number == "410103777777" && after.includedOn?.iso == "2023-06-29")
            try await ImportPreviewTests.post(office, "/imports/\(id)/undo", status: .ok)
            let undone = try await StatisticsEditor.record(projectID: landed.id!, on: app.db)
            #expect(undone?.number == before?.number && undone?.includedOn == before?.includedOn)
            #expect(try await StatisticsCountModel.query(on: app.db).filter(\.$projectID == landed.id!).filter(\.$month == 6).first()?.counted != 123_400)
        }
    }
}
