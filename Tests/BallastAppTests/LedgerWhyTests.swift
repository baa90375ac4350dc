@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Foundation
import Testing
import VaporTesting

/// A leader who opens the red list sees why each project is red, in the list (issue 23).
@Suite struct LedgerWhyTests {
    @Test func theRedListSaysEachProjectsLightLagReasonsAndSince() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await app.as(.leader)
            let (_, _) = try await leader.send(.GET, "/api/v1/me")
            var warnings: [[String: Any]] = []
            try await leader.test(.GET, "/api/v1/warnings?year=2023&colour=red") { res in warnings = jsonArray(res) }
            #expect(!warnings.isEmpty)
            try await leader.test(.GET, "/projects?year=2023&colour=red&sort=code") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("亮灯原因") && html.contains("滞后（百分点）") && html.contains("灯色起始"))
                // The first project listed, by code, with the API's reasons and since-day.
                let first = try #require(warnings.min { ($0["code"] as? String ?? "") < ($1["code"] as? String ?? "") })
                let reasons = try #require(first["reasons"] as? [String])
                #expect(!reasons.isEmpty)
                #expect(html.contains(reasons.joined(separator: "；")))
                #expect(html.contains(">\(first["since"] as? String ?? "?")<"))
                #expect(html.components(separatedBy: "class=\"light red\"").count - 1 >= min(warnings.count, 50))
            }
        }
    }
}
