@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Imports show before they change (issue 23): an upload is a preview with every changed field
/// before → after; nothing is written until the user confirms; a cancelled preview writes
/// nothing; a confirmed one applies once however many click; an applied ledger import can be
/// undone while its rows are untouched, and the undo is audited.
@Suite struct ImportPreviewTests {
    static let boundary = "XPREVIEW"

    /// The ledger's CSV with one existing project renamed and its total raised to 120亿 (what
    /// the example file once did to EQ2023-0001), and one new project.
    static func file(_ app: Application) async throws -> (csv: String, code: String, oldName: String, oldTotal: Int64) {
        let d = try #require(try await DistrictModel.query(on: app.db).first())
        let records = try await LedgerExportQuery.records(districtID: try d.requireID(), year: 2023, on: app.db)
        var changed = try #require(records.first { $0.code == "EQ2023-0001" })
        let oldName = changed.name, oldTotal = changed.totalInvestment.yuan
        changed.name = "华润科技文化智慧城"
        changed.totalInvestment = Money(yuan: 12_000_000_000)
        var new = changed
        new.code = "示例-NEW-1"
        new.name = "预览测试新项目"
        let line = { (r: LedgerRecord) in r.exportCells.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ",") }
        let csv = LedgerRecord.exportHeaders.joined(separator: ",") + "\n" + line(changed) + "\n" + line(new) + "\n"
        return (csv, changed.code, oldName, oldTotal)
    }

    static func upload(_ client: TestClient, _ csv: String, path: String = "/ledger/import", year: Int? = 2023,
                       check: (TestingHTTPResponse) async throws -> Void) async throws {
        var body = ""
        if let year { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n\(year)\r\n" }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ledger.csv\"\r\nContent-Type: text/csv\r\n\r\n"
        body += csv + "\r\n--\(boundary)--\r\n"
        try await client.test(.POST, path, beforeRequest: { req in
            req.headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
            req.body = ByteBuffer(string: body)
        }, afterResponse: check)
    }

    /// Uploads and follows the redirect to the preview: the batch's id.
    static func preview(_ client: TestClient, _ csv: String, path: String = "/ledger/import", year: Int? = 2023) async throws -> String {
        var location = ""
        try await upload(client, csv, path: path, year: year) { res in
            #expect(res.status == .seeOther, "\(res.body.string.prefix(400))")
            location = res.headers.first(name: .location) ?? ""
        }
        #expect(location.hasPrefix("/imports/"))
        return String(location.dropFirst("/imports/".count).prefix(36))
    }

    static func project(_ app: Application, _ code: String) async throws -> ProjectModel? {
        try await ProjectModel.query(on: app.db).filter(\.$code == code).first()
    }

    static func post(_ client: TestClient, _ path: String, status: HTTPStatus, contains text: String? = nil) async throws {
        try await client.test(.POST, path) { res in
            #expect(res.status == status, "\(path): \(res.body.string.prefix(300))")
            if let text { #expect(res.body.string.contains(text), "\(path) should say \(text)") }
        }
    }

    @Test func anUploadIsAPreviewThatWritesNothingAndNamesEachChangedField() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (csv, code, oldName, oldTotal) = try await Self.file(app)
            let id = try await Self.preview(office, csv)
            // Nothing written: the project is as it was and the new one does not exist.
            let p = try #require(try await Self.project(app, code))
            #expect(p.name == oldName && p.totalInvestment == oldTotal)
            #expect(try await Self.project(app, "示例-NEW-1") == nil)
            try await office.test(.GET, "/imports/\(id)") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("导入预览"))
                #expect(html.contains("尚未写入"))
                // The changed fields, before → after, in 万元 as the ledger writes them.
                #expect(html.contains("总投资（万元）"))
                #expect(html.contains(Money(yuan: oldTotal).formatted(in: .wan)) && html.contains("1200000"))
                #expect(html.contains(oldName) && html.contains("华润科技文化智慧城"))
                #expect(html.contains("示例-NEW-1") && html.contains("预览测试新项目"))
                #expect(html.contains("data-figure=\"import.created\">1<") && html.contains("data-figure=\"import.updated\">1<"))
                // 确认导入 is a confirm step that says what will happen; 取消 is a form of its own.
                #expect(html.contains("将新增 1 个项目、更新 1 个项目"))
                #expect(html.contains("/imports/\(id)/apply") && html.contains("/imports/\(id)/cancel"))
            }
            // The 工作台 lists the import waiting for confirmation.
            try await office.test(.GET, "/api/v1/todo") { res in
                let items = jsonObject(res)["items"] as? [[String: Any]] ?? []
                #expect(items.contains { $0["kind"] as? String == "import" && $0["url"] as? String == "/imports/\(id)" })
            }
        }
    }

    @Test func aCancelledPreviewWritesNothingAndCannotBeAppliedAfterwards() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (csv, code, oldName, _) = try await Self.file(app)
            let id = try await Self.preview(office, csv)
            try await Self.post(office, "/imports/\(id)/cancel", status: .ok, contains: "已取消")
            try await Self.post(office, "/imports/\(id)/apply", status: .conflict, contains: "已经已取消")
            #expect(try await Self.project(app, code)?.name == oldName)
            #expect(try await Self.project(app, "示例-NEW-1") == nil)
            let batch = try #require(try await ImportBatchModel.find(UUID(uuidString: id), on: app.db))
            #expect(batch.status == .cancelled && batch.fileData.isEmpty)
        }
    }

    @Test func confirmingAppliesOnceAndUndoPutsEveryRowBack() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (csv, code, oldName, oldTotal) = try await Self.file(app)
            let id = try await Self.preview(office, csv)
            // Two confirmations at once: one applies, the other is told it already happened.
            async let a: HTTPStatus = Self.status(office, "/imports/\(id)/apply")
            async let b: HTTPStatus = Self.status(office, "/imports/\(id)/apply")
            let statuses = try await [a, b].sorted { $0.code < $1.code }
            #expect(statuses == [.ok, .conflict])
            let p = try #require(try await Self.project(app, code))
            #expect(p.name == "华润科技文化智慧城" && p.totalInvestment == 12_000_000_000)
            #expect(try await Self.project(app, "示例-NEW-1") != nil)
            #expect(try await ProjectModel.query(on: app.db).filter(\.$code == "示例-NEW-1").count() == 1)
            try await office.test(.GET, "/imports/\(id)") { res in
                #expect(res.body.string.contains("撤销本次导入"))
            }
            // Undo: the changed project is back as it was, the created one is gone, both audited.
            try await Self.post(office, "/imports/\(id)/undo", status: .ok, contains: "已撤销本次导入")
            let back = try #require(try await Self.project(app, code))
            #expect(back.name == oldName && back.totalInvestment == oldTotal)
            #expect(try await Self.project(app, "示例-NEW-1") == nil)
            let audits = try await AuditEntryModel.query(on: app.db).filter(\.$action == "undo").all()
            #expect(audits.count == 1 && audits.first?.entity == "import")
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entityID == back.id).all()
                .contains { $0.summary?.contains("撤销导入") == true })
            // Once undone, neither undo nor apply runs again.
            try await Self.post(office, "/imports/\(id)/undo", status: .conflict)
            try await Self.post(office, "/imports/\(id)/apply", status: .conflict)
        }
    }

    @Test func anUndoIsRefusedWhenARowWasChangedAfterTheImport() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (csv, code, _, _) = try await Self.file(app)
            let id = try await Self.preview(office, csv)
            try await Self.post(office, "/imports/\(id)/apply", status: .ok)
            // Someone edits the project afterwards: undoing would overwrite that edit.
            let p = try #require(try await Self.project(app, code))
            p.content = "导入后修改"
            p.version += 1
            try await p.update(on: app.db)
            try await Self.post(office, "/imports/\(id)/undo", status: .conflict, contains: code)
            let still = try #require(try await Self.project(app, code))
            #expect(still.name == "华润科技文化智慧城" && still.content == "导入后修改")
            #expect(try await Self.project(app, "示例-NEW-1") != nil)
            #expect(try await ImportBatchModel.find(UUID(uuidString: id), on: app.db)?.status == .applied)
        }
    }

    @Test func aPreviewThatNoLongerHoldsIsShownAgainInsteadOfApplied() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (csv, code, _, _) = try await Self.file(app)
            let id = try await Self.preview(office, csv)
            // The project is renamed between the preview and the confirmation.
            let p = try #require(try await Self.project(app, code))
            p.name = "预览后改名"
            p.version += 1
            try await p.update(on: app.db)
            try await Self.post(office, "/imports/\(id)/apply", status: .conflict, contains: "重新核对")
            #expect(try await Self.project(app, code)?.name == "预览后改名")
            #expect(try await Self.project(app, "示例-NEW-1") == nil)
            // The record now shows the new preview (预览后改名 → …); confirming it applies.
            try await office.test(.GET, "/imports/\(id)") { res in #expect(res.body.string.contains("预览后改名")) }
            try await Self.post(office, "/imports/\(id)/apply", status: .ok)
            #expect(try await Self.project(app, code)?.name == "华润科技文化智慧城")
        }
    }

    @Test func aProgressFileIsPreviewedToo() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let before = try await MonthlyReportModel.query(on: app.db).count()
            let csv = "项目编号,月份,本月完成投资（万元）\nEQ2023-0001,2023-01,1234\n"
            var location = ""
            try await Self.upload(office, csv, path: "/progress/import", year: nil) { res in
                location = res.headers.first(name: .location) ?? ""
                #expect(res.status == .seeOther, "\(res.body.string.prefix(500))")
            }
            #expect(try await MonthlyReportModel.query(on: app.db).count() == before)
            try await office.test(.GET, location) { res in
                #expect(res.body.string.contains("1234"))
                #expect(res.body.string.contains("月份"))
            }
            try await Self.post(office, location + "/apply", status: .ok)
            // The month is there now (a new month or an adjustment of the approved one).
            let reports = try await MonthlyReportModel.query(on: app.db).count()
            let adjustments = try await ReportAdjustmentModel.query(on: app.db).count()
            #expect(reports > before || adjustments > 0)
        }
    }

    @Test func theCLIDryRunPrintsThePreviewAndWritesNothing() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (csv, code, oldName, _) = try await Self.file(app)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("dry-\(UUID().uuidString).csv").path
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let out = try await app.run(command: ["import", "ledger", path, "--year", "2023", "--dry-run"])
            #expect(out.contains("预览"))
            #expect(out.contains("未写入"))
            #expect(out.contains(code) && out.contains("总投资（万元）") && out.contains("1200000"))
            #expect(out.contains("示例-NEW-1"))
            #expect(try await Self.project(app, code)?.name == oldName)
            #expect(try await Self.project(app, "示例-NEW-1") == nil)
        }
    }

    @Test func theAPIDryRunAnswersThePreviewAndWritesNothing() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (csv, code, oldName, _) = try await Self.file(app)
            let (status, body) = try await office.upload("/api/v1/ledger/import?year=2023&dryRun=true", fileName: "l.csv", csv)
            #expect(status == .ok)
            #expect(body["applied"] as? Bool == false && body["dryRun"] as? Bool == true)
            let preview = try #require(body["preview"] as? [String: Any])
            let updated = try #require(preview["updated"] as? [[String: Any]])
            let changes = updated.first?["changes"] as? [[String: Any]] ?? []
            #expect(changes.contains { $0["field"] as? String == "总投资（万元）" && $0["after"] as? String == "1200000" })
            #expect(try await Self.project(app, code)?.name == oldName)
            let (bad, _) = try await office.upload("/api/v1/ledger/import?year=2023&dryRun=maybe", fileName: "l.csv", csv)
            #expect(bad == .badRequest)
        }
    }

    /// A leads list uploaded from the leads page by a unit's clerk: a preview only its uploader
    /// sees; confirmed, the leads are there; the office's 工作台 does not list it, the clerk's does.
    @Test func aLeadsListIsPreviewedForItsUploaderAlone() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let clerk = try await app.as(.unit, unit: "区商务局")
            let before = try await LeadModel.query(on: app.db).count()
            let csv = "线索名称,企业名称,统一社会信用代码,来源,责任单位,收集日期\n智能装备项目,苏州某装备有限公司,,展会推介,区商务局,2023-05-01\n"
            let id = try await Self.preview(clerk, csv, path: "/leads/import", year: nil)
            #expect(try await LeadModel.query(on: app.db).count() == before)
            try await clerk.test(.GET, "/imports/\(id)") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("智能装备项目") && res.body.string.contains("新增线索"))
                #expect(res.body.string.contains("将登记 1 条新的招商线索"))
            }
            let (_, todo) = try await clerk.send(.GET, "/api/v1/todo")
            #expect((todo["items"] as? [[String: Any]] ?? []).contains { $0["url"] as? String == "/imports/\(id)" })
            // Another unit, and the office, do not find it.
            let other = try await app.as(.unit, unit: "区教育局")
            try await other.test(.GET, "/imports/\(id)") { res in #expect(res.status == .notFound) }
            try await Self.post(other, "/imports/\(id)/apply", status: .notFound)
            let office = try await app.as(.office)
            try await office.test(.GET, "/imports/\(id)") { res in #expect(res.status == .notFound) }
            // Nor may a clerk open the office's ledger files.
            let (ledgerCSV, _, _, _) = try await Self.file(app)
            let ledgerID = try await Self.preview(office, ledgerCSV)
            try await clerk.test(.GET, "/imports/\(ledgerID)") { res in #expect(res.status == .notFound) }
            try await Self.post(clerk, "/imports/\(ledgerID)/apply", status: .notFound)
            // The clerk confirms: the lead is registered.
            try await Self.post(clerk, "/imports/\(id)/apply", status: .ok, contains: "已导入")
            #expect(try await LeadModel.query(on: app.db).count() == before + 1)
        }
    }

    @Test func aCampaignListIsPreviewedWithEachChangedEntry() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let codes = try await ProjectModel.query(on: app.db).filter(\.$stage == "在建").sort(\.$code).limit(2).all().map(\.code)
            let before = try await CampaignEntryModel.query(on: app.db).count()
            let csv = "期次,批次,项目编号,计入投资（万元）,举办日期\n9,开工,\(codes[0]),1200,2023-06-20\n9,签约,\(codes[1]),800,\n"
            let id = try await Self.preview(office, csv, path: "/campaign/import", year: nil)
            #expect(try await CampaignEntryModel.query(on: app.db).count() == before)
            #expect(try await CampaignPeriodModel.query(on: app.db).filter(\.$number == 9).count() == 0)
            try await office.test(.GET, "/imports/\(id)") { res in
                #expect(res.body.string.contains(codes[0]) && res.body.string.contains("第9期") && res.body.string.contains("1200"))
            }
            try await Self.post(office, "/imports/\(id)/apply", status: .ok)
            #expect(try await CampaignEntryModel.query(on: app.db).count() == before + 2)
            // The same list with one figure changed: the preview shows it before → after.
            let changed = csv.replacingOccurrences(of: ",1200,", with: ",1500,")
            let again = try await Self.preview(office, changed, path: "/campaign/import", year: nil)
            try await office.test(.GET, "/imports/\(again)") { res in
                let html = res.body.string
                #expect(html.contains("data-figure=\"import.updated\">1<") && html.contains("data-figure=\"import.unchanged\">1<"))
                #expect(html.contains("<del>1200</del> → 1500"))
            }
        }
    }

    static func status(_ client: TestClient, _ path: String) async throws -> HTTPStatus {
        var status = HTTPStatus.internalServerError
        try await client.test(.POST, path) { res in status = res.status }
        return status
    }
}
