@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// 退出 is a step of its own behind a confirmation (issue 23): the move form cannot exit a
/// project, whatever is selected or wherever Enter is pressed.
@Suite struct PoolExitConfirmTests {
    @Test func theExitIsAConfirmedStepApartFromTheMoveForm() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == LifecycleStage.conceived.rawValue).first())
            let office = try await app.as(.office)
            try await office.test(.GET, "/projects/\(project.id!)") { res in
                let html = res.body.string
                let pool = try #require(html.range(of: "id=\"pool\""))
                let card = String(html[pool.lowerBound...])
                // The move form's targets hold no 退出 …
                let select = try #require(card.range(of: "<select name=\"to\">"))
                let options = String(card[select.upperBound...].prefix(2000))
                let end = try #require(options.range(of: "</select>"))
                #expect(!options[..<end.lowerBound].contains("value=\"退出\""))
                // … 退出 is its own confirm step, saying what happens, with its date and reason.
                #expect(card.contains("确认退出") && card.contains("项目退出四库"))
                #expect(card.contains("<input type=\"hidden\" name=\"to\" value=\"退出\"/>"))
            }
        }
    }
}
