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
}
