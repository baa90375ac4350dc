@testable import BallastApp
import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The 前期手续 file (issue 27): every step exported, imported back whole or not at all with
/// each faulty cell named and the chain's order rule applied row by row; previewed, confirmed
/// and undone from the departments' page.
@Suite struct ApprovalFileTests {
    static let header = "项目编号,项目名称,顺序,事项,审批部门,申报日期,承诺时限（工作日）,目标日期,批复日期,批复文号,容缺受理理由"

    static func export(_ client: TestClient) async throws -> String {
        var text = ""
        try await client.test(.GET, "/approvals/export?year=2023&format=csv") { res in
            #expect(res.status == .ok)
            text = res.body.string
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// A project with no steps, for a chain of its own.
    static func fresh(_ app: Application) async throws -> ProjectModel {
        let withSteps = Set(try await ApprovalItemModel.query(on: app.db).all().map { $0.$project.id })
        return try #require(try await ProjectModel.query(on: app.db).sort(\.$code).all().first { !withSteps.contains($0.id!) })
    }

    @Test func theExportRoundTripsAndTheOrderRuleHoldsRowByRow() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let csv = try await Self.export(office)
            let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines.first == Self.header && lines.count == 115)
            let (same, sameReport) = try await office.upload("/api/v1/approvals/import?year=2023", fileName: "a.csv", csv)
            #expect(same == .ok && sameReport["unchanged"] as? Int == 114 && sameReport["created"] as? Int == 0)
            let p = try await Self.fresh(app)
            // 施工许可 approved while 立项 (ahead of it) is still open: refused at its row, naming the reason's column.
            let ahead = "项目编号,顺序,事项,审批部门,申报日期,承诺时限（工作日）,批复日期\n\(p.code),1,立项,区发展改革委,2023-03-01,10,\n\(p.code),2,施工许可,区住房城乡建设局,2023-04-01,5,2023-04-06\n"
            let (refused, report) = try await office.upload("/api/v1/approvals/import?year=2023", fileName: "a.csv", ahead)
            #expect(refused == .unprocessableEntity)
            let issue = try #require((report["issues"] as? [[String: Any]])?.first)
            #expect(issue["row"] as? Int == 3 && issue["column"] as? String == "容缺受理理由" && (issue["message"] as? String ?? "").contains("立项"))
            #expect(try await ApprovalItemModel.query(on: app.db).filter(\.$project.$id == p.id!).count() == 0)
            // Bad cells named: approved before applied, promised 0, a day that is not one.
            let bad = "项目编号,事项,申报日期,承诺时限（工作日）,批复日期\n\(p.code),环评,2023-05-10,0,2023-02-30\n\(p.code),能评,2023-05-10,10,2023-05-01\n"
            let (_, badReport) = try await office.upload("/api/v1/approvals/import?year=2023", fileName: "a.csv", bad)
            let places = Set((badReport["issues"] as? [[String: Any]] ?? []).map { "\($0["row"] as? Int ?? 0) \($0["column"] as? String ?? "")" })
            #expect(places.isSuperset(of: ["2 承诺时限(工作日)", "2 批复日期"]))
            // With the reason, both steps go in; the first's row again updates it (same name), not a third.
            let ok = ahead.replacingOccurrences(of: "批复日期\n", with: "批复日期,容缺受理理由\n")
                .replacingOccurrences(of: "2023-04-06\n", with: "2023-04-06,并联审批\n").replacingOccurrences(of: "10,\n", with: "10,,\n")
            let (applied, done) = try await office.upload("/api/v1/approvals/import?year=2023", fileName: "a.csv", ok)
            #expect(applied == .ok && done["created"] as? Int == 2)
            let again = "项目编号,事项,批复日期,批复文号\n\(p.code),立项,2023-03-10,二七发改〔2023〕88号\n"
            let (_, update) = try await office.upload("/api/v1/approvals/import?year=2023", fileName: "a.csv", again)
            #expect(update["updated"] as? Int == 1 && update["created"] as? Int == 0)
            let chain = try await ApprovalEditor.items(projectID: p.id!, year: 2023, on: app.db)
            #expect(chain.map(\.name) == ["立项", "施工许可"] && chain[0].approvalNo == "二七发改〔2023〕88号" && chain[0].department == "区发展改革委"
                    && chain[1].waivedReason == "并联审批")
        }
    }

    @Test func thePagesFileIsPreviewedConfirmedAndUndone() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let p = try await Self.fresh(app)
            let file = "项目编号,顺序,事项,审批部门,申报日期,承诺时限（工作日）\n\(p.code),1,立项,区发展改革委,2023-06-01,10\n"
            let id = try await ImportPreviewTests.preview(office, file, path: "/approvals/import?year=2023", year: nil)
            #expect(try await ApprovalItemModel.query(on: app.db).filter(\.$project.$id == p.id!).count() == 0)
            try await office.test(.GET, "/imports/\(id)") { res in #expect(res.body.string.contains("2023年前期手续") && res.body.string.contains("立项")) }
            try await ImportPreviewTests.post(office, "/imports/\(id)/apply", status: .ok)
            #expect(try await ApprovalItemModel.query(on: app.db).filter(\.$project.$id == p.id!).count() == 1)
            try await ImportPreviewTests.post(office, "/imports/\(id)/undo", status: .ok)
            #expect(try await ApprovalItemModel.query(on: app.db).filter(\.$project.$id == p.id!).count() == 0)
            // A unit cannot put steps on another unit's project.
            let unitID = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住房城乡建设局").first()?.id)
            let other = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id != unitID).sort(\.$code).first())
            let housing = try await app.as(.unit, unit: "区住房城乡建设局")
            let (status, _) = try await housing.upload("/api/v1/approvals/import?year=2023", fileName: "a.csv", "项目编号,事项\n\(other.code),环评\n")
            #expect(status == .unprocessableEntity)
        }
    }
}
