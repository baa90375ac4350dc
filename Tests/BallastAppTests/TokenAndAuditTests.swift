@testable import BallastApp
@testable import BallastDemo
import BallastCore
import BallastOffice
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite struct TokenAndAuditTests {
    func bearer(_ app: Application, _ token: String, _ path: String, _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        try await app.testing().test(.GET, path, beforeRequest: { req in
            req.headers.bearerAuthorization = BearerAuthorization(token: token)
        }, afterResponse: check)
    }

    @Test func aTokenIsShownOnceStoredHashedScopedAndRevocable() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let admin = try await app.as(.admin)
            var secret = ""
            try await admin.test(.POST, "/admin/tokens/new", beforeRequest: { req in
                try req.content.encode(["name": "市重点项目平台", "role": "viewer", "days": "30"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                let start = try #require(html.range(of: "<div class=\"secret\">"))
                secret = String(html[start.upperBound...].prefix { $0 != "<" })
            }
            #expect(secret.hasPrefix("blt_") && secret.count == 68)
            let stored = try #require(try await APITokenModel.query(on: app.db).first())
            #expect(stored.tokenHash != secret && !stored.tokenHash.contains(secret.dropFirst(4)))
            #expect(stored.lastUsedAt == nil)
            try await admin.test(.GET, "/admin/tokens") { res in
                #expect(res.body.string.contains("市重点项目平台"))
                #expect(!res.body.string.contains(secret))
            }
            try await bearer(app, secret, "/api/v1/projects?year=2023") { res in
                #expect(res.status == .ok)
                #expect(jsonObject(res)["total"] as? Int == 468)
            }
            #expect(try await APITokenModel.find(stored.id, on: app.db)?.lastUsedAt != nil)
            // A viewer token reads; it does not write, and it opens no pages.
            try await app.testing().test(.DELETE, "/api/v1/projects/\(UUID())?version=1", beforeRequest: { req in
                req.headers.bearerAuthorization = BearerAuthorization(token: secret)
            }) { res in #expect(res.status == .forbidden) }
            try await bearer(app, secret, "/projects") { res in
                #expect(res.headers.first(name: .location)?.hasPrefix("/signin") == true)
            }
            try await bearer(app, secret + "0", "/api/v1/projects") { res in #expect(errorCode(res) == "token_invalid") }
            try await admin.test(.POST, "/admin/tokens/\(stored.id!)/revoke") { res in #expect(res.status == .ok) }
            try await bearer(app, secret, "/api/v1/projects") { res in
                #expect(res.status == .unauthorized)
                #expect(errorCode(res) == "token_revoked")
            }
        }
    }

    @Test func anExpiredTokenIsRefusedAndAUnitTokenSeesItsUnit() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let d = try #require(try await DistrictModel.query(on: app.db).first())
            let store = APITokenStore(district: d, actor: ChangeActor(name: "tester"))
            let (expired, _) = try await store.create(name: "old", role: .office, unitName: nil,
                                                      expiresAt: Date().addingTimeInterval(-1), on: app.db)
            try await bearer(app, expired, "/api/v1/summary?year=2023") { res in
                #expect(res.status == .unauthorized)
                #expect(errorCode(res) == "token_expired")
            }
            let (unit, _) = try await store.create(name: "建设局系统", role: .unit, unitName: "区住房城乡建设局", expiresAt: nil, on: app.db)
            try await bearer(app, unit, "/api/v1/projects?year=2023&perPage=200") { res in
                let items = try #require(jsonObject(res)["items"] as? [[String: Any]])
                #expect(!items.isEmpty && items.allSatisfy { $0["unit"] as? String == "区住房城乡建设局" })
            }
            await #expect(throws: APITokenStore.Failure.unitRequired) {
                _ = try await store.create(name: "x", role: .unit, unitName: nil, expiresAt: nil, on: app.db)
            }
        }
    }

    @Test func theAuditTrailIsAppendOnlyInTheDatabaseItself() async throws {
        try await TestDatabase.withApp(demo: true) { (app: Application) async throws in
            let sql = app.db as! any SQLDatabase
            #expect(try await AuditEntryModel.query(on: app.db).count() > 0)
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE audit_entries SET actor = 'nobody'").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("DELETE FROM audit_entries").run()
            }
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$actor == "nobody").count() == 0)
            #expect(try await AuditEntryModel.query(on: app.db).count() > 0)
        }
    }

    @Test func changesSignInsAndExportsAreSearchableAndExportable() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            app.security.trustForwardedFor = true
            #expect(try await app.signInThroughForm("office", "wrong-password-1", address: "192.0.2.7").status == .unauthorized)
            let office = try await app.as(.office)
            let project = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "EQ2023-0001").first())
            try await office.test(.PUT, "/api/v1/projects/\(project.id!)", beforeRequest: { req in
                req.headers.replaceOrAdd(name: .xForwardedFor, value: "192.0.2.8")
                var body: [String: Any] = [:]
                try await office.test(.GET, "/api/v1/projects/\(project.id!)") { res in
                    body = try #require(jsonObject(res)["project"] as? [String: Any])
                }
                body["name"] = "改名后的项目"
                req.headers.contentType = .json
                req.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
            }) { res in #expect(res.status == .ok) }
            try await office.test(.GET, "/api/v1/ledger/export?year=2023&format=csv") { res in #expect(res.status == .ok) }

            try await office.test(.GET, "/api/v1/audit?entityId=\(project.id!)") { res in
                let items = try #require(jsonObject(res)["items"] as? [[String: Any]])
                let update = try #require(items.first { $0["action"] as? String == "update" })
                #expect(update["actor"] as? String == office.username)
                #expect(update["role"] as? String == "office")
                #expect(update["address"] as? String == "192.0.2.8")
                #expect((update["before"] as? String)?.contains(project.name) == true)
                #expect((update["after"] as? String)?.contains("改名后的项目") == true)
            }
            try await office.test(.GET, "/api/v1/audit?action=sign-in-failed&actor=office") { res in
                let items = try #require(jsonObject(res)["items"] as? [[String: Any]])
                #expect(items.count == 1)
                #expect(items.first?["address"] as? String == "192.0.2.7")
            }
            try await office.test(.GET, "/api/v1/audit?action=export&entity=ledger") { res in
                #expect(jsonObject(res)["total"] as? Int == 1)
            }
            try await office.test(.GET, "/api/v1/audit?from=2000-01-01&to=2000-12-31") { res in
                #expect(jsonObject(res)["total"] as? Int == 0)
            }
            try await office.test(.GET, "/api/v1/audit?from=yesterday") { res in
                #expect(res.status == .badRequest)
                #expect((jsonObject(res)["error"] as? [String: Any])?["field"] as? String == "from")
            }
            try await office.test(.GET, "/audit?actor=\(office.username)") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("改名后的项目"))
            }
            try await office.test(.GET, "/audit/export?entityId=\(project.id!)") { res in
                #expect(res.status == .ok)
                let table = try CSVTable.read(Data(res.body.readableBytesView))
                #expect(table.header == AuditController.csvHeader)
                #expect(table.rows.contains { $0.cells.contains("update") && $0.cells.contains(office.username) })
            }
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "audit").filter(\.$action == "export").count() == 1)
        }
    }
}

@Suite struct RollupTests {
    @Test func cityUsersSeeEveryDistrictsTotalsAndNoDetail() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            // A second district with a small ledger of its own.
            let other = DistrictModel(id: UUID(), code: "zhongyuan", name: "中原区")
            try await other.create(on: app.db)
            let writer = LedgerWriter(districtID: other.id!, year: 2023, actor: ChangeActor(name: "tester"),
                                      today: CalendarDate(year: 2023, month: 1, day: 1)!)
            _ = try await writer.apply([LedgerRecord(row: 2, code: "ZY-1", name: "中原项目", category: "产业转型发展", level: "区重点",
                                                     unit: "中原区发改委", stage: .underConstruction, totalInvestment: .yi(2),
                                                     annualPlan: .wan(5000))], on: app.db)
            // Signing in with no page in mind lands a city user on the roll-up, not a district overview.
            try await app.testing().test(.POST, "/signin", beforeRequest: { req in
                req.headers.cookie = HTTPCookies(dictionaryLiteral: (AccountController.signInCookie, .init(string: "p")))
                try req.content.encode(["_csrf": "p", "username": "city", "password": DemoUsers.password, "next": "/"], as: .urlEncodedForm)
            }) { res in #expect(res.headers.first(name: .location) == "/rollup") }
            let city = try await app.as(.regional)
            try await city.test(.GET, "/api/v1/rollup?year=2023") { res in
                #expect(res.status == .ok)
                let rows = try #require(jsonObject(res)["districts"] as? [[String: Any]])
                #expect(rows.map { $0["district"] as? String } == ["erqi", "zhongyuan"])
                #expect(rows[0]["projects"] as? Int == 360)
                #expect(rows[0]["annualPlan"] as? Double == 3_500_000)
                #expect(rows[1]["projects"] as? Int == 1)
                #expect(rows[1]["totalInvestment"] as? Double == 20_000)
                #expect(Set(rows[0].keys) == ["district", "name", "asOf", "projects", "totalInvestment", "annualPlan", "completed", "completionRate", "timeProgress", "colours"])
                // The demo's judging day is in its year; 时序进度 is that day's month over twelve.
                let asOfMonth = Int((rows[0]["asOf"] as? String ?? "").split(separator: "-").dropFirst().first ?? "") ?? 0
                #expect(rows[0]["timeProgress"] as? Double == Double(asOfMonth) / 12)
                // The district's row is its own summary of the same day.
                let (_, summary) = try await app.as(.office).send(.GET, "/api/v1/summary?year=2023&asOf=\(rows[0]["asOf"] as? String ?? "")")
                for key in ["projects", "totalInvestment", "annualPlan", "completed"] {
                    #expect((rows[0][key] as? NSNumber)?.doubleValue == (summary[key] as? NSNumber)?.doubleValue, "\(key)")
                }
                #expect(rows[0]["colours"] as? [String: Int] == summary["colours"] as? [String: Int])
                #expect((rows[0]["completed"] as? Double ?? 0) > 0)
            }
            try await city.test(.GET, "/api/v1/rollup?year=2023&asOf=1900-01-01") { res in #expect(res.status == .badRequest) }
            try await city.test(.GET, "/rollup?year=2023") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("中原区"))
                #expect(!res.body.string.contains("中原项目"))
                // Each district opens to its own figures; the district code is a link, not text on the page.
                #expect(res.body.string.contains("href=\"/rollup/zhongyuan?year=2023\""))
                #expect(!res.body.string.contains(">erqi<") && !res.body.string.contains(" erqi"))
            }
            // Opened: the district's breakdowns, without its units or projects.
            try await city.test(.GET, "/api/v1/rollup/zhongyuan?year=2023") { res in
                #expect(res.status == .ok)
                let body = try jsonObject(res)
                let row = try #require(body["district"] as? [String: Any])
                #expect(row["projects"] as? Int == 1)
                let categories = try #require(body["byCategory"] as? [[String: Any]])
                #expect(categories.map { $0["name"] as? String } == ["产业转型发展"])
                #expect(categories.first?["annualPlan"] as? Double == 5000)
                let levels = try #require(body["byLevel"] as? [[String: Any]])
                #expect(levels.map { $0["name"] as? String } == ["区重点"])
                #expect(body["byUnit"] == nil)
                #expect(!res.body.string.contains("中原区发改委") && !res.body.string.contains("中原项目"))
            }
            try await city.test(.GET, "/rollup/zhongyuan?year=2023") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("产业转型发展"))
                #expect(!res.body.string.contains("中原区发改委") && !res.body.string.contains("中原项目"))
                #expect(!res.body.string.contains("/projects?"))
            }
            try await city.test(.GET, "/api/v1/rollup/nowhere?year=2023") { res in #expect(res.status == .notFound) }
            // A day after the district's today is not a day any figure has reached: counted as of today.
            let (_, future) = try await city.send(.GET, "/api/v1/rollup/zhongyuan?year=2023&asOf=2099-01-01")
            let (_, now) = try await city.send(.GET, "/api/v1/rollup/zhongyuan?year=2023")
            #expect((future["district"] as? [String: Any])?["asOf"] as? String == (now["district"] as? [String: Any])?["asOf"] as? String)
            try await app.as(.office).test(.GET, "/rollup/erqi?year=2023") { res in #expect(res.status == .forbidden) }
            for path in ["/api/v1/projects", "/api/v1/summary?year=2023", "/api/v1/ledger/export?year=2023", "/projects"] {
                try await city.test(.GET, path) { res in #expect(res.status == .forbidden, "\(path)") }
            }
            try await app.as(.office).test(.GET, "/api/v1/rollup?year=2023") { res in #expect(res.status == .forbidden) }
        }
    }
}
