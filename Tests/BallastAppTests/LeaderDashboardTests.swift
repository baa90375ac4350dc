@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Leaders keep the dashboard, with their own 分包 projects first (issue 23, item 1); chart
/// drill-downs open lists with the columns that explain their figure (item 6).
@Suite struct LeaderDashboardTests {
    /// The demo's projects in the 2023 portfolio whose 分包领导 is `leader`, counted here from the tables.
    static func ownCodes(_ app: Application, leader: String) async throws -> Set<String> {
        let leaderIDs = try await ReferenceEntryModel.query(on: app.db).filter(\.$kind == ReferenceKind.leader.rawValue)
            .filter(\.$name == leader).all().compactMap(\.id)
        let planned = try await PortfolioOracle.projects(year: 2023, on: CalendarDate(year: 2023, month: 6, day: 30)!, db: app.db)
        return Set(try await ProjectModel.query(on: app.db).all()
            .filter { p in p.$leader.id.map(leaderIDs.contains) == true && p.id.map(planned.contains) == true }.map(\.code))
    }

    @Test func aLeadersDashboardListsTheirOwnProjectsFirstMostUrgentFirst() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await app.as(.leader)
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == leader.username).first())
            // Before a 分包 name is set, the dashboard is the district's alone.
            try await leader.test(.GET, "/") { res in #expect(!res.body.string.contains("own-projects")) }
            user.leaderName = "王立新"
            try await user.update(on: app.db)
            let own = try await Self.ownCodes(app, leader: "王立新")
            #expect(!own.isEmpty)
            try await leader.test(.GET, "/") { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("我分包的项目（王立新，\(own.count)个）"))
                // The card comes before the district's figures.
                let card = try #require(html.range(of: "own-projects")), lights = try #require(html.range(of: "预警分布"))
                #expect(card.lowerBound < lights.lowerBound)
                #expect(html.contains("leader=%E7%8E%8B%E7%AB%8B%E6%96%B0") || html.contains("leader=王立新"))
            }
            // The list behind it is the same projects, and red ones lead the card.
            let (_, page) = try await leader.send(.GET, "/api/v1/projects?year=2023&portfolio=1&leader=%E7%8E%8B%E7%AB%8B%E6%96%B0&perPage=200")
            let codes = Set((page["items"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
            #expect(codes == own)
            let rows = try await LeaderProjects.run(districtID: try #require(user.$district.id as UUID?), year: 2023,
                                                    day: CalendarDate(year: 2023, month: 6, day: 30)!, leader: "王立新", on: app.db)
            let ranks = rows.map { $0.warning.map { WarningColour.allCases.firstIndex(of: $0.colour) ?? 0 } ?? -1 }
            #expect(ranks == ranks.sorted(by: >), "most urgent first: \(ranks)")
            // The office sees no such card.
            try await app.as(.office).test(.GET, "/") { res in #expect(!res.body.string.contains("own-projects")) }
        }
    }

    @Test func theAdministratorLinksALeaderAccountToANameOnTheLeaderList() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let admin = try await app.as(.admin).withoutCSRFHeader()
            func set(_ leader: String) async throws -> (HTTPStatus, String) {
                var out: (HTTPStatus, String) = (.ok, "")
                try await admin.test(.POST, "/admin/users/leader/roles", beforeRequest: { req in
                    req.headers.contentType = .urlEncodedForm
                    req.body = ByteBuffer(string: "roles[]=leader&leader=\(leader.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&_csrf=\(admin.csrfToken)")
                }) { res in out = (res.status, res.body.string) }
                return out
            }
            let (refused, text) = try await set("不存在的领导")
            #expect(refused == .unprocessableEntity && text.contains("不在分包领导名录中"))
            #expect(try await UserModel.query(on: app.db).filter(\.$username == "leader").first()?.leaderName == "王立新")
            let (ok, _) = try await set("李振华")
            #expect(ok == .ok)
            #expect(try await UserModel.query(on: app.db).filter(\.$username == "leader").first()?.leaderName == "李振华")
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$action == "set-roles").all()
            #expect(audit.contains { $0.after?.contains("李振华") == true })
        }
    }

    @Test func chartDrillDownsCarryTheColumnsThatExplainThem() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await app.as(.leader)
            var html = ""
            try await leader.test(.GET, "/") { res in html = res.body.string }
            // A category bar: plan, completion and light per project; a pool: category, unit, stage, total.
            #expect(html.contains("category=") && html.contains("cols=unit,stage,plan,completion,light,reasons"))
            #expect(html.contains("cols=category,unit,stage,total"))
            try await leader.test(.GET, "/projects?year=2023&portfolio=1&category=\("产业转型发展".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&cols=unit,stage,plan,completion,light,reasons") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("完成率") && res.body.string.contains("亮灯原因"))
                #expect(!res.body.string.contains("<th>总投资（万元）"))
            }
        }
    }
}
