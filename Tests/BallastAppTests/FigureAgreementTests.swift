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

/// Two places that show one figure show the same number (issue 21). Pages carry the figures
/// they show in `data-figure` / `data-count` attributes, so a test reads the number the reader
/// sees, not a recount of its own.
@Suite struct FigureAgreementTests {
    /// The first whole number in the text of the first element carrying `attribute="name"`.
    static func number(_ html: String, _ attribute: String, _ name: String) -> Int? {
        guard let at = html.range(of: "\(attribute)=\"\(name)\"") else { return nil }
        let rest = html[at.upperBound...]
        guard let close = rest.firstIndex(of: ">") else { return nil }
        let text = rest[rest.index(after: close)...].prefix { $0 != "<" }
        return Int(text.drop { !$0.isNumber }.prefix { $0.isNumber })
    }

    /// Today and on past days: the list of a day holds the problems open (or overdue, or
    /// solved) on that day, by their steps then, as the cards count them.
    @Test func theProblemLedgersCardsCountTheProblemsItsListsShowOnAnyDay() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            for day in ["", "2023-03-31", "2023-05-15", "2023-06-25"] {
                let asOf = day.isEmpty ? "" : "&asOf=\(day)"
                var cards = ""
                try await office.test(.GET, "/problems?from=2023-01-01&to=2023-12-31" + asOf) { res in
                    #expect(res.status == .ok)
                    cards = res.body.string
                }
                for (status, figure) in [("open", "problems.open"), ("overdue", "problems.overdue"), ("solved", "problems.solved")] {
                    var list: Int?
                    try await office.test(.GET, "/problems?from=2023-01-01&to=2023-12-31&status=\(status)" + asOf) { res in
                        #expect(res.status == .ok)
                        list = Self.number(res.body.string, "data-count", "problems")
                    }
                    let card = try #require(Self.number(cards, "data-figure", figure), "\(day) \(figure)")
                    if status == "open" { #expect(card > 0, "\(day)") }
                    #expect(list == card, "\(day) \(status)")
                }
            }
        }
    }

    /// The value of `attribute` on the element carrying `data-figure="figure"`.
    static func attribute(_ html: String, figure: String, _ attribute: String) -> String? {
        guard let at = html.range(of: "data-figure=\"\(figure)\"") else { return nil }
        let start = html[..<at.lowerBound].lastIndex(of: "<") ?? at.lowerBound
        guard let end = html[at.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = html[start..<end]
        guard let a = tag.range(of: " \(attribute)=\"") else { return nil }
        return String(tag[a.upperBound...].prefix { $0 != "\"" })
    }

    /// The days the agreement is checked on: the end of a quarter, a week's bulletin day, the
    /// mid-year demo's today, and the year-end demo's.
    static let days: [(DemoSnapshot, String)] = [(.midYear, "2023-03-31"), (.midYear, "2023-06-25"), (.midYear, "2023-06-30"), (.yearEnd, "2023-12-31")]

    /// The dashboard page, its API, the year summary and the problem ledger show one number for
    /// each figure they share, as of each day.
    @Test(arguments: Self.days.indices)
    func theDashboardItsAPITheSummaryAndTheProblemLedgerAgree(_ i: Int) async throws {
        let (snapshot, day) = Self.days[i]
        try await TestDatabase.withApp(demo: true, demoAsOf: snapshot) { app in
            let office = try await app.as(.office)
            var dashboard: [String: Any] = [:], summary: [String: Any] = [:], page = "", problems = ""
            try await office.test(.GET, "/api/v1/dashboard?year=2023&asOf=\(day)") { res in #expect(res.status == .ok); dashboard = jsonObject(res) }
            try await office.test(.GET, "/api/v1/summary?year=2023&asOf=\(day)") { res in #expect(res.status == .ok); summary = jsonObject(res) }
            try await office.test(.GET, "/?year=2023&asOf=\(day)") { res in #expect(res.status == .ok); page = res.body.string }
            try await office.test(.GET, "/problems?from=2023-01-01&to=2023-12-31&asOf=\(day)") { res in #expect(res.status == .ok); problems = res.body.string }
            #expect(dashboard["asOf"] as? String == day && summary["asOf"] as? String == day, "\(day)")

            // Counts and yuan: the dashboard's API and page; the summary in 万元 to two places.
            let projects = try #require(dashboard["projects"] as? Int)
            #expect(projects > 0)
            #expect(summary["projects"] as? Int == projects, "\(day) projects")
            #expect(Self.attribute(page, figure: "portfolio.projects", "data-value") == "\(projects)", "\(day) projects on the page")
            for name in ["totalInvestment", "annualPlan", "completed"] {
                let yuan = try #require((dashboard[name] as? NSNumber)?.int64Value, "\(day) \(name)")
                #expect(Self.attribute(page, figure: "portfolio.\(name)", "data-value") == "\(yuan)", "\(day) \(name) on the page")
                #expect(summary[name] as? Double == Money(yuan: yuan).rounded(in: .wan, places: 2), "\(day) \(name) in the summary")
            }

            // The breakdowns by category and by zone: the dashboard counts them in one pass over a
            // category × zone grid (`DashboardQuery.groupFigures`), the summary per breakdown.
            for key in ["byCategory", "byZone"] {
                let mine = try #require(dashboard[key] as? [[String: Any]], "\(day) \(key)")
                let theirs = try #require(summary[key] as? [[String: Any]], "\(day) \(key) in the summary")
                #expect(!mine.isEmpty && mine.count == theirs.count, "\(day) \(key) groups")
                for g in mine {
                    let name = g["name"] as? String
                    let other = try #require(theirs.first { $0["name"] as? String == name }, "\(day) \(key) \(name ?? "")")
                    #expect(g["projects"] as? Int == other["projects"] as? Int, "\(day) \(key) \(name ?? "") projects")
                    for (a, b) in [("annualPlan", "annualPlan"), ("completed", "completed"), ("totalInvestment", "totalInvestment")] {
                        let yuan = try #require((g[a] as? NSNumber)?.int64Value, "\(day) \(key) \(a)")
                        #expect(other[b] as? Double == Money(yuan: yuan).rounded(in: .wan, places: 2), "\(day) \(key) \(name ?? "") \(a)")
                    }
                }
            }

            // The colours: the API, the page's chart and the summary count the same lights.
            let colours = try #require(dashboard["colours"] as? [String: Int])
            #expect(colours.values.reduce(0, +) == projects, "\(day) every project has a light")
            #expect(summary["colours"] as? [String: Int] == colours, "\(day) colours in the summary")
            for (colour, n) in colours {
                #expect(Self.attribute(page, figure: "colours", "data-\(colour)") == "\(n)", "\(day) \(colour) on the page")
            }

            // The warning board, its API and the CLI list the projects the dashboard counts.
            var board = ""
            try await office.test(.GET, "/warnings?year=2023&asOf=\(day)") { res in #expect(res.status == .ok); board = res.body.string }
            var listed: [String: Int] = [:]
            try await office.test(.GET, "/api/v1/warnings?year=2023&asOf=\(day)") { res in
                #expect(res.status == .ok)
                for w in jsonArray(res) { listed[w["colour"] as? String ?? "?", default: 0] += 1 }
            }
            let cli = try await app.run(command: ["warnings", "list", "--year", "2023", "--as-of", day, "--format", "json"])
            var listedByCLI: [String: Int] = [:]
            for w in try #require(try JSONSerialization.jsonObject(with: Data(cli.utf8)) as? [[String: Any]]) {
                listedByCLI[w["colour"] as? String ?? "?", default: 0] += 1
            }
            let cliSummary = try #require(try JSONSerialization.jsonObject(with: Data(try await app.run(command: [
                "report", "summary", "--year", "2023", "--as-of", day, "--format", "json"]).utf8)) as? [String: Any])
            #expect(cliSummary["projects"] as? Int == projects, "\(day) projects in the CLI summary")
            #expect(cliSummary["colours"] as? [String: Int] == colours, "\(day) colours in the CLI summary")
            for (colour, n) in colours {
                #expect(Self.attribute(board, figure: "colours", "data-\(colour)") == "\(n)", "\(day) \(colour) on /warnings")
                #expect(listed[colour, default: 0] == n, "\(day) \(colour) in /api/v1/warnings")
                #expect(listedByCLI[colour, default: 0] == n, "\(day) \(colour) in warnings list")
            }

            // Projects without coordinates: the dashboard's count, and the map's over every
            // project (the map counts those it is asked to show).
            #expect(dashboard["unlocated"] is Int, "\(day) the dashboard counts unlocated projects")
            try await office.test(.GET, "/api/v1/map/points?year=2023&asOf=\(day)") { res in
                #expect(res.status == .ok)
                #expect((jsonObject(res)["unlocated"] as? [Any])?.count == dashboard["unlocated"] as? Int, "\(day) unlocated on the map")
            }

            // The four pools on the day: the dashboard's and the summary's.
            let pools = try #require(dashboard["pools"] as? [[String: Any]])
            let summaryPools = try #require(summary["pools"] as? [[String: Any]])
            #expect(pools.count == 4)
            for p in pools {
                let match = summaryPools.first { $0["stage"] as? String == p["stage"] as? String }
                #expect(match?["projects"] as? Int == p["projects"] as? Int, "\(day) \(p["stage"] ?? "") pool")
            }

            // Problems still open: the dashboard, its page and the problem ledger's card.
            let open = try #require((dashboard["problems"] as? [String: Any])?["open"] as? Int)
            #expect(Self.attribute(page, figure: "problems.open", "data-value") == "\(open)", "\(day) open problems on the page")
            #expect(Self.number(problems, "data-figure", "problems.open") == open, "\(day) open problems in the ledger")
            // The dashboard's link opens the ledger on the period it counted, the whole year.
            #expect(page.contains("from=2023-01-01&amp;to=2023-12-31&amp;status=open"), "\(day) the open problems link keeps the year")
        }
    }

    /// The week-25 bulletin as drafted (its stored content, as of Sunday 25 June) heads with the
    /// year summary's figures of that day.
    @Test func theWeeklyBulletinsHeadlineIsTheSummaryOfItsDay() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (status, drafted) = try await office.send(.POST, "/api/v1/documents", ["kind": "weekly-bulletin", "period": "2023-W25"])
            #expect(status == .created)
            let content = try #require(drafted["content"] as? [String: Any])
            let asOf = try #require(content["asOf"] as? String)
            #expect(asOf == "2023-06-25")
            let headline = try #require(content["headline"] as? [String: Any])
            let (_, summary) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=\(asOf)")
            #expect(headline["projects"] as? Int == summary["projects"] as? Int)
            for (bulletin, name) in [("total", "totalInvestment"), ("plan", "annualPlan"), ("completed", "completed")] {
                let yuan = try #require((headline[bulletin] as? NSNumber)?.int64Value, "\(bulletin)")
                #expect(summary[name] as? Double == Money(yuan: yuan).rounded(in: .wan, places: 2), "\(name)")
            }
        }
    }

    /// The dashboard's ranking card and the month's 月排名, drafted and stored: each unit's total
    /// is the same number (the card shows the district's top and bottom).
    @Test func theDashboardsRankingIsTheMonthsRankingDocument() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (_, dashboard) = try await office.send(.GET, "/api/v1/dashboard?year=2023&asOf=2023-06-30")
            let ranking = try #require(dashboard["ranking"] as? [String: Any])
            let period = try #require(ranking["period"] as? String)
            let shown = (ranking["top"] as? [[String: Any]] ?? []) + (ranking["bottom"] as? [[String: Any]] ?? [])
            #expect(!shown.isEmpty)
            let (status, drafted) = try await office.send(.POST, "/api/v1/documents", ["kind": "unit-ranking", "period": period])
            #expect(status == .created || status == .ok)
            let rows = try #require((drafted["content"] as? [String: Any])?["rows"] as? [[String: Any]])
            #expect(rows.count == ranking["units"] as? Int)
            for u in shown {
                let row = try #require(rows.first { $0["unit"] as? String == u["unit"] as? String }, "\(u["unit"] ?? "")")
                let total = ((row["score"] as? [String: Any])?["total"] as? NSNumber)?.doubleValue
                #expect(total == (u["total"] as? NSNumber)?.doubleValue, "\(u["unit"] ?? "") total")
            }
        }
    }

    /// Every figure a page marks is in the catalogue, docs/FIGURES.md, under the same name.
    @Test func everyFigureThePagesMarkIsCatalogued() async throws {
        let catalogue = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/FIGURES.md").standardizedFileURL, encoding: .utf8)
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            var names: Set<String> = []
            for path in ["/", "/problems", "/notices"] {
                try await office.test(.GET, path) { res in
                    let html = res.body.string
                    var rest = html[...]
                    while let at = rest.range(of: "data-figure=\"") {
                        let name = rest[at.upperBound...].prefix { $0 != "\"" }
                        names.insert(String(name))
                        rest = rest[at.upperBound...]
                    }
                }
            }
            #expect(names.isSuperset(of: ["portfolio.projects", "colours", "problems.open"]))
            for name in names { #expect(catalogue.contains("`\(name)`"), "\(name) is not in docs/FIGURES.md") }
        }
    }

    /// A unit's user sees its own portfolio in the summary, as on its dashboard: not the district's.
    @Test func aUnitsSummaryIsItsOwnAsItsDashboardIs() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let unit = try await app.as(.unit, unit: "区商务局"), office = try await app.as(.office)
            let (_, dashboard) = try await unit.send(.GET, "/api/v1/dashboard?year=2023")
            let (_, summary) = try await unit.send(.GET, "/api/v1/summary?year=2023")
            let (_, district) = try await office.send(.GET, "/api/v1/summary?year=2023")
            let own = try #require(dashboard["projects"] as? Int)
            #expect(own > 0 && own < (district["projects"] as? Int ?? 0))
            #expect(summary["projects"] as? Int == own)
            #expect(summary["colours"] as? [String: Int] == dashboard["colours"] as? [String: Int])
            var page = ""
            try await unit.test(.GET, "/overview?year=2023") { res in #expect(res.status == .ok); page = res.body.string }
            let showsAnotherUnit = page.contains("区住房城乡建设局")
            #expect(!showsAnotherUnit, "another unit's line in a unit's overview")
        }
    }

    /// The 催办单 page counts the notices, not the rows it lists: showing only the
    /// unacknowledged ones does not change how many were issued.
    @Test func theNoticesFiguresCountTheNoticesNotTheListedRows() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            var all = "", pending = ""
            try await office.test(.GET, "/notices") { res in #expect(res.status == .ok); all = res.body.string }
            try await office.test(.GET, "/notices?pending=true") { res in #expect(res.status == .ok); pending = res.body.string }
            let issued = try await NoticeModel.query(on: app.db).count()
            let open = try await NoticeModel.query(on: app.db).filter(\.$acknowledgedOn == nil).count()
            #expect(issued > open)
            for html in [all, pending] {
                #expect(Self.number(html, "data-figure", "notices.issued") == issued)
                #expect(Self.number(html, "data-figure", "notices.open") == open)
            }
        }
    }
}
