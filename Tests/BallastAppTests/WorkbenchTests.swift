@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// 工作台 and `GET /api/v1/todo` (issue 23): each role's work, in its scope, from the records.
@Suite struct WorkbenchTests {
    static let unitName = "区住房城乡建设局"

    /// The demo moved to 31 July: July's reports were due on the 25th.
    static func july(_ app: Application) async throws {
        try await DistrictModel.query(on: app.db).set(\.$frozenOn, to: "2023-07-31").update()
    }

    @Test func aUnitsClerkSeesItsReportsProblemsAndNoticesAndNothingOfAnotherUnit() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await Self.july(app)
            let clerk = try await app.as(.unit, unit: Self.unitName)
            let office = try await app.as(.office)
            #expect(try await office.send(.POST, "/api/v1/notices", ["unit": Self.unitName, "item": "请报送七月月报"]).0 == .created)
            #expect(try await office.send(.POST, "/api/v1/notices", ["unit": "区商务局", "item": "另一个单位的事"]).0 == .created)
            let (status, todo) = try await clerk.send(.GET, "/api/v1/todo")
            #expect(status == .ok)
            let counts = try #require(todo["counts"] as? [String: Int])
            let items = try #require(todo["items"] as? [[String: Any]])
            // The unit's June reports not in, counted the way /reports counts them.
            let d = try #require(try await DistrictModel.query(on: app.db).first())
            let unit = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == Self.unitName).first())
            var owed = 0
            for month in 1...7 {
                owed += try await MonthReportsQuery.run(districtID: d.id!, year: 2023, month: month, scopeUnitID: unit.id, on: app.db)
                    .filter { !$0.isReported && ReportsOwed.owes(year: 2023, month: month, enteredOn: nil) }.count
            }
            #expect(counts["report"] == owed && owed > 0)
            #expect(items.contains { $0["kind"] as? String == "report" && $0["overdue"] as? Bool == true && ($0["url"] as? String)?.removingPercentEncoding?.contains("month=2023-07") == true })
            // Its unacknowledged notices, each a row.
            let notices = try await NoticeModel.query(on: app.db).filter(\.$unitID == unit.id!).filter(\.$acknowledgedOn == nil).count()
            #expect(counts["notice"] == notices && notices >= 1)
            #expect(items.filter { $0["kind"] as? String == "notice" }.count == notices)
            // Nothing it does not do: no reviews, no drafts.
            #expect(counts["review"] == 0 && counts["document"] == 0)
            // Overdue first, and every link opens a page the clerk may see.
            let flags = items.map { $0["overdue"] as? Bool ?? false }
            #expect(flags == flags.sorted { $0 && !$1 })
            for item in items.prefix(8) {
                let url = try #require(item["url"] as? String)
                try await clerk.test(.GET, url) { res in #expect(res.status == .ok, "\(url)") }
            }
            // The page: the same items, and the header's count on every page.
            try await clerk.test(.GET, "/work") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("我的待办") && html.contains("class=\"count\""))
                for item in items.prefix(5) { #expect(html.contains(item["title"] as? String ?? "?")) }
            }
            try await clerk.test(.GET, "/projects") { res in #expect(res.body.string.contains("工作台") && res.body.string.contains("class=\"count\"")) }
        }
    }

    @Test func theOfficeReviewsAndIssuesAndALeaderHasNoWorkbench() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await Self.july(app)
            let office = try await app.as(.office)
            // A clerk files July for one project: the office has one report to review.
            let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == Self.unitName).first())
            let own = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).sort(\.$code).first())
            let clerk = try await app.as(.unit, unit: Self.unitName)
            let (_, draft) = try await clerk.send(.PUT, "/api/v1/projects/\(own.id!)/reports/2023-07", ["amount": 50, "progress": "主体施工"])
            let reportID = try #require(draft["reportId"] as? String)
            #expect(try await clerk.send(.POST, "/api/v1/reports/\(reportID)/submit", ["version": 1]).0 == .ok)
            let submitted = try await MonthlyReportModel.query(on: app.db).filter(\.$status == ReportStatus.submitted.rawValue).count()
            let drafts = try await DocumentModel.query(on: app.db).filter(\.$status == .draft).count()
            let (_, todo) = try await office.send(.GET, "/api/v1/todo")
            let counts = try #require(todo["counts"] as? [String: Int])
            #expect(counts["review"] == submitted && submitted >= 1)
            #expect((todo["items"] as? [[String: Any]])?.contains { ($0["url"] as? String)?.removingPercentEncoding?.hasSuffix("month=2023-07") == true } == true)
            #expect(counts["document"] == drafts)
            #expect(counts["report"] == 0)
            // A leader keeps the dashboard: no 工作台 in the header, though the page answers (empty).
            let leader = try await app.as(.leader)
            try await leader.test(.GET, "/projects") { res in #expect(!res.body.string.contains(">工作台<")) }
            let (_, none) = try await leader.send(.GET, "/api/v1/todo")
            #expect((none["items"] as? [Any])?.isEmpty == true)
        }
    }

    /// A linked 区领导 lands on 我联系的项目 (issue 28); an unlinked one keeps the dashboard.
    @Test func signingInLandsTheDaysWorkersOnTheirWorkAndLeadersOnTheirOwnProjects() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let unlinked = UserModel(districtID: try #require(try await UserModel.query(on: app.db).filter(\.$username == "leader").first()?.$district.id),
                                     username: "leader2", displayName: "leader2", passwordHash: try Bcrypt.hash("Erqi-demo-2023", cost: 4), roles: [.leader],
                                     unitID: nil, mustChangePassword: false)
            try await unlinked.create(on: app.db)
            for (user, target) in [("office", "/work"), ("unit", "/work"), ("supervision", "/work"), ("leader", "/leader"), ("leader2", "/"), ("viewer", "/")] {
                try await app.testing().test(.POST, "/signin", beforeRequest: { req in
                    req.headers.cookie = HTTPCookies(dictionaryLiteral: (AccountController.signInCookie, .init(string: "p")))
                    try req.content.encode(["_csrf": "p", "username": user, "password": "Erqi-demo-2023", "next": "/"], as: .urlEncodedForm)
                }) { res in #expect(res.headers.first(name: .location) == target, "\(user)") }
            }
        }
    }
}
