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

@Suite struct SessionTests {
    @Test func demoUsersExistOnlyInDemoMode() async throws {
        try await TestDatabase.withApp { (app: Application) async throws in
            #expect(try await UserModel.query(on: app.db).count() == 0)
            #expect(try await app.signInThroughForm("office", DemoUsers.password).status == .unauthorized)
        }
        try await TestDatabase.withApp(demo: true) { app in
            let users = try await UserModel.query(on: app.db).all()
            #expect(Set(users.map(\.username)) == ["admin", "office", "leader", "supervision", "unit", "viewer", "city"])
            #expect(users.allSatisfy { $0.passwordHash.hasPrefix("$2") && $0.passwordHash != DemoUsers.password })
            let signIn = try await app.signInThroughForm("office", DemoUsers.password)
            #expect(signIn.status == .seeOther)
            #expect(signIn.location == "/projects")
        }
    }

    @Test func sessionCookieIsHttpOnlyAndSameSiteAndSecureInProduction() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            app.security.secureCookies = true
            try await app.testing().test(.POST, "/signin", beforeRequest: { req in
                req.headers.cookie = HTTPCookies(dictionaryLiteral: (AccountController.signInCookie, .init(string: "p")))
                try req.content.encode(["_csrf": "p", "username": "viewer", "password": DemoUsers.password], as: .urlEncodedForm)
            }) { res in
                let header = try #require(res.headers[.setCookie].first { $0.hasPrefix(SessionStore.cookieName + "=") })
                #expect(header.contains("HttpOnly"))
                #expect(header.contains("Secure"))
                #expect(header.lowercased().contains("samesite=lax"))
                // The cookie holds a secret the database knows only as a hash.
                let token = try #require(res.headers.setCookie?[SessionStore.cookieName]?.string)
                #expect(try await SessionModel.query(on: app.db).filter(\.$tokenHash == token).count() == 0)
                #expect(try await SessionModel.query(on: app.db).filter(\.$tokenHash == SecretToken.hash(token)).count() == 1)
            }
        }
    }

    @Test func signedOutVisitorsAreSentToSignInAndBack() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await app.testing().test(.GET, "/projects?year=2023") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/signin?next=/projects?year%3D2023")
            }
            try await app.testing().test(.GET, "/api/v1/projects") { res in
                #expect(res.status == .unauthorized)
                #expect(errorCode(res) == "sign_in_required")
            }
            // The form only ever sends people back into this site.
            #expect(NextTarget.safe("https://evil.example/", routes: app.routes) == "/")
            #expect(NextTarget.safe("//evil.example/", routes: app.routes) == "/")
            #expect(NextTarget.safe("/projects?year=2023", routes: app.routes) == "/projects?year=2023")
        }
    }

    @Test func aSessionReplayedAfterSignOutIsRefused() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let signIn = try await app.signInThroughForm("leader", DemoUsers.password)
            let token = try #require(signIn.session)
            try await app.withSession(token, .GET, "/api/v1/me") { res in
                #expect(res.status == .ok)
                #expect(jsonObject(res)["username"] as? String == "leader")
            }
            let csrf = try await app.csrf(ofSession: token)
            try await app.withSession(token, .POST, "/signout", csrf: csrf) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.setCookie?[SessionStore.cookieName]?.string == "")
            }
            try await app.withSession(token, .GET, "/api/v1/me") { res in
                #expect(res.status == .unauthorized)
                #expect(errorCode(res) == "session_expired")
            }
            try await app.withSession(token, .GET, "/") { res in
                #expect(res.headers.first(name: .location)?.hasPrefix("/signin?next=") == true)
            }
            let actions = try await AuditEntryModel.query(on: app.db).filter(\.$actor == "leader").all().map(\.action)
            #expect(actions.contains("sign-in") && actions.contains("sign-out"))
        }
    }

    @Test func idleAndOldSessionsExpire() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let idle = try #require(try await app.signInThroughForm("viewer", DemoUsers.password).session)
            let old = try #require(try await app.signInThroughForm("viewer", DemoUsers.password).session)
            let now = Date()
            try await SessionModel.query(on: app.db).filter(\.$tokenHash == SecretToken.hash(idle))
                .set(\.$lastSeenAt, to: now.addingTimeInterval(-SessionLifetime.idleSeconds - 1)).update()
            try await SessionModel.query(on: app.db).filter(\.$tokenHash == SecretToken.hash(old))
                .set(\.$createdAt, to: now.addingTimeInterval(-SessionLifetime.absoluteSeconds - 1)).update()
            for token in [idle, old] {
                try await app.withSession(token, .GET, "/api/v1/me") { res in
                    #expect(res.status == .unauthorized)
                    #expect(errorCode(res) == "session_expired")
                }
            }
            #expect(try await SessionModel.query(on: app.db).count() == 0)
        }
    }

    @Test func anAdminResetForcesAPasswordChangeAndEndsSessions() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let before = try #require(try await app.signInThroughForm("supervision", DemoUsers.password).session)
            let admin = try await app.as(.admin)
            var temporary = ""
            try await admin.test(.POST, "/admin/users/supervision/reset") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                let start = try #require(html.range(of: "<div class=\"secret\">"))
                temporary = String(html[start.upperBound...].prefix { $0 != "<" })
            }
            #expect(temporary.count == 16)
            try await app.withSession(before, .GET, "/api/v1/me") { res in #expect(res.status == .unauthorized) }
            #expect(try await app.signInThroughForm("supervision", DemoUsers.password).status == .unauthorized)
            let signIn = try await app.signInThroughForm("supervision", temporary)
            #expect(signIn.location == "/account/password")
            let token = try #require(signIn.session)
            try await app.withSession(token, .GET, "/projects") { res in
                #expect(res.headers.first(name: .location) == "/account/password")
            }
            try await app.withSession(token, .GET, "/api/v1/projects") { res in
                #expect(res.status == .forbidden)
                #expect(errorCode(res) == "password_change_required")
            }
            let csrf = try await app.csrf(ofSession: token)
            for (new, confirm, status) in [("Short1", "Short1", HTTPStatus.unprocessableEntity),
                                           ("Ducha2023-new", "Ducha2023-other", .unprocessableEntity),
                                           ("Ducha2023-new", "Ducha2023-new", .seeOther)] {
                try await app.testing().test(.POST, "/account/password", beforeRequest: { req in
                    req.headers.cookie = HTTPCookies(dictionaryLiteral: (SessionStore.cookieName, .init(string: token)))
                    try req.content.encode(["_csrf": csrf, "current": temporary, "new": new, "confirm": confirm], as: .urlEncodedForm)
                }) { res in #expect(res.status == status, "\(new)/\(confirm)") }
            }
            try await app.withSession(token, .GET, "/api/v1/projects") { res in #expect(res.status == .ok) }
            #expect(try await app.signInThroughForm("supervision", "Ducha2023-new").status == .seeOther)
        }
    }

    @Test func disablingAUserEndsTheirSessionsAndSignIns() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let token = try #require(try await app.signInThroughForm("viewer", DemoUsers.password).session)
            try await app.as(.admin).test(.POST, "/admin/users/viewer/disable") { res in #expect(res.status == .ok) }
            try await app.withSession(token, .GET, "/api/v1/me") { res in #expect(res.status == .unauthorized) }
            let again = try await app.signInThroughForm("viewer", DemoUsers.password)
            #expect(again.status == .unauthorized)
            #expect(again.body.contains("用户名或密码错误"))
        }
    }
}
