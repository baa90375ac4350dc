@testable import BallastApp
import BallastCore
import BallastTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

/// Every route × every role, from the route table itself: a route without a policy, or without
/// a line in `expected`, fails here; so does a policy that lets the wrong role through.
@Suite struct AccessMatrixTests {
    /// Who may call each route, written out by hand from issue 3's role descriptions.
    /// "open": anyone, signed in or not; "signed-in": any role; `all`: every role of a district,
    /// i.e. all but the city's and province's roll-up role.
    static let all = "admin office leader supervision unit viewer"
    static let signedIn = "signed-in"
    static let expected: [String: String] = [
        "GET /": all, "GET /overview": all, "GET /map": all, "GET /api/v1/dashboard": all, "GET /api/v1/map/points": all,
        "GET /api/v1/map/zones/:year": all, "GET /screen": all, "GET /screen/panels": all, "GET /assets/screen.js": "open", "GET /assets/map.js": "open",
        "PUT /api/v1/map/zones/:year": "admin office", "POST /map/zones": "admin office",
        "GET /projects": all, "GET /projects/:id": all, "GET /ledger/export": all,
        "GET /projects/new": "office", "POST /projects/new": "office", "POST /projects/:id/delete": "office",
        "GET /projects/:id/edit": "office unit", "POST /projects/:id/edit": "office unit",
        "GET /ledger/import": "office", "POST /ledger/import": "office",
        "GET /imports": "office unit", "GET /imports/:batch": "office unit", "POST /imports/:batch/apply": "office unit",
        "POST /imports/:batch/cancel": "office unit", "POST /imports/:batch/undo": "office unit",
        "GET /assets/app.css": "open", "GET /assets/drafts.js": "open", "GET /assets/offline.js": "open", "GET /sw.js": "open",
        "GET /manifest.webmanifest": "open", "GET /icons/ballast-192.png": "open", "GET /icons/ballast-512.png": "open", "GET /docs/ledger-example.csv": "open", "GET /healthz": "open",
        "GET /lists": "admin office", "GET /lists/:kind": "admin office", "POST /lists/:kind/new": "admin office", "POST /district/division": "admin office",
        "POST /lists/:kind/:id/edit": "admin office", "POST /lists/:kind/:id/delete": "admin office",
        "GET /signin": "open", "POST /signin": "open",
        "POST /signout": signedIn, "GET /account/password": signedIn, "POST /account/password": signedIn, "POST /account/columns": signedIn, "GET /api/v1/me": signedIn,
        "GET /rollup": "regional", "GET /api/v1/rollup": "regional", "GET /rollup/:district": "regional", "GET /api/v1/rollup/:district": "regional", "GET /work": all, "GET /api/v1/todo": all,
        "GET /api/v1/warnings": all, "POST /api/v1/progress/import": "office", "GET /warnings": all, "GET /api/v1/warnings/changes": all, "GET /api/v1/warnings/rule": all, "PUT /api/v1/warnings/rule": "office", "POST /warnings/rule": "office", "POST /progress/import": "office",
        "GET /reports": all, "GET /api/v1/reports": all, "PUT /api/v1/projects/:id/reports/:month": "office unit",
        "POST /api/v1/reports/:report/submit": "office unit", "POST /projects/:id/reports/:month/save": "office unit",
        "POST /api/v1/reports/:report/approve": "office", "POST /api/v1/reports/:report/return": "office",
        "POST /api/v1/reports/:report/adjust": "office", "POST /reports/:report/review": "office", "POST /reports/approve": "office", "POST /reports/photo-rules": "office",
        "GET /api/v1/projects/:id/milestones": all, "GET /api/v1/projects/:id/approvals": all, "GET /api/v1/approvals/rate": all, "GET /api/v1/approvals/departments": all, "POST /projects/:id/approvals/raise": "office supervision", "GET /approvals/departments": all,
        "GET /statistics": all, "GET /api/v1/statistics": all, "GET /api/v1/projects/:id/statistics": all,
        "PUT /api/v1/projects/:id/statistics": "office unit", "POST /projects/:id/statistics": "office unit",
        "PUT /api/v1/projects/:id/statistics/counts": "office", "POST /projects/:id/statistics/counted": "office",
        "POST /api/v1/statistics/import": "office", "POST /statistics/import": "office", "GET /statistics/export": all,
        "POST /api/v1/elements/funds/import": "office unit", "POST /elements/funds/import": "office unit", "GET /elements/funds/export": all,
        "POST /api/v1/approvals/import": "office unit", "POST /approvals/import": "office unit", "GET /approvals/export": all,
        "GET /elements": all, "GET /api/v1/elements": all, "GET /api/v1/projects/:id/elements": all,
        "PUT /api/v1/projects/:id/funds": "office unit", "PUT /api/v1/projects/:id/land": "office unit",
        "POST /projects/:id/funds": "office unit", "POST /projects/:id/land": "office unit",
        "POST /api/v1/projects/:id/milestones": "office unit", "POST /api/v1/projects/:id/milestones/template": "office unit",
        "PUT /api/v1/milestones/:item": "office unit", "DELETE /api/v1/milestones/:item": "office unit",
        "POST /api/v1/projects/:id/approvals": "office unit", "POST /api/v1/projects/:id/approvals/template": "office unit", "PUT /api/v1/approvals/:item": "office unit",
        "DELETE /api/v1/approvals/:item": "office unit", "POST /projects/:id/milestones": "office unit",
        "POST /projects/:id/approvals": "office unit",
        "GET /api/v1/photos/:photo": all, "POST /api/v1/reports/:report/photos": "office unit", "DELETE /api/v1/photos/:photo": "office unit",
        "POST /reports/:report/photos": "office unit", "POST /photos/:photo/delete": "office unit",
        "GET /api/v1/supervision/warnings": all,
        "GET /enterprises": all, "GET /enterprises/:enterprise": all, "GET /api/v1/enterprises": all,
        "GET /api/v1/enterprises/duplicates": all, "GET /api/v1/enterprises/:enterprise": all,
        "POST /api/v1/enterprises": "office unit", "PUT /api/v1/enterprises/:enterprise": "office unit",
        "POST /enterprises": "office unit", "POST /enterprises/:enterprise": "office unit",
        "POST /api/v1/enterprises/:enterprise/merge": "office", "POST /enterprises/:enterprise/merge": "office",
        "GET /pipeline": all, "GET /api/v1/pipeline": all, "GET /api/v1/pipeline/cohort": all, "GET /api/v1/pipeline/breakdown": all, "POST /api/v1/projects/:id/pool": "office unit",
        "POST /projects/:id/pool": "office unit", "PUT /api/v1/pipeline/targets": "office", "POST /pipeline/targets": "office",
        "GET /campaign": all, "GET /campaign/:period": all, "GET /api/v1/campaign": all, "GET /api/v1/campaign/periods/:period": all,
        "PUT /api/v1/campaign/entries/:entry": "office unit", "POST /campaign/entries/:entry": "office unit",
        "POST /api/v1/campaign/periods": "office", "POST /api/v1/campaign/periods/:period/entries": "office",
        "DELETE /api/v1/campaign/entries/:entry": "office", "POST /api/v1/campaign/import": "office", "POST /campaign/periods": "office",
        "POST /campaign/:period/entries": "office", "POST /campaign/import": "office",
        "GET /leads": all, "GET /leads/:lead": all, "GET /api/v1/leads": all, "GET /api/v1/leads/:lead": all, "GET /api/v1/promotion": all,
        "GET /api/v1/trips": all, "POST /api/v1/leads": "office unit", "PUT /api/v1/leads/:lead": "office unit",
        "POST /api/v1/leads/:lead/status": "office unit", "POST /api/v1/leads/:lead/contacts": "office unit", "POST /api/v1/leads/import": "office unit",
        "POST /leads": "office unit", "POST /leads/:lead": "office unit", "POST /leads/:lead/status": "office unit",
        "POST /leads/:lead/contacts": "office unit", "POST /leads/import": "office unit", "POST /api/v1/trips": "office", "POST /trips": "office",
        "GET /problems": all, "GET /problems/:problem": all, "GET /api/v1/problems": all, "GET /api/v1/problems/figures": all,
        "GET /api/v1/problems/overdue": all, "GET /api/v1/problems/:problem": all,
        "POST /api/v1/problems": "office supervision unit", "POST /api/v1/problems/:problem/steps": "office supervision unit",
        "POST /problems": "office supervision unit", "POST /problems/:problem/steps": "office supervision unit",
        "GET /plan-changes": all, "GET /api/v1/plan-changes": all, "POST /api/v1/plan-changes": "office",
        "POST /plan-changes": "office", "POST /plan-changes/preview": "office",
        "GET /instructions": all, "GET /api/v1/instructions": all, "GET /api/v1/instructions/figures": all, "GET /api/v1/instructions/:problem": all,
        "GET /inspections": all, "GET /inspections/:inspection": all, "GET /inspections/:inspection/score/:project": all,
        "POST /inspections/:inspection/score/:project": all, "GET /api/v1/inspections": all, "GET /api/v1/inspections/:inspection": all,
        "POST /api/v1/inspections/:inspection/scores": all, "GET /api/v1/inspection-sheet": all,
        "GET /inspections/new": "office", "POST /inspections": "office", "POST /inspections/:inspection/close": "office",
        "GET /inspection-sheet": "office", "POST /inspection-sheet": "office", "GET /api/v1/inspections/suggestions": "office",
        "POST /api/v1/inspections": "office", "POST /api/v1/inspections/:inspection/close": "office", "PUT /api/v1/inspection-sheet": "office",
        "GET /leader": "leader", "GET /api/v1/leader": "leader", "GET /instructions/new": "leader",
        "POST /api/v1/instructions": "leader", "POST /instructions": "leader",
        "POST /api/v1/instructions/:problem/steps": "office leader supervision unit", "POST /instructions/:problem/steps": "office leader supervision unit",
        "GET /meetings": all, "GET /meetings/latest": all, "GET /meetings/:meeting": all, "GET /meetings/:meeting/minutes/docx": all, "GET /meetings/:meeting/minutes/pdf": all, "GET /api/v1/meetings": all,
        "GET /api/v1/meetings/latest": all, "GET /api/v1/meetings/:meeting": all, "GET /meetings/:meeting/packet": "office supervision",
        "POST /api/v1/meetings": "office supervision", "POST /api/v1/meetings/:meeting/items": "office supervision",
        "DELETE /api/v1/meetings/:meeting/items/:problem": "office supervision", "PUT /api/v1/meetings/:meeting/minutes": "office supervision",
        "POST /api/v1/meetings/:meeting/decisions": "office supervision", "POST /meetings": "office supervision",
        "POST /meetings/:meeting/items": "office supervision", "POST /meetings/:meeting/items/:problem/delete": "office supervision",
        "POST /meetings/:meeting/minutes": "office supervision", "POST /meetings/:meeting/decisions": "office supervision",
        "GET /notices": all, "GET /notices/:notice": all, "GET /notices/:notice/docx": all, "GET /notices/:notice/pdf": all, "GET /api/v1/notices": all,
        "GET /api/v1/notices/:notice": all, "POST /api/v1/notices/:notice/acknowledge": "office supervision unit",
        "POST /notices/:notice/acknowledge": "office supervision unit", "POST /api/v1/notices": "office supervision",
        "POST /api/v1/notices/generate": "office supervision", "POST /notices": "office supervision", "POST /notices/generate": "office supervision",
        "GET /inbox": signedIn, "POST /inbox/read": signedIn, "POST /inbox/:message/read": signedIn, "GET /api/v1/inbox": signedIn,
        "POST /api/v1/inbox/read": signedIn, "POST /api/v1/inbox/:message/read": signedIn,
        "GET /admin/webhooks": "admin", "POST /admin/webhooks": "admin", "POST /admin/webhooks/:hook/test": "admin",
        "POST /admin/webhooks/:hook/enabled": "admin", "GET /api/v1/webhooks": "admin", "POST /api/v1/webhooks": "admin",
        "POST /api/v1/webhooks/:hook/test": "admin", "PUT /api/v1/webhooks/:hook/enabled": "admin", "GET /api/v1/webhooks/:hook/deliveries": "admin",
        "GET /service": all, "GET /api/v1/service": all, "GET /api/v1/enterprises/:enterprise/visits": all,
        "POST /api/v1/enterprises/:enterprise/visits": "office supervision unit", "POST /enterprises/:enterprise/visits": "office supervision unit",
        "GET /api/v1/photo-rules": all, "PUT /api/v1/photo-rules": "office", "GET /api/v1/district/settings": all, "PUT /api/v1/district/settings": "admin office",
        "GET /api/v1/supervision/settings": all, "PUT /api/v1/supervision/settings": "office supervision", "POST /problems/settings": "office supervision",
        "GET /bulletins": all, "GET /bulletins/:doc": all, "GET /bulletins/:doc/docx": all, "GET /bulletins/:doc/pdf": all, "GET /api/v1/bulletins": all,
        "GET /api/v1/bulletins/:doc": all, "POST /api/v1/bulletins": "office supervision", "POST /api/v1/bulletins/:doc/issue": "office supervision",
        "POST /bulletins": "office supervision", "POST /bulletins/:doc/issue": "office supervision",
        "GET /documents": all, "GET /documents/:doc": all, "GET /documents/:doc/docx": all, "GET /documents/:doc/xlsx": all, "GET /documents/:doc/pdf": all, "GET /documents/style": "office", "POST /documents/style": "office",
        "GET /api/v1/documents": all, "GET /api/v1/documents/:doc": all, "POST /documents": "office", "POST /documents/:doc/issue": "office",
        "POST /api/v1/documents": "office", "POST /api/v1/documents/:doc/issue": "office",
        "GET /scoring": all, "GET /api/v1/scoring-schemes/:year": all, "GET /api/v1/score-adjustments": all,
        "PUT /api/v1/scoring-schemes/:year": "office", "POST /api/v1/score-adjustments": "office", "POST /scoring": "office",
        "POST /scoring/adjustments": "office",
        "GET /api/v1/problems/:problem/attachments/:attachment": all, "POST /api/v1/problems/:problem/attachments": "office supervision unit",
        "POST /problems/:problem/attachments": "office supervision unit",
        "GET /admin/users": "admin", "POST /admin/users/new": "admin", "POST /admin/users/:username/roles": "admin",
        "POST /admin/users/:username/reset": "admin", "POST /admin/users/:username/disable": "admin",
        "POST /admin/users/:username/enable": "admin", "GET /admin/tokens": "admin", "POST /admin/tokens/new": "admin",
        "POST /admin/tokens/:id/revoke": "admin",
        "GET /audit": "admin office", "GET /audit/export": "admin office", "GET /api/v1/audit": "admin office",
        "GET /api/v1/projects": all, "GET /api/v1/projects/:id": all, "GET /api/v1/ledger/export": all, "GET /api/v1/summary": all,
        "POST /api/v1/projects": "office", "DELETE /api/v1/projects/:id": "office", "PUT /api/v1/projects/:id": "office unit",
        "POST /api/v1/ledger/import": "office", "GET /api/v1/openapi.json": "open",
        "GET /api/v1/lists/:kind": all, "POST /api/v1/lists/:kind": "admin office",
        "PUT /api/v1/lists/:kind/:id": "admin office", "DELETE /api/v1/lists/:kind/:id": "admin office",
    ]

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    static func allows(_ rule: String, _ role: Role?) -> Bool {
        if rule == "open" { return true }
        guard let role else { return false }
        return rule == signedIn || rule.split(separator: " ").contains { $0 == role.rawValue }
    }

    /// A concrete URL for a route pattern: parameters get values that exist in no table.
    static func url(_ route: Route) -> String {
        let parts = route.path.map { c -> String in
            switch c.description {
            case ":id": UUID().uuidString
            case ":kind": "unit"
            case ":username": "nobody"
            case ":month": "2023-06"
            case ":report": UUID().uuidString
            default: c.description
            }
        }
        return "/" + parts.joined(separator: "/") + (route.method == .GET ? "?year=2023" : "")
    }

    /// Whether a response is `AccessMiddleware` refusing: 401/403 from the API, a sign-in
    /// redirect or 403 from a page.
    static func refused(_ res: TestingHTTPResponse, api: Bool) -> Bool {
        if res.status == .forbidden { return true }
        if api { return res.status == .unauthorized }
        return res.status == .seeOther && (res.headers.first(name: .location)?.hasPrefix("/signin?next=") ?? false)
    }

    @Test func everyRouteHasAPolicyAndAnExpectation() async throws {
        try await TestDatabase.withApp { app in
            let routes = app.routes.all
            #expect(routes.count >= expectedCount)
            for route in routes {
                #expect(route.accessPolicy != nil, "\(Self.key(route)) has no access policy")
                #expect(Self.expected[Self.key(route)] != nil, "\(Self.key(route)) has no line in the expected matrix")
            }
            let registered = Set(routes.map(Self.key))
            for key in Self.expected.keys { #expect(registered.contains(key), "\(key) is expected but not registered") }
        }
    }

    var expectedCount: Int { Self.expected.count }

    @Test func everyRoleGetsExactlyWhatTheMatrixSays() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            for route in app.routes.all {
                let key = Self.key(route)
                guard let rule = Self.expected[key] else { continue }
                let api = key.contains(" /api/")
                for role in [Role?.none] + Role.allCases.map(Optional.some) {
                    let url = Self.url(route)
                    let check: (TestingHTTPResponse) throws -> Void = { res in
                        let allowed = Self.allows(rule, role)
                        let who = role?.rawValue ?? "signed-out"
                        #expect(Self.refused(res, api: api) == !allowed, "\(key) as \(who): \(res.status)")
                        if !allowed && api {
                            let code = (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
                                .flatMap { $0["error"] as? [String: Any] }?["code"] as? String
                            #expect(code == (role == nil ? "sign_in_required" : "forbidden"), "\(key) as \(who)")
                        }
                    }
                    let body: (inout TestingHTTPRequest) throws -> Void = { req in
                        if key == "POST /signin" {
                            req.headers.cookie = HTTPCookies(dictionaryLiteral: (AccountController.signInCookie, .init(string: "m")))
                            try req.content.encode(["_csrf": "m", "username": "nobody", "password": "wrong-password-1"], as: .urlEncodedForm)
                        }
                    }
                    if let role {
                        let client = try await app.as(role, unit: role == .unit ? "区住房城乡建设局" : nil)
                        try await client.test(route.method, url, beforeRequest: { try body(&$0) }, afterResponse: check)
                    } else {
                        try await app.testing().test(route.method, url, beforeRequest: { try body(&$0) }, afterResponse: check)
                    }
                }
            }
        }
    }
}
