@testable import BallastApp
@testable import BallastDemo
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Issue 19's attack list, one test per finding: each request that once stopped the server or
/// reached past a role is answered with a clear refusal, and nothing is written.
@Suite struct HardeningTests {
    static let unitName = "区住房城乡建设局"

    /// The body of issue 19 whose part header name is not ASCII.
    static let crashingBody: [UInt8] = Array("--XB\r\nG".utf8) + [0xF2, 0x90, 0x85, 0x8A] + Array(": x\r\n\r\nv\r\n--XB--\r\n".utf8)
    static let multipartXB = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "XB"])

    @Test func aForgedMultipartBodyIsRefusedEverywhereAndTheServerStaysUp() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            // Unauthenticated, on a route that takes no files: refused before anything decodes it.
            try await app.testing().test(.POST, "/signin", beforeRequest: { req in
                req.headers.contentType = Self.multipartXB
                req.body = ByteBuffer(bytes: Self.crashingBody)
            }) { res in
                #expect(res.status == .unsupportedMediaType)
            }
            let office = try await app.as(.office)
            // An API route without files, signed in.
            try await office.test(.POST, "/api/v1/enterprises", beforeRequest: { req in
                req.headers.contentType = Self.multipartXB
                req.body = ByteBuffer(bytes: Self.crashingBody)
            }) { res in
                #expect(res.status == .unsupportedMediaType)
                #expect(errorCode(res) == "unsupported_media_type")
            }
            // Routes that take files read it with our own reader and refuse it as malformed.
            for path in ["/api/v1/ledger/import", "/ledger/import", "/api/v1/campaign/import", "/leads/import", "/map/zones"] {
                try await office.test(.POST, path, beforeRequest: { req in
                    req.headers.contentType = Self.multipartXB
                    req.body = ByteBuffer(bytes: Self.crashingBody)
                }) { res in
                    #expect(res.status == .badRequest || res.status == .forbidden, "\(path) \(res.status)")
                }
            }
            // An empty multipart body on the list imports (once a 500).
            for path in ["/api/v1/campaign/import", "/api/v1/leads/import"] {
                try await office.test(.POST, path, beforeRequest: { req in
                    req.headers.contentType = Self.multipartXB
                    req.body = ByteBuffer(string: "--XB--\r\n")
                }) { res in
                    #expect(res.status == .badRequest, "\(path)")
                    #expect(jsonObject(res)["error"] != nil)
                }
            }
            try await app.testing().test(.GET, "/healthz") { res in #expect(res.status == .ok) }
        }
    }

    @Test func hugePageNumbersAreRefusedByNameOnEveryList() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            for path in ["/api/v1/enterprises", "/api/v1/leads", "/api/v1/problems", "/api/v1/projects", "/api/v1/audit"] {
                let (status, body) = try await office.send(.GET, path + "?page=92233720368547758")
                #expect(status == .badRequest, "\(path)")
                #expect((body["error"] as? [String: Any])?["field"] as? String == "page", "\(path)")
                #expect(try await office.send(.GET, path + "?page=\(Paging.maxPage)").0 == .ok, "\(path)")
            }
            #expect(try await office.send(.GET, "/api/v1/projects?perPage=9223372036854775807").0 == .badRequest)
            #expect(try await office.send(.GET, "/api/v1/audit?perPage=99999999999").0 == .badRequest)
            // The page, reached by a link.
            try await office.test(.GET, "/projects?page=92233720368547758&perPage=200") { res in #expect(res.status == .badRequest) }
            try await office.test(.GET, "/audit?page=92233720368547758") { res in #expect(res.status == .badRequest) }
        }
    }

    /// A search or filter text is bounded like the names it looks for; a query string is bounded
    /// as a whole (issue 24: filter texts were unbounded).
    @Test func overlongFilterTextsAreRefusedByName() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let long = String(repeating: "路", count: TableLimits.maxNameCharacters + 1)
            let encoded = long.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? long
            for (path, key) in [("/api/v1/projects", "q"), ("/api/v1/projects", "unit"), ("/api/v1/enterprises", "q"),
                                ("/api/v1/leads", "q"), ("/api/v1/problems", "q")] {
                let (status, body) = try await office.send(.GET, path + "?\(key)=\(encoded)")
                #expect(status == .badRequest, "\(path) \(key)")
                #expect((body["error"] as? [String: Any])?["field"] as? String == key, "\(path) \(key)")
            }
            let fits = String(repeating: "路", count: 50).addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
            #expect(try await office.send(.GET, "/api/v1/projects?q=\(fits)").0 == .ok)
            // Too many parameters at once.
            let many = (0..<(QueryLimits.maxParameters + 1)).map { "k\($0)=1" }.joined(separator: "&")
            #expect(try await office.send(.GET, "/api/v1/projects?\(many)").0 == .badRequest)
            try await office.test(.GET, "/projects?q=\(encoded)") { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("q"))
            }
        }
    }

    @Test func yearsOutsideTheRangeAreRefusedNotTrappedOn() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == Self.unitName).first())
            let own = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).sort(\.$code).first())
            let unit = try await app.as(.unit, unit: Self.unitName)
            let office = try await app.as(.office)
            for year in [-1, 0, 1, 1999, 2101, Int.max] {
                let (status, body) = try await unit.send(.POST, "/api/v1/projects/\(own.id!)/milestones",
                                                         ["year": year, "name": "开工", "planned": "2023-06-01"])
                #expect(status == .badRequest, "\(year)")
                #expect((body["error"] as? [String: Any])?["field"] as? String == "year")
                let (rule, _) = try await office.send(.PUT, "/api/v1/warnings/rule",
                                                      ["year": year, "blueLagPoints": 10, "yellowLagPoints": 20, "blueLateDays": 15, "yellowLateDays": 30])
                #expect(rule == .badRequest, "\(year)")
            }
            #expect(try await MilestoneModel.query(on: app.db).filter(\.$year < 2000).count() == 0)
            // Months and form years are held to the same range and form.
            let supervision = try await app.as(.supervision)
            for month in ["1900-01", "1999-12", "2101-01", "+2023-05", "2023-005", "2023-W-1", "2023-13", "23-05"] {
                #expect(try await supervision.send(.POST, "/api/v1/bulletins", ["month": month]).0 == .badRequest, "\(month)")
            }
            #expect(try await DocumentModel.query(on: app.db).count() == 0)
            let form = office.withoutCSRFHeader()
            for year in ["abc", "9223372036854775808", "1999"] {
                try await form.test(.POST, "/pipeline/targets", beforeRequest: { req in
                    try req.content.encode(["_csrf": form.csrfToken, "year": year, "谋划": "7"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .badRequest, "\(year)") }
            }
            #expect(try await PoolTargetModel.query(on: app.db).filter(\.$target == 7).count() == 0)
        }
    }

    @Test func theSupervisionOfficeCannotIssueTheOfficesDocumentsThroughTheBulletins() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (drafted, ranking) = try await office.send(.POST, "/api/v1/documents", ["kind": "unit-ranking", "period": "2023-05"])
            #expect(drafted == .created)
            let id = try #require((ranking["document"] as? [String: Any])?["id"] as? String ?? ranking["id"] as? String)
            let supervision = try await app.as(.supervision)
            let (issued, body) = try await supervision.send(.POST, "/api/v1/bulletins/\(id)/issue", ["version": 1])
            #expect(issued == .notFound)
            #expect((body["error"] as? [String: Any])?["code"] as? String == "not_found")
            #expect(try await supervision.send(.GET, "/api/v1/bulletins/\(id)").0 == .notFound)
            let stored = try #require(try await DocumentModel.find(UUID(uuidString: id), on: app.db))
            #expect(stored.status == .draft && stored.number == nil && stored.version == 1)

            // The supervision bulletin's draft is its drafters'; others see it once issued.
            let (_, bulletin) = try await supervision.send(.POST, "/api/v1/bulletins", ["month": "2023-06"])
            let bid = try #require((bulletin["document"] as? [String: Any])?["id"] as? String)
            let unit = try await app.as(.unit, unit: Self.unitName)
            let viewer = try await app.as(.viewer)
            for reader in [unit, viewer] {
                #expect(try await reader.send(.GET, "/api/v1/bulletins/\(bid)").0 == .notFound)
                #expect(try await reader.sendArray(.GET, "/api/v1/bulletins").1.isEmpty)
            }
            #expect(try await supervision.send(.POST, "/api/v1/bulletins/\(bid)/issue", ["version": 1]).0 == .ok)
            for reader in [unit, viewer] {
                #expect(try await reader.send(.GET, "/api/v1/bulletins/\(bid)").0 == .ok)
            }
        }
    }

    @Test func aUnitCannotChangeOtherUnitsProjectsThroughAnEnterprise() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == Self.unitName).first())
            let projects = try await ProjectModel.query(on: app.db).filter(\.$enterpriseID != nil).all()
            let byEnterprise = Dictionary(grouping: projects) { $0.enterpriseID! }
            // An enterprise with projects of other units only, and one whose projects are all the unit's
            // (made here: one of the unit's projects is given an enterprise of its own).
            let foreign = try #require(byEnterprise.first { $0.value.allSatisfy { $0.$unit.id != unitRef.id } })
            let (_, made) = try await app.as(.office).send(.POST, "/api/v1/enterprises", ["name": "住建局自有建设单位有限公司"])
            let madeID = try #require((made["id"] as? String).flatMap(UUID.init(uuidString:)))
            let ownProject = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).sort(\.$code).first())
            ownProject.enterpriseID = madeID; ownProject.investor = "住建局自有建设单位有限公司"
            try await ownProject.update(on: app.db)
            let own = (key: madeID, value: [ownProject])
            let unit = try await app.as(.unit, unit: Self.unitName)
            let e = try #require(try await EnterpriseModel.find(foreign.key, on: app.db))
            let (status, body) = try await unit.send(.PUT, "/api/v1/enterprises/\(foreign.key)",
                                                     ["name": "改名企业有限公司", "confirmDuplicateName": true, "version": e.version])
            #expect(status == .forbidden)
            #expect(((body["error"] as? [String: Any])?["message"] as? String)?.contains("其他单位") == true)
            for p in foreign.value {
                let now = try #require(try await ProjectModel.find(p.id, on: app.db))
                #expect(now.investor == p.investor && now.creditCode == p.creditCode && now.version == p.version)
            }
            #expect(try await EnterpriseModel.find(foreign.key, on: app.db)?.name == e.name)

            // Its own enterprise it edits; each of its projects advances its version, with an entry in the trail.
            let mine = try #require(try await EnterpriseModel.find(own.key, on: app.db))
            let (ok, _) = try await unit.send(.PUT, "/api/v1/enterprises/\(own.key)",
                                              ["name": "更名后的建设单位有限公司", "confirmDuplicateName": true, "version": mine.version])
            #expect(ok == .ok)
            for p in own.value {
                let now = try #require(try await ProjectModel.find(p.id, on: app.db))
                #expect(now.investor == "更名后的建设单位有限公司" && now.version == p.version + 1)
                #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "project").filter(\.$entityID == p.id!)
                    .filter(\.$summary ~~ "建设单位随企业记录更新").count() == 1)
            }
        }
    }

    func signIn(_ app: Application, next: String) async throws -> (HTTPStatus, String?, [String]) {
        var out: (HTTPStatus, String?, [String]) = (.ok, nil, [])
        try await app.testing().test(.POST, "/signin", beforeRequest: { req in
            req.headers.cookie = HTTPCookies(dictionaryLiteral: (AccountController.signInCookie, .init(string: "pair")))
            try req.content.encode(["_csrf": "pair", "username": "leader", "password": DemoUsers.password, "next": next], as: .urlEncodedForm)
        }) { res in
            out = (res.status, res.headers.first(name: .location), res.headers[.setCookie])
        }
        return out
    }

    @Test func nextIsAPathOfTheSiteAndNothingElse() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let injected = try await signIn(app, next: "/x\r\nSet-Cookie: injected=1")
            // The demo's leader is linked to 王立新: without a usable `next`, 我联系的项目 is their start.
            #expect(injected.0 == .seeOther && injected.1 == "/leader")
            #expect(!injected.2.joined().contains("injected"))
            for hostile in ["/\t/evil.example", "//evil.example/", "https://evil.example/", "/\\evil.example", "/no/such/page", "/projects/../../etc",
                            "/signin?next=/x", "/projects#x"] {
                #expect(try await signIn(app, next: hostile).1 == "/leader", "\(hostile)")
            }
            #expect(try await signIn(app, next: "/projects?year=2023&colour=red").1 == "/projects?year=2023&colour=red")
            #expect(try await signIn(app, next: "/problems/\(UUID().uuidString)").1?.hasPrefix("/problems/") == true)
        }
    }

    @Test func theStageChangesOnlyThroughThePoolsAndMilestones() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == Self.unitName).first())
            let own = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).filter(\.$stage == "在建").first())
            for client in [try await app.as(.unit, unit: Self.unitName), try await app.as(.office)] {
                let (_, detail) = try await client.send(.GET, "/api/v1/projects/\(own.id!)")
                var body = try #require(detail["project"] as? [String: Any] ?? detail as [String: Any]?)
                for stage in ["谋划", "退出"] {
                    body["stage"] = stage
                    body["version"] = own.version
                    body["year"] = 2023
                    let (status, answer) = try await client.send(.PUT, "/api/v1/projects/\(own.id!)", body)
                    #expect(status == .unprocessableEntity || status == .forbidden, "\(stage) \(status)")
                    #expect(((answer["error"] as? [String: Any])?["message"] as? String)?.contains("阶段") == true)
                }
            }
            let now = try #require(try await ProjectModel.find(own.id, on: app.db))
            #expect(now.stage == "在建" && now.version == own.version)
        }
    }

    @Test func signInRefusalsTellNothingAboutWhichNamesExist() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            app.security.trustForwardedFor = true
            var answers: [String: [FormSignIn]] = [:]
            for name in ["office", "no-such-user"] {
                for i in 0...SignInThrottle.pairLimit {
                    answers[name, default: []].append(try await app.signInThroughForm(name, "wrong-\(i)-x1", address: "10.9.0.1"))
                }
            }
            let real = try #require(answers["office"]), unknown = try #require(answers["no-such-user"])
            #expect(real.map(\.status) == unknown.map(\.status))
            #expect(real.last?.status == .tooManyRequests)
            func message(_ s: FormSignIn) -> String? {
                s.body.range(of: "登录失败次数过多[^<]*", options: .regularExpression).map { String(s.body[$0]) }
                    ?? s.body.range(of: "用户名或密码错误").map { String(s.body[$0]) }
            }
            #expect(real.map(message) == unknown.map(message))
            #expect(!(real.last?.body.contains("锁定至") ?? true))
        }
    }

    @Test func oneColleaguesFailuresDoNotLockTheOfficeOut() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            app.security.trustForwardedFor = true
            for i in 0..<30 { _ = try await app.signInThroughForm("unit", "typo-\(i)-x1", address: "10.20.0.1") }
            // Colleagues behind the same address still sign in.
            #expect(try await app.signInThroughForm("leader", DemoUsers.password, address: "10.20.0.1").status == .seeOther)
            #expect(try await app.signInThroughForm("office", DemoUsers.password, address: "10.20.0.1").status == .seeOther)
            // bcrypt has threads of its own, apart from the pool the database calls run on.
            #expect(app.hashingThreads !== app.threadPool)
        }
    }

    @Test func strictTransportSecurityWhenServedOverHTTPS() async throws {
        try await TestDatabase.withApp { app in
            try await app.testing().test(.GET, "/healthz") { res in #expect(!res.headers.contains(name: "Strict-Transport-Security")) }
            app.security.secureCookies = true
            try await app.testing().test(.GET, "/healthz") { res in
                #expect(res.headers.first(name: "Strict-Transport-Security") == "max-age=31536000")
            }
        }
    }

    @Test func anAdministratorCannotGrantItselfAWorkingRole() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let admin = try await app.as(.admin).withoutCSRFHeader()
            func setRoles(_ user: String, _ roles: [String]) async throws {
                try await admin.test(.POST, "/admin/users/\(user)/roles", beforeRequest: { req in
                    req.headers.contentType = .urlEncodedForm
                    req.body = ByteBuffer(string: roles.map { "roles[]=\($0)" }.joined(separator: "&") + "&_csrf=\(admin.csrfToken)")
                }) { _ in }
            }
            // The same form changes another user's roles…
            try await setRoles("viewer", ["viewer", "leader"])
            #expect(Set(try #require(try await UserModel.query(on: app.db).filter(\.$username == "viewer").first()).roleList) == [.viewer, .leader])
            // …but not the administrator's own, and the refusal names why.
            try await setRoles(admin.username, ["admin", "office"])
            let me = try #require(try await UserModel.query(on: app.db).filter(\.$username == admin.username).first())
            #expect(me.roleList == [.admin])
            // Nor through a token: the web makes read-only tokens only.
            for role in ["office", "unit", "supervision"] {
                try await admin.test(.POST, "/admin/tokens/new", beforeRequest: { req in
                    try req.content.encode(["name": "t-\(role)", "role": role, "unit": "区住房城乡建设局", "_csrf": admin.csrfToken], as: .urlEncodedForm)
                }) { res in #expect(res.status == .badRequest, "\(role)") }
            }
            #expect(try await APITokenModel.query(on: app.db).count() == 0)
            #expect(UserDirectory.Failure.ownRoles.message.zh.contains("另一名管理员"))
        }
    }

    @Test func aProjectWithHistoryIsNotDeletedWithIt() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let reported = try #require(try await MonthlyReportModel.query(on: app.db).first())
            let p = try #require(try await ProjectModel.find(reported.$project.id, on: app.db))
            let office = try await app.as(.office)
            let (status, body) = try await office.send(.DELETE, "/api/v1/projects/\(p.id!)?version=\(p.version)")
            #expect(status == .conflict)
            #expect(((body["error"] as? [String: Any])?["message"] as? String)?.contains("月报") == true)
            #expect(try await ProjectModel.find(p.id, on: app.db) != nil)
            #expect(try await MonthlyReportModel.query(on: app.db).filter(\.$project.$id == p.id!).count() > 0)
        }
    }

    @Test func aFileWithThousandsOfFaultsAnswersWithTheFirstThousandAndTheTotal() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            var csv = "项目编号,项目名称,项目类别,项目级别,责任单位,项目阶段,总投资（万元）\n"
            for i in 0..<3_000 { csv += "BAD-\(i),名称\(i),产业,区重点,区商务局,谋划,不是数字\n" }
            let (status, body) = try await office.upload("/api/v1/ledger/import?year=2023", fileName: "bad.csv", csv)
            #expect(status == .unprocessableEntity)
            #expect((body["issues"] as? [[String: Any]])?.count == TableLimits.maxReportedIssues)
            #expect(body["issueTotal"] as? Int == 3_000)
            #expect(try await ProjectModel.query(on: app.db).filter(\.$code == "BAD-0").count() == 0)
            // A name past its bound is refused by row and column.
            let long = "项目编号,项目名称,项目类别,项目级别,责任单位,项目阶段,总投资（万元）\nL-1," + String(repeating: "名", count: 2_001) + ",产业,区重点,区商务局,谋划,100\n"
            let (refused, answer) = try await office.upload("/api/v1/ledger/import?year=2023", fileName: "long.csv", long)
            #expect(refused == .unprocessableEntity)
            let first = try #require((answer["issues"] as? [[String: Any]])?.first)
            #expect(first["row"] as? Int == 2 && first["column"] as? String == "项目名称")
        }
    }

    @Test func aFormulaPlantedInANameLeavesTheExportAsText() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == Self.unitName).first())
            let own = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).sort(\.$code).first())
            own.name = "=HYPERLINK(\"http://evil.example\",\"点此\")"
            try await own.update(on: app.db)
            let office = try await app.as(.office)
            try await office.test(.GET, "/api/v1/ledger/export?year=2023&format=csv") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\"'=HYPERLINK(\"\"http://evil.example"))
                #expect(!res.body.string.contains(",\"=HYPERLINK") && !res.body.string.contains(",=HYPERLINK"))
            }
        }
    }
}
