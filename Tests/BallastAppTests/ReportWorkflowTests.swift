@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct ReportWorkflowTests {
    static let unitName = "区住房城乡建设局"

    /// The demo district moved on to the last day of July, so July can be reported, late.
    func july(_ app: Application) async throws {
        try await DistrictModel.query(on: app.db).set(\.$frozenOn, to: "2023-07-31").update()
    }

    @Test func draftSubmitApproveLockAdjust() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await july(app)
            let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == Self.unitName).first())
            let own = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).sort(\.$code).first())
            let other = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id != unitRef.id!).sort(\.$code).first())
            let unit = try await app.as(.unit, unit: Self.unitName)
            let path = "/api/v1/projects/\(own.id!)/reports/2023-07"

            #expect(try await unit.send(.PUT, "/api/v1/projects/\(other.id!)/reports/2023-07", ["amount": 1]).0 == .notFound)
            #expect(try await unit.send(.PUT, "/api/v1/projects/\(own.id!)/reports/2023-08", ["amount": 1]).0 == .badRequest)
            #expect(try await unit.send(.PUT, path, ["amount": -1]).0 == .unprocessableEntity)
            #expect(try await unit.send(.PUT, path, ["amount": 1.23456]).0 == .badRequest)   // finer than a yuan
            let (saved, draft) = try await unit.send(.PUT, path, ["amount": 120.5, "progress": "主体施工"])
            #expect(saved == .ok)
            #expect(draft["status"] as? String == "draft")
            let id = try #require(draft["reportId"] as? String)
            let (_, submitted) = try await unit.send(.POST, "/api/v1/reports/\(id)/submit", ["version": 1])
            #expect(submitted["status"] as? String == "submitted")
            #expect(submitted["late"] as? Bool == true)   // after the 25th
            #expect(try await unit.send(.POST, "/api/v1/reports/\(id)/approve", ["version": 2]).0 == .forbidden)

            let office = try await app.as(.office)
            let (_, month) = try await office.send(.GET, "/api/v1/reports?month=2023-07", [:])
            #expect((month["reports"] as? [[String: Any]])?.count == 1)
            #expect((month["missing"] as? [[String: Any]])?.count == 359)
            #expect(month["due"] as? String == "2023-07-25")
            // Two reviewers approve the same version at once: one wins, the other is told.
            let second = try await app.as(.office)
            async let a = office.send(.POST, "/api/v1/reports/\(id)/approve", ["version": 2])
            async let b = second.send(.POST, "/api/v1/reports/\(id)/approve", ["version": 2])
            let statuses = [try await a.0, try await b.0].sorted { $0.code < $1.code }
            #expect(statuses == [.ok, .conflict])
            // Approved is locked: the unit cannot change it.
            let (locked, lockedBody) = try await unit.send(.PUT, path, ["amount": 999, "version": 3])
            #expect(locked == .conflict)
            #expect((lockedBody["error"] as? [String: Any])?["code"] as? String == "wrong_status")
            // A correction is an adjustment; the approved figure stays on the report.
            #expect(try await office.send(.POST, "/api/v1/reports/\(id)/adjust", ["amount": 100]).0 == .unprocessableEntity)  // no reason
            let (adjusted, body) = try await office.send(.POST, "/api/v1/reports/\(id)/adjust", ["amount": 100, "reason": "统计口径更正"])
            #expect(adjusted == .ok)
            #expect(body["amount"] as? Double == 100)
            let report = try #require(try await MonthlyReportModel.find(UUID(uuidString: id), on: app.db))
            #expect(report.amount == 1_205_000)
            #expect(try await ReportAdjustmentModel.query(on: app.db).filter(\.$report.$id == report.id!).all().map(\.delta) == [-205_000])
            let actions = try await AuditEntryModel.query(on: app.db).filter(\.$entityID == report.id!).sort(\.$at).all().map(\.action)
            #expect(actions == ["create", "submit", "approve", "adjust"])
        }
    }

    @Test func aReturnedReportGoesBackToTheUnitWithItsReason() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await july(app)
            let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == Self.unitName).first())
            let own = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).sort(\.$code).first())
            let unit = try await app.as(.unit, unit: Self.unitName)
            let (_, draft) = try await unit.send(.PUT, "/api/v1/projects/\(own.id!)/reports/2023-07", ["amount": 50])
            let id = try #require(draft["reportId"] as? String)
            _ = try await unit.send(.POST, "/api/v1/reports/\(id)/submit", ["version": 1])
            let office = try await app.as(.office)
            #expect(try await office.send(.POST, "/api/v1/reports/\(id)/return", ["version": 2, "reason": " "]).0 == .unprocessableEntity)
            let (_, returned) = try await office.send(.POST, "/api/v1/reports/\(id)/return", ["version": 2, "reason": "缺少现场照片"])
            #expect(returned["status"] as? String == "returned")
            #expect(returned["returnReason"] as? String == "缺少现场照片")
            try await unit.test(.GET, "/reports?month=2023-07") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("缺少现场照片"))
                #expect(res.body.string.contains("/projects/\(own.id!)/reports/2023-07/save"))
            }
            let (again, body) = try await unit.send(.PUT, "/api/v1/projects/\(own.id!)/reports/2023-07", ["amount": 55, "version": 3])
            #expect(again == .ok)
            #expect(body["status"] as? String == "draft")
            // The office's page lists it for review once it is submitted again.
            _ = try await unit.send(.POST, "/api/v1/reports/\(id)/submit", ["version": 4])
            try await office.test(.GET, "/reports?month=2023-07") { res in
                #expect(res.body.string.contains("/reports/\(id.uppercased())/review") || res.body.string.contains("/reports/\(id)/review"))
            }
        }
    }
}
