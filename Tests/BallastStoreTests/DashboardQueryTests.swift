import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

/// The dashboard's figures and the map's points on the cadence ledger (`CadenceTests.loaded`),
/// every figure worked out by hand from that ledger — on SQLite and on PostgreSQL.
///
/// The portfolio (projects with an annual plan): A1 (产业转型发展, 甲区, 商务局, 1 000 万, plan
/// 100), A2 (产业转型发展, 乙区, 商务局, 2 000, 300), A3 (新型城镇化, no zone, 住建局, 5 000, 600),
/// P2 (产业转型发展, 甲区, 商务局, 40, 10), S1 (新型城镇化, 甲区, 建中街街道, 900, 200). Approved:
/// A2 100 万 in March, A1 30 and A3 150 in May.
@Suite struct DashboardQueryTests {
    static func scope(_ d: DistrictModel, asOf: CalendarDate, today: CalendarDate, unit: UUID? = nil) -> DashboardQuery.Scope {
        DashboardQuery.Scope(districtID: d.id!, year: 2023, asOf: asOf, today: today, scopeUnitID: unit)
    }

    @Test func theDistrictsFiguresAreCountedInTheDatabase() async throws {
        try await StoreDatabase.with { app in
            let d = try await CadenceTests.loaded(app)
            let may31 = CadenceTests.day(5, 31)
            let f = try await DashboardQuery.run(Self.scope(d, asOf: may31, today: CadenceTests.day(6, 30)), on: app.db)
            #expect(f.projects == 5)
            #expect(f.totalInvestment == 8_940 * 10_000)
            #expect(f.annualPlan == 1_210 * 10_000)
            #expect(f.completed == 280 * 10_000)
            #expect(f.month == 5 && abs(f.timeProgress - 5.0 / 12) < 1e-9)
            #expect(abs((f.completionRate ?? 0) - 280.0 / 1_210) < 1e-9)
            // March 100, May 30 + 150; nothing after the as-of month.
            let monthlyWan: [Int64] = [0, 0, 100, 0, 180, 0, 0, 0, 0, 0, 0, 0]
            #expect(f.monthly == monthlyWan.map { $0 * 10_000 })
            // By 31 May: A1 turned green that day, A2 yellow since April, S1 red that day; A3 not yet judged.
            #expect(f.colours == ["red": 1, "yellow": 1, "blue": 0, "green": 1])
            let categories = Dictionary(uniqueKeysWithValues: f.byCategory.map { ($0.name, $0) })
            let wan: Int64 = 10_000
            let industry = DashboardFigures.Group(name: "产业转型发展", projects: 3, totalInvestment: 3_040 * wan, annualPlan: 410 * wan, completed: 130 * wan)
            let urban = DashboardFigures.Group(name: "新型城镇化", projects: 2, totalInvestment: 5_900 * wan, annualPlan: 800 * wan, completed: 150 * wan)
            #expect(categories["产业转型发展"] == industry)
            #expect(categories["新型城镇化"] == urban)
            let zones = Dictionary(uniqueKeysWithValues: f.byZone.map { ($0.name, $0.projects) })
            #expect(zones == ["甲区": 3, "乙区": 1, SummaryQuery.unassigned: 1])
            // No plan for 2022: no year-over-year line.
            #expect(f.lastYear == nil)
            // No coordinates anywhere in the fixture.
            #expect(f.unlocated == 5)
            // April is the last month ended by 31 May: its ranking, worked out (none issued).
            #expect(f.ranking?.period == "2023-04")
            #expect(f.ranking?.source == "计算")
            #expect(f.ranking?.units == 3)
            #expect(f.ranking.map { $0.top.count + $0.bottom.count } == 2)
        }
    }

    @Test func problemsAreTheYearsAsOfToday() async throws {
        try await StoreDatabase.with { app in
            let d = try await CadenceTests.loaded(app)
            // The fixture marks its problems in plain words; the supervision loop's statuses are these.
            try await (app.db as! any SQLDatabase).raw("UPDATE problems SET status = CASE WHEN resolved_on IS NULL THEN \(bind: ProblemStatus.assigned.rawValue) ELSE \(bind: ProblemStatus.resolved.rawValue) END").run()
            let today = CadenceTests.day(5, 31)
            let f = try await DashboardQuery.run(Self.scope(d, asOf: today, today: today), on: app.db)
            // Four raised on 1 March; solved 9 May (on time) and 25 May (late); 住建局's, due 1 April, overdue.
            #expect(f.problems == .init(raised: 4, solved: 2, onTime: 1, open: 2, overdue: 1, resolutionRate: 0.5))
            // The fixture's year was never judged (no stored states, no history): the dashboard
            // judges the day rather than show no colours, one for each of the 3 planned projects.
            #expect(f.colours.values.reduce(0, +) == 3)
        }
    }

    @Test func aUnitsDashboardCountsOnlyItsProjects() async throws {
        try await StoreDatabase.with { app in
            let d = try await CadenceTests.loaded(app)
            let commerce = try await ProblemTests.unit("区商务局", d, on: app.db)
            let f = try await DashboardQuery.run(Self.scope(d, asOf: CadenceTests.day(5, 31), today: CadenceTests.day(6, 30), unit: commerce), on: app.db)
            #expect(f.projects == 3)
            #expect(f.annualPlan == 410 * 10_000)
            #expect(f.completed == 130 * 10_000)
            #expect(f.colours == ["red": 0, "yellow": 1, "blue": 0, "green": 1])
            #expect(f.byCategory.map(\.name) == ["产业转型发展"])
        }
    }

    @Test func aYearWithNoPlanIsEmptyNotAnError() async throws {
        try await StoreDatabase.with { app in
            let d = try await CadenceTests.loaded(app)
            let scope = DashboardQuery.Scope(districtID: d.id!, year: 2030, asOf: CadenceTests.day(6, 30), today: CadenceTests.day(6, 30), scopeUnitID: nil)
            let f = try await DashboardQuery.run(scope, on: app.db)
            #expect(f.isEmpty)
            #expect(f.completed == 0 && f.byCategory.isEmpty && f.ranking == nil)
        }
    }

    @Test func mapPointsFollowTheFiltersAndKeepProjectsWithoutCoordinates() async throws {
        try await StoreDatabase.with { app in
            let d = try await CadenceTests.loaded(app)
            let scope = Self.scope(d, asOf: CadenceTests.day(5, 31), today: CadenceTests.day(6, 30))
            let all = try await MapPointsQuery.run(scope, filter: .init(), on: app.db)
            #expect(Set(all.map(\.code)) == ["A1", "A2", "A3", "P2", "S1"])
            #expect(all.allSatisfy { $0.lng == nil && $0.lat == nil })
            // Largest first.
            #expect(all.first?.code == "A3")
            #expect(try await MapPointsQuery.run(scope, filter: .init(colour: .red), on: app.db).map(\.code) == ["S1"])
            #expect(try await MapPointsQuery.run(scope, filter: .init(zone: SummaryQuery.unassigned), on: app.db).map(\.code) == ["A3"])
            #expect(try await MapPointsQuery.run(scope, filter: .init(category: "新型城镇化"), on: app.db).map(\.code) == ["A3", "S1"])
            #expect(try await MapPointsQuery.run(scope, filter: .init(stage: .landed), on: app.db).map(\.code) == ["P2"])
            #expect(all.first { $0.code == "A1" }?.colour == "green")
        }
    }

    @Test func theProjectListFiltersByColourOnADayLikeTheDashboard() async throws {
        try await StoreDatabase.with { app in
            let d = try await CadenceTests.loaded(app)
            var filter = ProjectFilter()
            filter.year = 2023
            filter.portfolioOnly = true
            #expect(try await ProjectListQuery.run(districtID: d.id!, filter: filter, on: app.db).total == 5)
            filter.colour = ColourFilter(colour: .red, day: CadenceTests.day(5, 31), today: CadenceTests.day(6, 30))
            #expect(try await ProjectListQuery.run(districtID: d.id!, filter: filter, on: app.db).items.map(\.code) == ["S1"])
            filter.colour = ColourFilter(colour: .red, day: CadenceTests.day(6, 30), today: CadenceTests.day(7, 1))
            #expect(try await ProjectListQuery.run(districtID: d.id!, filter: filter, on: app.db).items.map(\.code) == ["A3", "S1"])
        }
    }

    @Test func aZoneMapIsStoredAsVersionsAndRefusedWithItsReasonWhenInvalid() async throws {
        try await StoreDatabase.with { app in
            let d = try await CadenceTests.loaded(app)
            let actor = ChangeActor(name: "tester")
            let square = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"甲区"},"geometry":{"type":"Polygon","coordinates":[[[113,34],[114,34],[114,35],[113,35],[113,34]]]}}]}"#
            let v1 = try await MapLayers.upload(districtID: d.id!, year: 2023, geojson: Data(square.utf8), actor: actor, on: app.db)
            let v2 = try await MapLayers.upload(districtID: d.id!, year: 2023, geojson: Data(square.utf8), actor: actor, on: app.db)
            #expect(v1.version == 1 && v2.version == 2)
            // A later year with no map of its own draws the nearest earlier one.
            #expect(try await MapLayers.current(districtID: d.id!, year: 2024, on: app.db)?.version == 2)
            #expect(try await MapLayers.current(districtID: d.id!, year: 2022, on: app.db) == nil)
            let open = square.replacingOccurrences(of: "[113,35],[113,34]]", with: "[113,35],[113,34.5]]")
            await #expect(throws: ProjectItemContext.Failure.self) {
                try await MapLayers.upload(districtID: d.id!, year: 2023, geojson: Data(open.utf8), actor: actor, on: app.db)
            }
            // Refused whole: still version 2.
            #expect(try await MapLayers.current(districtID: d.id!, year: 2023, on: app.db)?.version == 2)
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$entity == "map_layer").count()
            #expect(audit == 2)
        }
    }
}
