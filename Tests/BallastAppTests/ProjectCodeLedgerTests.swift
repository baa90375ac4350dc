@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// 项目代码 through the ledger (issue 27): imported, exported and read back; a wrong one refused
/// naming its row; 一码多项 / 一项多码 allowed, said in the preview and flagged on the project
/// page; the district's division code set by those who keep its lists.
@Suite struct ProjectCodeLedgerTests {
    static func csv(_ records: [LedgerRecord]) -> String {
        let line = { (r: LedgerRecord) in r.exportCells.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ",") }
        return LedgerRecord.exportHeaders.joined(separator: ",") + "\n" + records.map(line).joined(separator: "\n") + "\n"
    }

    static func records(_ app: Application, _ codes: [String]) async throws -> [LedgerRecord] {
        let all = try await LedgerExportQuery.records(districtID: try #require(try await DistrictModel.query(on: app.db).first()).requireID(),
                                                      year: 2023, on: app.db)
        return codes.compactMap { c in all.first { $0.code == c } }
    }

    @Test func theDemoCarriesCodesAndItsOneCodeTwoProjectsIsFlaggedOnBoth() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (_, settings) = try await office.send(.GET, "/api/v1/district/settings")
            #expect(settings["divisionCode"] as? String == "410103")
            let a = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "EQ2023-0007").first())
            let b = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "EQ2023-0212").first())
            let code = try #require(a.projectCode)
            #expect(b.projectCode == code && (try? ProjectCode.validate(code, division: "410103").get()) == code)
            try await office.test(.GET, "/projects/\(a.id!)") { res in
                #expect(res.body.string.contains("一码多项：与 EQ2023-0212 使用同一项目代码") && res.body.string.contains(code))
            }
            try await office.test(.GET, "/projects/\(b.id!)") { res in #expect(res.body.string.contains("一码多项：与 EQ2023-0007")) }
            let (_, detail) = try await office.send(.GET, "/api/v1/projects/\(a.id!)")
            #expect((detail["project"] as? [String: Any])?["projectCode"] as? String == code)
            // The export carries the column, so a round trip keeps it.
            try await office.test(.GET, "/api/v1/ledger/export?year=2023&format=csv") { res in
                let text = res.body.string
                #expect(text.contains("项目代码") && text.contains(code))
            }
        }
    }

    @Test func aWrongCodeIsRefusedAtItsRowAndSharedCodesAreSaidInThePreview() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            var rows = try await Self.records(app, ["EQ2023-0001", "EQ2023-0002", "EQ2023-0003"])
            #expect(rows.count == 3)
            // Another province's division, on the file's second data row (row 3).
            rows[1].projectCode = "2023-110105-47-03-012345"
            let (bad, body) = try await office.upload("/api/v1/ledger/import?year=2023&dryRun=true", fileName: "l.csv", Self.csv(rows))
            let issues = body["issues"] as? [[String: Any]] ?? []
            #expect(bad == .unprocessableEntity || body["applied"] as? Bool == false)
            #expect(issues.contains { $0["row"] as? Int == 3 && $0["column"] as? String == "项目代码" && ($0["message"] as? String ?? "").contains("不属于本市") })
            // 23 characters and a full-width hyphen: each named.
            rows[1].projectCode = "2023-410103-47-03-01234"
            rows[2].projectCode = "2023－410103-47-03-012345"
            let (_, two) = try await office.upload("/api/v1/ledger/import?year=2023&dryRun=true", fileName: "l.csv", Self.csv(rows))
            let messages = (two["issues"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            #expect(messages.contains { $0.contains("应为24位") && $0.contains("实为23位") } && messages.contains { $0.contains("全角") })
            // The same code on two rows: allowed, said at both rows.
            rows[1].projectCode = "2022-410103-48-01-77777A"
            rows[2].projectCode = "2022-410103-48-01-77777A"
            let (ok, preview) = try await office.upload("/api/v1/ledger/import?year=2023&dryRun=true", fileName: "l.csv", Self.csv(rows))
            #expect(ok == .ok)
            let notes = ((preview["preview"] as? [String: Any])?["notes"] as? [[String: Any]]) ?? []
            #expect(Set(notes.compactMap { $0["row"] as? Int }) == [3, 4])
            // Applied, the code is stored and the flags are on both projects.
            let (applied, _) = try await office.upload("/api/v1/ledger/import?year=2023", fileName: "l.csv", Self.csv(rows))
            #expect(applied == .ok)
            let p2 = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "EQ2023-0002").first())
            #expect(p2.projectCode == "2022-410103-48-01-77777A")
            try await office.test(.GET, "/projects/\(p2.id!)") { res in #expect(res.body.string.contains("一码多项：与 EQ2023-0003")) }
        }
    }

    @Test func theDivisionCodeIsSetByListKeepersAndJudgesTheNextSave() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office), unit = try await app.as(.unit, unit: "区住房城乡建设局")
            #expect(try await unit.send(.PUT, "/api/v1/district/settings", ["divisionCode": "110105"]).0 == .forbidden)
            let bad = try await office.send(.PUT, "/api/v1/district/settings", ["divisionCode": "41010"])
            #expect(bad.0 == .unprocessableEntity && "\(bad.1)".contains("divisionCode"))
            let (ok, saved) = try await office.send(.PUT, "/api/v1/district/settings", ["divisionCode": "110105"])
            #expect(ok == .ok && saved["divisionCode"] as? String == "110105")
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "district").count() == 1)
            // Now a 郑州 code is of another city.
            var rows = try await Self.records(app, ["EQ2023-0001"])
            rows[0].projectCode = "2023-410103-47-03-012345"
            let (_, body) = try await office.upload("/api/v1/ledger/import?year=2023&dryRun=true", fileName: "l.csv", Self.csv(rows))
            #expect(((body["issues"] as? [[String: Any]]) ?? []).contains { ($0["message"] as? String ?? "").contains("应以 1101 开头") })
            // The units' list page carries the form.
            try await office.test(.GET, "/lists/unit") { res in #expect(res.body.string.contains(#"name="divisionCode" value="110105""#)) }
        }
    }
}
