@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// 挂图作战 as a leader, a unit and the office use it, on the demo district (today there: 30
/// June 2023): the page shows what the API says, each mark opens the list behind it, a unit
/// sees its own, the map keeps what it cannot place, the zone upload refuses bad GeoJSON.
@Suite struct DashboardAPITests {
    func page(_ client: TestClient, _ path: String) async throws -> (HTTPStatus, String) {
        var out: (HTTPStatus, String) = (.ok, "")
        try await client.test(.GET, path) { res in out = (res.status, res.body.string) }
        return out
    }

    func total(_ client: TestClient, _ path: String) async throws -> Int? {
        try await client.send(.GET, path).1["total"] as? Int
    }

    @Test func thePageShowsTheAPIsFiguresAndEveryMarkOpensTheListBehindIt() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await app.as(.leader)
            let (status, f) = try await leader.send(.GET, "/api/v1/dashboard")
            #expect(status == .ok)
            #expect(f["projects"] as? Int == 360 && f["asOf"] as? String == "2023-06-30")
            let colours = try #require(f["colours"] as? [String: Int])
            #expect(colours.values.reduce(0, +) == 360)
            let (pageStatus, html) = try await page(leader, "/")
            #expect(pageStatus == .ok)
            // The headline as the API has it: 360 projects; the plan, in 亿元, as written on the page.
            let plan = try #require(f["annualPlan"] as? Int64)
            #expect(html.contains(">360<") && html.contains(String(format: "%.0f", Double(plan) / 1e8)))
            // Each light's slice links to the portfolio of that colour, and that list has as many projects.
            for (colour, n) in colours {
                let link = "/projects?year=2023&amp;portfolio=1&amp;colour=\(colour)"
                #expect(html.contains("href=\"\(link)\""), "no link for \(colour)")
                #expect(try await total(leader, "/api/v1/projects?year=2023&portfolio=1&colour=\(colour)&perPage=1") == n)
            }
            // Each category's bar opens that category's projects, as many as the chart counts.
            for g in try #require(f["byCategory"] as? [[String: Any]]) {
                let name = try #require(g["name"] as? String)
                let encoded = PageQuery.encode(name)
                #expect(html.contains("/projects?year=2023&amp;portfolio=1&amp;category=\(encoded)"))
                #expect(try await total(leader, "/api/v1/projects?year=2023&portfolio=1&category=\(encoded)&perPage=1") == g["projects"] as? Int)
            }
            // Charts are drawn on the server, accessible, with no script; the one script the page
            // loads is ours, for the map's zoom, which the page does without.
            #expect(html.contains("role=\"document\" aria-labelledby=\"colours-title colours-desc\"") && html.contains("<title id=\"colours-title\">"))
            #expect(html.components(separatedBy: "<script").count - 1 == 1)
            #expect(html.contains("<script src=\"/assets/map.js\" defer=\"defer\"></script>"))
            // The map is on the page, every project a dot linking to its card.
            #expect(html.components(separatedBy: "<circle class=\"dot c-").count - 1 == 360)
        }
    }

    @Test func aUnitsDashboardCountsItsOwnProjects() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let unit = try await app.as(.unit, unit: "区商务局")
            let own = try await total(unit, "/api/v1/projects?year=2023&portfolio=1&perPage=1")
            let f = try await unit.send(.GET, "/api/v1/dashboard").1
            #expect(own != nil && f["projects"] as? Int == own && own! < 360)
            let points = try await unit.send(.GET, "/api/v1/map/points").1["points"] as? [[String: Any]]
            #expect(points?.count == own)
        }
    }

    @Test func aPastDayShowsTheLightsOfThatDayAndAFutureDayIsRefused() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await app.as(.leader)
            let f = try await leader.send(.GET, "/api/v1/dashboard?asOf=2023-03-31").1
            #expect(f["asOf"] as? String == "2023-03-31" && f["month"] as? Int == 3)
            // Worked out here from the history: each portfolio project's last change by 31 March.
            let portfolio = try await PortfolioOracle.projects(year: 2023, on: CalendarDate(year: 2023, month: 3, day: 31)!, db: app.db)
            let changes = try await WarningChangeModel.query(on: app.db).filter(\.$year == 2023).filter(\.$onDate <= "2023-03-31").all()
            var last: [UUID: WarningChangeModel] = [:]
            for c in changes where portfolio.contains(c.projectID) {
                if let seen = last[c.projectID], seen.onDate >= c.onDate { continue }
                last[c.projectID] = c
            }
            var expected = ["red": 0, "yellow": 0, "blue": 0, "green": 0]
            for c in last.values { expected[c.toColour, default: 0] += 1 }
            #expect(f["colours"] as? [String: Int] == expected)
            #expect(f["colours"] as? [String: Int] != (try await leader.send(.GET, "/api/v1/dashboard").1["colours"] as? [String: Int]))
            // The drill-down keeps the day.
            let red = try await total(leader, "/api/v1/projects?year=2023&portfolio=1&colour=red&asOf=2023-03-31&perPage=1")
            #expect(red == expected["red"])
            let (status, body) = try await leader.send(.GET, "/api/v1/dashboard?asOf=2023-07-01")
            #expect(status == .badRequest && (body["error"] as? [String: Any])?["field"] as? String == "asOf")
            // The list behind it refuses the day as the dashboard does (it once read it as today).
            for path in ["/api/v1/projects?year=2023&portfolio=1&asOf=2023-07-01", "/api/v1/projects?year=2023&colour=red&asOf=2023-07-01"] {
                let (listed, listBody) = try await leader.send(.GET, path)
                #expect(listed == .badRequest && (listBody["error"] as? [String: Any])?["field"] as? String == "asOf", "\(path)")
            }
        }
    }

    @Test func aYearWithNoDataIsAnEmptyState() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await app.as(.leader)
            let (status, html) = try await page(leader, "/?year=2030&asOf=2023-06-30")
            #expect(status == .ok && html.contains("2030年暂无列入计划的项目"))
            #expect(try await leader.send(.GET, "/api/v1/dashboard?year=2030&asOf=2023-06-30").1["projects"] as? Int == 0)
        }
    }

    @Test func theMapListsProjectsWithoutCoordinatesAndFlagsThoseOutsideTheDistrict() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await app.as(.leader)
            let projects = try await ProjectModel.query(on: app.db).filter(\.$code ~~ "EQ2023-").sort(\.$code).range(0..<3).all()
            let far = projects[0], none = projects[1], long = projects[2]
            far.longitude = 120.1; far.latitude = 40.2
            none.longitude = nil; none.latitude = nil
            long.name = String(repeating: "郑州市二七区重点项目名称很长", count: 12)
            for p in projects { try await p.save(on: app.db) }
            let body = try await leader.send(.GET, "/api/v1/map/points").1
            #expect((body["outside"] as? [String])?.contains(far.id!.uuidString) == true)
            #expect((body["unlocated"] as? [String]) == [none.id!.uuidString])
            #expect((body["points"] as? [[String: Any]])?.count == 360)
            let (status, html) = try await page(leader, "/map?project=\(long.id!.uuidString)")
            #expect(status == .ok)
            #expect(html.contains("坐标在区界外，请核实（1）") && html.contains(far.name))
            #expect(html.contains("无坐标，未上图（1）") && html.contains(none.name))
            // The card of the project with the very long name, whole.
            #expect(html.contains("<h2>\(long.name)</h2>"))
            // Filters narrow the dots; a bad one is refused naming the parameter.
            let red = try await leader.send(.GET, "/api/v1/map/points?colour=red").1["points"] as? [[String: Any]]
            #expect(red?.allSatisfy { $0["colour"] as? String == "red" } == true && (red?.count ?? 0) > 0)
            let (bad, badBody) = try await leader.send(.GET, "/api/v1/map/points?colour=purple")
            #expect(bad == .badRequest && (badBody["error"] as? [String: Any])?["field"] as? String == "colour")
        }
    }

    @Test func aZoneMapIsUploadedByTheOfficeAndRefusedWithTheReasonWhenInvalid() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office), unit = try await app.as(.unit, unit: "区商务局")
            func put(_ client: TestClient, _ text: String) async throws -> (HTTPStatus, [String: Any]) {
                var out: (HTTPStatus, [String: Any]) = (.ok, [:])
                try await client.test(.PUT, "/api/v1/map/zones/2023", beforeRequest: { req in
                    req.headers.contentType = HTTPMediaType(type: "application", subType: "geo+json")
                    req.body = ByteBuffer(string: text)
                }) { res in out = (res.status, jsonObject(res)) }
                return out
            }
            let open = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"甲片区"},"geometry":{"type":"Polygon","coordinates":[[[113.5,34.6],[113.6,34.6],[113.6,34.7],[113.5,34.7]]]}}]}"#
            let (status, body) = try await put(office, open)
            let error = body["error"] as? [String: Any]
            #expect(status == .unprocessableEntity)
            #expect(error?["field"] as? String == "features[1].geometry.coordinates[1]")
            #expect((error?["message"] as? String)?.contains("没有闭合") == true)
            let closed = open.replacingOccurrences(of: "[113.5,34.7]]]", with: "[113.5,34.7],[113.5,34.6]]]")
            let (ok, saved) = try await put(office, closed)
            #expect(ok == .ok && saved["version"] as? Int == 2 && saved["features"] as? Int == 1)
            #expect(try await put(unit, closed).0 == .forbidden)
            var served = ""
            try await office.test(.GET, "/api/v1/map/zones/2023") { res in served = res.body.string }
            #expect(served == closed)
            // The map now judges "outside" against the new zone (there is no boundary): most demo dots lie outside it.
            let outside = try await office.send(.GET, "/api/v1/map/points").1["outside"] as? [String]
            #expect((outside?.count ?? 0) > 100)
        }
    }

    @Test func theBigScreenComesInTwoSizesAndRefreshesItsPanelsInPlace() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await app.as(.leader)
            let (status, html) = try await page(leader, "/screen?size=2160")
            #expect(status == .ok && html.contains("class=\"screen screen-2160\""))
            #expect(html.contains("data-refresh=\"/screen/panels?year=2023&") && html.contains("size=2160\" data-seconds=\"60\""))
            #expect(html.contains("<script src=\"/assets/screen.js\""))
            let (panelStatus, panels) = try await page(leader, "/screen/panels?year=2023&size=2160")
            #expect(panelStatus == .ok && panels.contains("数据截至 2023-06-30") && !panels.contains("<html"))
            let (bad, _) = try await page(leader, "/screen?size=720")
            #expect(bad == .badRequest)
            let (fast, fastPage) = try await page(leader, "/screen?refresh=5")
            #expect(fast == .ok && fastPage.contains("data-seconds=\"5\""))
            #expect(try await page(leader, "/screen?refresh=1").0 == .badRequest)
            var script = ""
            try await leader.test(.GET, "/assets/screen.js") { res in script = res.body.string }
            #expect(script.contains("setInterval") && script.contains("innerHTML"))
        }
    }
}
