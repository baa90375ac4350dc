@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// 撤销本次导入 for progress, leads and 三个一批 files (issue 23, item 5): each applied import
/// can be undone from its record while no later change touched its rows; the undo is audited and
/// refused, naming the row, when something changed since.
@Suite struct ImportUndoTests {
    static func month(_ r: MonthlyReportModel) -> String { "\(r.year)-\(r.month < 10 ? "0" : "")\(r.month)" }

    /// Three months of the demo: an approved one the file changes (an adjustment), a submitted
    /// one the file approves with another figure, and one the file creates (deleted first).
    struct Months { var approved: MonthlyReportModel; var submitted: MonthlyReportModel; var created: (code: String, year: Int, month: Int) }

    static func months(_ app: Application) async throws -> (Months, csv: String) {
        let approved = try #require(try await MonthlyReportModel.query(on: app.db).filter(\.$status == "approved").filter(\.$year == 2023)
            .sort(\.$month).first())
        // A month waiting for review: the demo's last approved month of another project, sent back to the queue.
        let submitted = try #require(try await MonthlyReportModel.query(on: app.db).filter(\.$status == "approved").filter(\.$year == 2023)
            .filter(\.$project.$id != approved.$project.id).sort(\.$month, .descending).first())
        submitted.status = "submitted"; submitted.reviewedAt = nil; submitted.reviewedBy = nil
        try await submitted.update(on: app.db)
        let gone = try #require(try await MonthlyReportModel.query(on: app.db).filter(\.$status == "approved").filter(\.$year == 2023)
            .filter(\.$project.$id != approved.$project.id).filter(\.$project.$id != submitted.$project.id).sort(\.$month).first())
        let code = { (r: MonthlyReportModel) in try #require(try await ProjectModel.find(r.$project.id, on: app.db)).code }
        let goneCode = try await code(gone)
        let created = (goneCode, gone.year, gone.month)
        try await gone.delete(on: app.db)
        let csv = "项目编号,月份,本月完成投资（万元）\n"
            + "\(try await code(approved)),\(month(approved)),\(approved.amount / 10_000 + 7)\n"
            + "\(try await code(submitted)),\(month(submitted)),\(submitted.amount / 10_000 + 3)\n"
            + "\(goneCode),\(created.1)-\(created.2 < 10 ? "0" : "")\(created.2),11\n"
        return (Months(approved: approved, submitted: submitted, created: created), csv)
    }

    static func reportFor(_ app: Application, code: String, year: Int, month: Int) async throws -> MonthlyReportModel? {
        guard let p = try await ProjectModel.query(on: app.db).filter(\.$code == code).first() else { return nil }
        return try await MonthlyReportModel.query(on: app.db).filter(\.$project.$id == p.requireID())
            .filter(\.$year == year).filter(\.$month == month).first()
    }

    @Test func aProgressImportIsUndoneMonthByMonth() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (m, csv) = try await Self.months(app)
            let adjustmentsBefore = try await ReportAdjustmentModel.query(on: app.db).count()
            let id = try await ImportPreviewTests.preview(office, csv, path: "/progress/import", year: nil)
            try await ImportPreviewTests.post(office, "/imports/\(id)/apply", status: .ok)
            // Applied: one adjustment, the submitted month approved at the file's figure, the month created.
            #expect(try await ReportAdjustmentModel.query(on: app.db).count() == adjustmentsBefore + 1)
            let approvedNow = try #require(try await MonthlyReportModel.find(m.submitted.id, on: app.db))
            #expect(approvedNow.status == "approved" && approvedNow.amount == (m.submitted.amount / 10_000 + 3) * 10_000)
            let created = try #require(try await Self.reportFor(app, code: m.created.code, year: m.created.year, month: m.created.month))
            #expect(created.amount == 110_000)
            try await office.test(.GET, "/imports/\(id)") { res in
                #expect(res.body.string.contains("撤销本次导入"))
                #expect(res.body.string.contains("重新判定红黄蓝绿灯"))
            }

            try await ImportPreviewTests.post(office, "/imports/\(id)/undo", status: .ok, contains: "已撤销本次导入")
            #expect(try await ReportAdjustmentModel.query(on: app.db).count() == adjustmentsBefore)
            let back = try #require(try await MonthlyReportModel.find(m.submitted.id, on: app.db))
            #expect(back.status == "submitted" && back.amount == m.submitted.amount && back.reviewedBy == m.submitted.reviewedBy)
            #expect(try await Self.reportFor(app, code: m.created.code, year: m.created.year, month: m.created.month) == nil)
            let undo = try await AuditEntryModel.query(on: app.db).filter(\.$action == "undo").all()
            #expect(undo.count == 1 && undo.first?.summary?.contains("删除新增1条，恢复2条") == true)
            try await ImportPreviewTests.post(office, "/imports/\(id)/undo", status: .conflict)
        }
    }

    @Test func aProgressUndoIsRefusedWhenAMonthWasReviewedSince() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (m, csv) = try await Self.months(app)
            let id = try await ImportPreviewTests.preview(office, csv, path: "/progress/import", year: nil)
            try await ImportPreviewTests.post(office, "/imports/\(id)/apply", status: .ok)
            // The created month gets a photo's worth of change: its version moves on.
            let created = try #require(try await Self.reportFor(app, code: m.created.code, year: m.created.year, month: m.created.month))
            created.progress = "导入后补充"
            created.version += 1
            try await created.update(on: app.db)
            try await ImportPreviewTests.post(office, "/imports/\(id)/undo", status: .conflict, contains: m.created.code)
            // Nothing was put back: the submitted month is still approved at the file's figure.
            #expect(try await MonthlyReportModel.find(m.submitted.id, on: app.db)?.status == "approved")
            #expect(try await ImportBatchModel.find(UUID(uuidString: id), on: app.db)?.status == .applied)
        }
    }

    @Test func aLeadsImportIsUndoneByItsUploaderUnlessALeadWasContacted() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let clerk = try await app.as(.unit, unit: "区商务局")
            let before = try await LeadModel.query(on: app.db).count()
            let csv = "线索名称,企业名称,统一社会信用代码,来源,责任单位,收集日期\n智能装备项目,苏州某装备有限公司,,展会推介,区商务局,2023-05-01\n"
                + "新材料项目,无锡某材料有限公司,,以商招商,区商务局,2023-05-02\n"
            let first = try await ImportPreviewTests.preview(clerk, csv, path: "/leads/import", year: nil)
            try await ImportPreviewTests.post(clerk, "/imports/\(first)/apply", status: .ok)
            #expect(try await LeadModel.query(on: app.db).count() == before + 2)
            // Another unit cannot undo it; the uploader can.
            let other = try await app.as(.unit, unit: "区教育局")
            try await ImportPreviewTests.post(other, "/imports/\(first)/undo", status: .notFound)
            try await ImportPreviewTests.post(clerk, "/imports/\(first)/undo", status: .ok, contains: "已撤销本次导入")
            #expect(try await LeadModel.query(on: app.db).count() == before)
            #expect(try await LeadModel.query(on: app.db).filter(\.$title == "智能装备项目").count() == 0)

            // Imported again, one lead contacted: the undo is refused and names it.
            let second = try await ImportPreviewTests.preview(clerk, csv, path: "/leads/import", year: nil)
            try await ImportPreviewTests.post(clerk, "/imports/\(second)/apply", status: .ok)
            let lead = try #require(try await LeadModel.query(on: app.db).filter(\.$title == "新材料项目").first())
            let contact = LeadContactModel()
            contact.id = UUID(); contact.leadID = try lead.requireID(); contact.contactedOn = CalendarDate(year: 2023, month: 5, day: 3)!
            contact.who = "张三"; contact.what = "电话对接"; contact.recordedBy = "test"
            try await contact.create(on: app.db)
            try await ImportPreviewTests.post(clerk, "/imports/\(second)/undo", status: .conflict, contains: "新材料项目")
            #expect(try await LeadModel.query(on: app.db).count() == before + 2)
        }
    }

    @Test func aCampaignImportIsUndoneEntryByEntryAndItsNewPeriodGoes() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let codes = try await ProjectModel.query(on: app.db).filter(\.$stage == "在建").sort(\.$code).limit(2).all().map(\.code)
            let before = try await CampaignEntryModel.query(on: app.db).count()
            let csv = "期次,批次,项目编号,计入投资（万元）,举办日期\n9,开工,\(codes[0]),1200,2023-06-20\n9,签约,\(codes[1]),800,\n"
            let first = try await ImportPreviewTests.preview(office, csv, path: "/campaign/import", year: nil)
            try await ImportPreviewTests.post(office, "/imports/\(first)/apply", status: .ok)
            let changed = csv.replacingOccurrences(of: ",1200,", with: ",1500,")
            let second = try await ImportPreviewTests.preview(office, changed, path: "/campaign/import", year: nil)
            try await ImportPreviewTests.post(office, "/imports/\(second)/apply", status: .ok)
            let entry = { () async throws -> CampaignEntryModel? in
                guard let p = try await ProjectModel.query(on: app.db).filter(\.$code == codes[0]).first() else { return nil }
                return try await CampaignEntryModel.query(on: app.db).filter(\.$project.$id == p.requireID()).filter(\.$batch == "开工")
                    .join(CampaignPeriodModel.self, on: \CampaignEntryModel.$period.$id == \CampaignPeriodModel.$id)
                    .filter(CampaignPeriodModel.self, \.$number == 9).first()
            }
            #expect(try await entry()?.investment == 15_000_000)
            // The first import cannot be undone while the second changed its entry.
            try await ImportPreviewTests.post(office, "/imports/\(first)/undo", status: .conflict, contains: codes[0])
            try await ImportPreviewTests.post(office, "/imports/\(second)/undo", status: .ok)
            #expect(try await entry()?.investment == 12_000_000)
            try await ImportPreviewTests.post(office, "/imports/\(first)/undo", status: .ok)
            #expect(try await CampaignEntryModel.query(on: app.db).count() == before)
            #expect(try await CampaignPeriodModel.query(on: app.db).filter(\.$number == 9).count() == 0)
        }
    }
}
