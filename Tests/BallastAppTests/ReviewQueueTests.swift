@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// `/reports` as the office's review queue (issue 23): filtered by status and unit, submitted
/// first, the plan and the year to date beside each figure, and the queue kept after a decision.
@Suite struct ReviewQueueTests {
    static func count(_ html: String, _ needle: String) -> Int { html.components(separatedBy: needle).count - 1 }

    @Test func theOfficeReviewsAFilteredQueueAndStaysInIt() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await DistrictModel.query(on: app.db).set(\.$frozenOn, to: "2023-07-31").update()
            let unitName = "区住房城乡建设局"
            let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == unitName).first())
            let own = try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).sort(\.$code).range(..<3).all()
            #expect(own.count == 3)
            let clerk = try await app.as(.unit, unit: unitName)
            var ids: [String] = []
            for p in own {
                let (_, draft) = try await clerk.send(.PUT, "/api/v1/projects/\(p.id!)/reports/2023-07", ["amount": 100, "progress": "主体施工"])
                let id = try #require(draft["reportId"] as? String)
                #expect(try await clerk.send(.POST, "/api/v1/reports/\(id)/submit", ["version": 1]).0 == .ok)
                ids.append(id)
            }
            let office = try await app.as(.office)
            // Only the submitted, with the plan and the year to date beside each.
            try await office.test(.GET, "/reports?month=2023-07&status=submitted") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(Self.count(html, "tag status-submitted") == 3)
                #expect(Self.count(html, "tag status-approved") == 0 && Self.count(html, "tag status-missing") == 0)
                #expect(html.contains("年度计划（万元）") && html.contains("含本月累计（万元）") && html.contains("待审核 3 份"))
                #expect(html.range(of: #"value="submitted"[^>]*selected"#, options: .regularExpression) != nil)
            }
            // All statuses: the submitted come first.
            try await office.test(.GET, "/reports?month=2023-07") { res in
                let html = res.body.string
                let first = try #require(html.range(of: "tag status-"))
                #expect(html[first.upperBound...].hasPrefix("submitted"))
            }
            // Another unit's filter shows none of them.
            try await office.test(.GET, "/reports?month=2023-07&status=submitted&unit=\(PageQuery.encode("区商务局"))") { res in
                #expect(Self.count(res.body.string, "tag status-submitted") == 0)
            }
            // Returning one from the filtered queue: the page comes back in the same queue, one fewer.
            try await office.test(.POST, "/reports/\(ids[0])/review?month=2023-07&status=submitted", beforeRequest: { req in
                try req.content.encode(["_csrf": office.csrfToken, "version": "2", "decision": "return", "reason": "照片不清"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(Self.count(html, "tag status-submitted") == 2)
                #expect(html.range(of: #"value="submitted"[^>]*selected"#, options: .regularExpression) != nil)
                #expect(html.contains("?month=2023-07&amp;status=submitted") || html.contains("?month=2023-07&status=submitted"))
            }
            try await office.test(.GET, "/reports?status=pending") { res in #expect(res.status == .badRequest) }
            // The API filters the same way.
            let (_, month) = try await office.send(.GET, "/api/v1/reports?month=2023-07&status=submitted")
            #expect((month["reports"] as? [Any])?.count == 2)
        }
    }

    /// 批量审定 (one confirmed step, all or none) and the colour each figure would give: what
    /// the queue promised is what approving lit.
    @Test func severalAreApprovedInOneConfirmedStepAndLightWhatTheQueueSaid() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await DistrictModel.query(on: app.db).set(\.$frozenOn, to: "2023-07-31").update()
            let unitName = "区住房城乡建设局"
            let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == unitName).first())
            let own = try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).sort(\.$code).range(..<3).all()
            let clerk = try await app.as(.unit, unit: unitName)
            var ids: [String] = []
            for (i, p) in own.enumerated() {
                let (_, draft) = try await clerk.send(.PUT, "/api/v1/projects/\(p.id!)/reports/2023-07", ["amount": [1, 5000, 90000][i]])
                let id = try #require(draft["reportId"] as? String)
                #expect(try await clerk.send(.POST, "/api/v1/reports/\(id)/submit", ["version": 1]).0 == .ok)
                ids.append(id)
            }
            let office = try await app.as(.office)
            let (_, month) = try await office.send(.GET, "/api/v1/reports?month=2023-07&status=submitted")
            let promised = Dictionary(uniqueKeysWithValues: (month["reports"] as? [[String: Any]] ?? []).compactMap { r -> (String, String)? in
                guard let id = r["reportId"] as? String, let c = r["colourIfApproved"] as? String else { return nil }
                return (id, c)
            })
            #expect(promised.count == 3)
            try await office.test(.GET, "/reports?month=2023-07&status=submitted") { res in
                let html = res.body.string
                #expect(html.contains("审定后预警"))
                #expect(Self.count(html, "form=\"approve-batch\"") == 3)
                #expect(html.contains("id=\"approve-batch\"") && html.contains("确认审定所选"))
                // The first report's review returns to the queue at the second one.
                #expect(html.contains("/reports/\(ids[0])/review?month=2023-07&amp;status=submitted#r-\(own[1].id!.uuidString)"))
            }
            // The colour filter keeps only rows whose figure would give that colour.
            let red = promised.values.filter { $0 == "red" }.count
            try await office.test(.GET, "/reports?month=2023-07&status=submitted&colour=red") { res in
                #expect(Self.count(res.body.string, "tag status-submitted") == red)
            }
            // A stale version among the ticked: none is approved.
            try await office.test(.POST, "/reports/approve?month=2023-07&status=submitted", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: "_csrf=\(office.csrfToken)&reports=\(ids[0]):2&reports=\(ids[1]):1")
            }) { res in #expect(res.status == .conflict) }
            #expect(try await MonthlyReportModel.query(on: app.db).filter(\.$status == "approved").filter(\.$year == 2023).filter(\.$month == 7).count() == 0)
            // Nothing ticked: told so, at the field.
            try await office.test(.POST, "/reports/approve?month=2023-07", beforeRequest: { req in
                try req.content.encode(["_csrf": office.csrfToken], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("请先勾选要审定的月报"))
            }
            // All three in one step.
            try await office.test(.POST, "/reports/approve?month=2023-07&status=submitted", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: "_csrf=\(office.csrfToken)&" + ids.map { "reports=\($0):2" }.joined(separator: "&"))
            }) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("已审定 3 份月报"))
            }
            let d = try #require(try await DistrictModel.query(on: app.db).first())
            let lit = try await ColourAsOf.resolve(districtID: try d.requireID(), year: 2023, on: CalendarDate(year: 2023, month: 7, day: 31)!, db: app.db)
                .warnings(scopeUnitID: nil, on: app.db)
            for (i, p) in own.enumerated() {
                let now = lit.first { $0.projectID == p.id }?.outcome.colour.rawValue
                #expect(now == promised[ids[i]], "\(p.code): promised \(promised[ids[i]] ?? "-"), lit \(now ?? "-")")
            }
        }
    }
}
