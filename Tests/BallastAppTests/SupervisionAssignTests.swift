@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// 督查室 assigns from the problem's page (issue 23): two 协办单位 typed with "、", as the label
/// says, are two units; the lead unit offered first is the project's own; a refusal keeps what
/// was typed.
@Suite struct SupervisionAssignTests {
    @Test func twoAssistingUnitsSeparatedByTheEnumerationCommaAreTwoUnits() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try await ProblemsAPITests.commerceProject(app)
            let unit = try await app.as(.unit, unit: "区商务局")
            var location = ""
            try await unit.test(.POST, "/problems", beforeRequest: { req in
                try req.content.encode(["projectCode": project.code, "category": "水电气暖", "title": "雨污管网未接驳", "description": "待市政审批"],
                                       as: .urlEncodedForm)
            }) { res in location = res.headers.first(name: .location) ?? "" }
            let supervision = try await app.as(.supervision)
            // The lead unit selected at first is the project's unit, not the list's first entry.
            try await supervision.test(.GET, location) { res in
                let html = res.body.string
                #expect(html.range(of: #"<option value="区商务局" label="区商务局" selected"#, options: .regularExpression) != nil
                        || html.range(of: #"<option[^>]*value="区商务局"[^>]*selected"#, options: .regularExpression) != nil)
            }
            try await supervision.test(.POST, location + "/steps", beforeRequest: { req in
                try req.content.encode(["action": "assign", "version": "1", "leadUnit": "区商务局",
                                        "assistingUnits": "区住房城乡建设局、区发展改革委", "deadline": "2023-07-14"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .ok, "\(res.body.string.prefix(200))")
                #expect(res.body.string.contains("已交办"))
            }
            let id = try #require(UUID(uuidString: String(location.dropFirst("/problems/".count))))
            let (_, detail) = try await supervision.send(.GET, "/api/v1/problems/\(id)")
            #expect(detail["assistingUnits"] as? [String] == ["区住房城乡建设局", "区发展改革委"])
        }
    }

    @Test func aRefusedAssignmentKeepsWhatWasTyped() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try await ProblemsAPITests.commerceProject(app)
            let unit = try await app.as(.unit, unit: "区商务局")
            var location = ""
            try await unit.test(.POST, "/problems", beforeRequest: { req in
                try req.content.encode(["projectCode": project.code, "category": "水电气暖", "title": "燃气未通", "description": "待燃气公司"],
                                       as: .urlEncodedForm)
            }) { res in location = res.headers.first(name: .location) ?? "" }
            let supervision = try await app.as(.supervision)
            try await supervision.test(.POST, location + "/steps", beforeRequest: { req in
                try req.content.encode(["action": "assign", "version": "1", "leadUnit": "区商务局",
                                        "assistingUnits": "区住房城乡建设局、不存在的局", "path": "周例会调度", "deadline": "2023-07-14"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status.code >= 400 && res.status.code < 500)
                let html = res.body.string
                #expect(html.contains("协办单位“不存在的局”不在本区单位名单中"))
                #expect(html.contains("value=\"区住房城乡建设局、不存在的局\""))
                #expect(html.contains("value=\"周例会调度\""))
            }
        }
    }
}
