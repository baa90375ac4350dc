import BallastApp
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct PageTests {
    @Test func pagesRenderInChineseAndEnglish() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            for (path, zh, en) in [("/", "重点项目", "portfolio"), ("/projects", "项目台账", "Project ledger"),
                                   ("/ledger/import", "导入台账", "Import ledger"), ("/projects/new", "新建项目", "New project")] {
                try await app.as(.office).test(.GET, path) { res in
                    #expect(res.status == .ok, "\(path)")
                    #expect(res.body.string.contains(zh), "\(path)")
                    #expect(res.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
                }
                try await app.as(.office).test(.GET, path + "?lang=en") { res in
                    #expect(res.body.string.contains(en), "\(path) en")
                }
            }
        }
    }

    @Test func namesWithMarkupRenderAsText() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "EQ2023-0001").first())
            p.name = "<script>alert(1)</script>"
            try await p.save(on: app.db)
            try await app.as(.office).test(.GET, "/projects/\(p.id!)") { res in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("<script>alert"))
                #expect(res.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }

    @Test func theFormShowsErrorsAtTheFieldAndKeepsInput() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await app.as(.office).test(.POST, "/projects/new", beforeRequest: { req in
                try req.content.encode(["year": "2023", "code": "F-1", "name": "表单项目", "category": "生态环保", "level": "区重点",
                                        "unit": "区商务局", "stage": "在建", "totalInvestment": "abc"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("field invalid"))
                #expect(html.contains("“abc”不是有效的金额"))
                #expect(html.contains("表单项目"))
            }
            try await app.as(.office).test(.POST, "/projects/new", beforeRequest: { req in
                try req.content.encode(["year": "2023", "code": "F-1", "name": "表单项目", "category": "生态环保", "level": "区重点",
                                        "unit": "区商务局", "stage": "在建", "totalInvestment": "1,000"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await ProjectModel.query(on: app.db).filter(\.$code == "F-1").count() == 1)
        }
    }

    @Test func aStaleEditSaysWhyOnThePage() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "EQ2023-0001").first())
            try await app.as(.office).test(.POST, "/projects/\(p.id!)/edit", beforeRequest: { req in
                try req.content.encode(["year": "2023", "version": "7", "code": "EQ2023-0001", "name": "改名", "category": "生态环保",
                                        "level": "区重点", "unit": "区商务局", "stage": "在建", "totalInvestment": "1"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("记录已被他人修改"))
            }
            let stored = try #require(try await ProjectModel.find(p.id, on: app.db))
            #expect(stored.name == p.name)
        }
    }

    @Test func unknownPagesAnswer404InTheirLanguage() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await app.as(.office).test(.GET, "/projects/not-a-uuid?lang=en") { res in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("No such project"))
            }
        }
    }

    /// An empty list names the next action: a filtered list that matched nothing offers to clear
    /// the filters, keeping the year.
    @Test func anEmptyProjectListOffersTheWayOn() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let q = "没有这个项目".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
            try await app.as(.office).test(.GET, "/projects?year=2023&q=\(q)") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("没有符合条件的项目。"))
                #expect(res.body.string.contains("<a class=\"button secondary\" href=\"/projects?year=2023\">清除筛选</a>"))
            }
        }
    }

    /// An error page keeps the user's navigation and sends them home to a page they may open:
    /// the city's user, refused the ledger, is offered the roll-up, never the dashboard it cannot open either.
    @Test func anErrorPageKeepsTheNavigationAndLinksOnlyWhereTheUserMayGo() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await app.as(.regional).test(.GET, "/projects") { res in
                #expect(res.status == .forbidden)
                let body = res.body.string
                #expect(body.contains("aria-label=\"栏目\""), "navigation kept")
                #expect(body.contains("href=\"/rollup\""))
                #expect(!body.contains("href=\"/\""))
                #expect(!body.contains("href=\"/?"))
            }
            // Inside a page the user may open, a record that is not there: still the navigation, home is the 工作台.
            try await app.as(.unit).test(.GET, "/projects/00000000-0000-0000-0000-000000000000") { res in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("href=\"/work\""))
                #expect(res.body.string.contains("href=\"/reports\""))
            }
        }
    }
}

@Suite struct LanguageTests {
    @Test func aChosenLanguageStaysChosen() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            var cookie = ""
            try await app.as(.office).test(.GET, "/projects?lang=zh", beforeRequest: { req in
                req.headers.replaceOrAdd(name: .acceptLanguage, value: "en-US")
            }) { res in
                #expect(res.body.string.contains("项目台账"))
                cookie = res.headers.first(name: .setCookie) ?? ""
            }
            #expect(cookie.contains("lang=zh"))
            try await app.as(.office).test(.GET, "/", beforeRequest: { req in
                req.headers.replaceOrAdd(name: .acceptLanguage, value: "en-US")
                req.headers.cookie?["lang"] = HTTPCookies.Value(string: "zh")
            }) { res in
                #expect(res.body.string.contains("年度概览"))
            }
            try await app.as(.office).test(.GET, "/", beforeRequest: { req in
                req.headers.replaceOrAdd(name: .acceptLanguage, value: "en-US")
            }) { res in
                #expect(res.body.string.contains("Overview"))
            }
        }
    }
}

@Suite struct RolePageTests {
    @Test func pagesOfferOnlyWhatTheRoleMayDo() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "EQ2023-0001").first())
            try await app.as(.viewer).test(.GET, "/projects/\(project.id!)") { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(!html.contains("/edit\""))
                #expect(!html.contains("/delete\""))
                #expect(!html.contains("href=\"/ledger/import\""))
                #expect(!html.contains("href=\"/admin/users\""))
            }
            try await app.as(.office).test(.GET, "/projects/\(project.id!)") { res in
                let html = res.body.string
                #expect(html.contains("/projects/\(project.id!)/edit\""))
                #expect(html.contains("/projects/\(project.id!)/delete\""))
                #expect(html.contains("href=\"/ledger/import\""))
                #expect(html.contains("href=\"/audit\""))
                #expect(!html.contains("href=\"/admin/users\""))
            }
            try await app.as(.admin).test(.GET, "/") { res in
                #expect(res.body.string.contains("href=\"/admin/users\""))
                #expect(!res.body.string.contains("href=\"/ledger/import\""))
            }
        }
    }
}
