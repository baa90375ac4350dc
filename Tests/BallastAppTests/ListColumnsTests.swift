@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The project list's columns (issue 23): chosen in the address, kept per user, and a list of
/// one light opened with the columns that explain it.
@Suite struct ListColumnsTests {
    static func headers(_ html: String) -> [String] {
        guard let head = html.range(of: "<thead>"), let end = html.range(of: "</thead>", range: head.upperBound..<html.endIndex) else { return [] }
        let part = String(html[head.upperBound..<end.lowerBound])
        return part.components(separatedBy: "<th").dropFirst().map { cell in
            cell.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "^[^>]*>", with: "", options: .regularExpression)
                .replacingOccurrences(of: " ▲", with: "").replacingOccurrences(of: " ▼", with: "")
        }
    }

    @Test func columnsAreChosenKeptPerUserAndExplainALight() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await app.as(.leader)
            try await leader.test(.GET, "/projects?year=2023&cols=unit,completion,light") { res in
                let h = Self.headers(res.body.string)
                #expect(h == ["项目编号", "项目名称", "责任单位", "完成率", "预警"], "\(h)")
                #expect(res.body.string.contains("cols=unit,completion,light") || res.body.string.contains("cols=unit%2Ccompletion%2Clight"))
            }
            // A list of red projects opens with who, the money and why.
            try await leader.test(.GET, "/projects?year=2023&colour=red") { res in
                let h = Self.headers(res.body.string)
                #expect(h.contains("完成率") && h.contains("亮灯原因") && h.contains("滞后（百分点）") && !h.contains("项目类别"), "\(h)")
                #expect(res.body.string.range(of: #"<td class="num">\d+\.\d%</td>"#, options: .regularExpression) != nil)
            }
            // Kept for this user: the plain list comes back with them.
            try await leader.test(.POST, "/account/columns", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: "_csrf=\(leader.csrfToken)&cols=stage&cols=plan&next=%2Fprojects%3Fyear%3D2023")
            }) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/projects?year=2023&cols=stage,plan")
            }
            try await leader.test(.GET, "/projects?year=2023") { res in
                #expect(Self.headers(res.body.string) == ["项目编号", "项目名称", "阶段", "年度计划（万元）"], "\(Self.headers(res.body.string))")
            }
            // Another user's list is not affected.
            let other = try await app.as(.leader)
            try await other.test(.GET, "/projects?year=2023") { res in
                #expect(Self.headers(res.body.string).contains("项目类别"))
            }
            // A place outside the site is not where the form sends anyone.
            try await leader.test(.POST, "/account/columns", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: "_csrf=\(leader.csrfToken)&cols=stage&next=https%3A%2F%2Fevil.example%2F")
            }) { res in
                #expect(res.headers.first(name: .location)?.hasPrefix("/") == true)
            }
        }
    }
}
