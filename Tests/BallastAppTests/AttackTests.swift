@testable import BallastApp
@testable import BallastDemo
import BallastCore
import BallastOffice
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The attacks issue 3 names, each tried and each refused.
@Suite struct AttackTests {
    static let ownUnit = "区住房城乡建设局"

    /// A project of the demo district that is not the unit's, and one that is.
    func projects(_ app: Application) async throws -> (other: ProjectModel, own: ProjectModel) {
        let unit = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == Self.ownUnit).first())
        let own = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unit.requireID()).sort(\.$code).first())
        let other = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id != unit.requireID()).sort(\.$code).first())
        return (other, own)
    }

    @Test func anotherUnitsProjectCannotBeReachedByIdListOrExport() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (other, own) = try await projects(app)
            let unit = try await app.as(.unit, unit: Self.ownUnit)
            try await unit.test(.GET, "/projects/\(other.id!)") { res in #expect(res.status == .notFound) }
            try await unit.test(.GET, "/api/v1/projects/\(other.id!)") { res in #expect(res.status == .notFound) }
            try await unit.test(.GET, "/projects/\(other.id!)/edit") { res in #expect(res.status == .notFound) }
            try await unit.test(.GET, "/api/v1/projects/\(own.id!)") { res in #expect(res.status == .ok) }
            try await unit.test(.PUT, "/api/v1/projects/\(other.id!)", beforeRequest: { req in
                try req.content.encode(["name": "接管", "version": "1"], as: .json)
            }) { res in #expect([.notFound, .badRequest].contains(res.status)) }
            #expect(try await ProjectModel.find(other.id, on: app.db)?.name == other.name)
            // The list, filtered by the other unit or not, holds only the unit's own projects.
            let otherUnitName = try #require(try await ReferenceEntryModel.find(other.$unit.id, on: app.db)).name
            let escaped = otherUnitName.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await unit.test(.GET, "/api/v1/projects?year=2023&unit=\(escaped)") { res in
                #expect(jsonObject(res)["total"] as? Int == 0)
            }
            try await unit.test(.GET, "/api/v1/projects?year=2023&perPage=200") { res in
                let items = try #require(jsonObject(res)["items"] as? [[String: Any]])
                #expect(!items.isEmpty)
                #expect(items.allSatisfy { $0["unit"] as? String == Self.ownUnit })
            }
            try await unit.test(.GET, "/projects?year=2023&q=\(other.code)") { res in
                #expect(!res.body.string.contains(other.name))
            }
            for path in ["/api/v1/ledger/export?year=2023&format=csv&unit=\(escaped)", "/ledger/export?year=2023&format=csv"] {
                try await unit.test(.GET, path) { res in
                    #expect(res.status == .ok)
                    let table = try CSVTable.read(Data(res.body.readableBytesView))
                    let unitColumn = try #require(table.header.firstIndex(of: "责任单位"))
                    #expect(!table.rows.isEmpty)
                    #expect(table.rows.allSatisfy { $0.cells[unitColumn] == Self.ownUnit }, "\(path)")
                }
            }
            // Another district's data is refused outright.
            try await unit.test(.GET, "/api/v1/summary?year=2023&district=elsewhere") { res in
                #expect(res.status == .forbidden)
                #expect(errorCode(res) == "other_district")
            }
        }
    }

    @Test func aUnitCannotEscalateThroughAFormField() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (_, own) = try await projects(app)
            let unit = try await app.as(.unit, unit: Self.ownUnit)
            var form: [String: String] = [:]
            try await unit.test(.GET, "/api/v1/projects/\(own.id!)") { res in
                let p = try #require(jsonObject(res)["project"] as? [String: Any])
                for (k, v) in p { form[k] = "\(v)" }
            }
            // Its own project, an allowed field: saved.
            var allowed = form
            allowed["name"] = own.name + "（一期）"
            allowed["year"] = "2023"
            try await unit.test(.POST, "/projects/\(own.id!)/edit", beforeRequest: { req in
                try req.content.encode(allowed, as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            // Handing the project to another unit, or raising its plan: refused, nothing changes.
            for (field, value) in [("unit", "区商务局"), ("annualPlan", "1"), ("level", "省重点")] {
                var attempt = allowed
                attempt[field] = value
                attempt["version"] = "2"
                try await unit.test(.POST, "/projects/\(own.id!)/edit", beforeRequest: { req in
                    try req.content.encode(attempt, as: .urlEncodedForm)
                }) { res in
                    #expect(res.status == .forbidden, "\(field)")
                    #expect(res.body.string.contains("责任单位不能修改"), "\(field)")
                }
            }
            let after = try #require(try await ProjectModel.find(own.id, on: app.db))
            #expect(after.$unit.id == own.$unit.id)
            #expect(after.version == 2)
            // Roles in a form do nothing for a non-admin: the admin pages are closed to them.
            try await unit.test(.POST, "/admin/users/new", beforeRequest: { req in
                try req.content.encode(["username": "mallory", "roles[]": "admin"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .forbidden) }
            #expect(try await UserModel.query(on: app.db).filter(\.$username == "mallory").count() == 0)
        }
    }

    @Test func aForgedOrMissingCSRFTokenIsRefused() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (other, _) = try await projects(app)
            let office = try await app.as(.office).withoutCSRFHeader()
            for token in ["forged", "", office.csrfToken + "0"] {
                try await office.test(.POST, "/projects/\(other.id!)/delete", beforeRequest: { req in
                    try req.content.encode(["version": "1", "_csrf": token], as: .urlEncodedForm)
                }) { res in
                    #expect(res.status == .forbidden)
                    #expect(res.body.string.contains("安全校验未通过"))
                }
            }
            try await office.test(.DELETE, "/api/v1/projects/\(other.id!)?version=1") { res in
                #expect(res.status == .forbidden)
                #expect(errorCode(res) == "csrf")
            }
            // The right token from a page on another site: the Origin gives it away.
            try await app.as(.office).test(.POST, "/projects/\(other.id!)/delete", beforeRequest: { req in
                req.headers.replaceOrAdd(name: .origin, value: "https://evil.example")
                try req.content.encode(["version": "1"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .forbidden) }
            #expect(try await ProjectModel.find(other.id, on: app.db) != nil)
            // With the session's token in the form, the same request goes through.
            try await office.test(.POST, "/projects/\(other.id!)/delete", beforeRequest: { req in
                try req.content.encode(["version": "1", "_csrf": office.csrfToken], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            #expect(try await ProjectModel.find(other.id, on: app.db) == nil)
            // Multipart uploads carry it the same way.
            try await office.test(.POST, "/ledger/import", beforeRequest: { req in
                req.headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "XB"])
                req.body = ByteBuffer(string: "--XB\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nforged\r\n--XB\r\n"
                    + "Content-Disposition: form-data; name=\"year\"\r\n\r\n2023\r\n--XB--\r\n")
            }) { res in #expect(res.status == .forbidden) }
        }
    }

    @Test func sqlAndMarkupInEveryTextFieldAreStoredAndShownAsText() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let evil = "x'); DROP TABLE projects; -- <script>alert(1)</script>\""
            let fields = ["name", "category", "zone", "unit", "leader", "taskForce", "investor", "content"]
            var body: [String: Any] = ["year": 2023, "code": "EVIL-1", "level": "区重点", "stage": "在建", "totalInvestment": 100, "annualPlan": 10]
            for f in fields { body[f] = evil + f }
            let office = try await app.as(.office)
            var id = ""
            try await office.test(.POST, "/api/v1/projects", beforeRequest: { req in
                req.headers.contentType = .json
                req.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
            }) { res in
                #expect(res.status == .created)
                let p = try #require(jsonObject(res)["project"] as? [String: Any])
                id = try #require(p["id"] as? String)
                for f in fields { #expect(p[f] as? String == evil + f, "\(f)") }
            }
            for path in ["/projects/\(id)", "/projects?year=2023&q=EVIL", "/projects/\(id)/edit"] {
                try await office.test(.GET, path) { res in
                    #expect(res.status == .ok)
                    #expect(!res.body.string.contains("<script>alert"), "\(path)")
                    #expect(res.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
                }
            }
            try await office.test(.GET, "/api/v1/projects?year=2023&q=\("'; DROP TABLE projects; --".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)") { res in
                #expect(res.status == .ok)
                #expect(jsonObject(res)["total"] as? Int == 0)
            }
            #expect(try await ProjectModel.query(on: app.db).count() == 469)
        }
    }

    /// Attempts in the flood: each refused one waits as long as a bcrypt check (a few ms in a
    /// debug build at the tests' cost), so 2 000 keep the suite quick and still run far past
    /// every limit (5, 50, 100).
    static let flood = 2_000

    @Test func aFloodOfSignInAttemptsShutsOutTheAttackerNotTheServer() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            app.security.trustForwardedFor = true
            var statuses: [HTTPStatus: Int] = [:]
            for i in 0..<Self.flood {
                let r = try await app.signInThroughForm("office", "guess-\(i)-x1", address: "10.0.0.66")
                statuses[r.status, default: 0] += 1
            }
            // Five checked failures, then this address is refused on this account; refusals are
            // audited apart and do not count, so the flood does not lock the account elsewhere.
            #expect(statuses[.unauthorized] == SignInThrottle.pairLimit)
            #expect(statuses[.tooManyRequests] == Self.flood - SignInThrottle.pairLimit)
            #expect(statuses[.seeOther] == nil)
            // Even the right password does not open the account from the guessing address…
            #expect(try await app.signInThroughForm("office", DemoUsers.password, address: "10.0.0.66").status == .tooManyRequests)
            // …but its owner at another desk signs in.
            #expect(try await app.signInThroughForm("office", DemoUsers.password, address: "10.0.0.9").status == .seeOther)
            // Everyone else is served as before.
            #expect(try await app.signInThroughForm("leader", DemoUsers.password, address: "10.0.0.77").status == .seeOther)
            try await app.testing().test(.GET, "/healthz") { res in #expect(res.status == .ok) }
            let failures = try await AuditEntryModel.query(on: app.db).filter(\.$action == "sign-in-failed").count()
            let refusals = try await AuditEntryModel.query(on: app.db).filter(\.$action == "sign-in-refused").count()
            #expect(failures == SignInThrottle.pairLimit && refusals == Self.flood - SignInThrottle.pairLimit + 1)
        }
    }
}
