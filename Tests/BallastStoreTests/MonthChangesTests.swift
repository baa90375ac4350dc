import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

/// The big screen's 本月变化, counted from the first of the as-of month to the day.
@Suite struct MonthChangesTests {
    @Test func countsEachProjectOnceWithinTheMonthUpToTheDay() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
            let projects = try await ProjectModel.query(on: app.db).sort(\.$code).all()
            let ids = try projects.map { try $0.requireID() }
            let districtID = try d.requireID()
            func change(_ p: Int, _ from: String?, _ to: String, _ day: String) async throws {
                let w = WarningChangeModel()
                w.districtID = districtID; w.projectID = ids[p]; w.year = 2023; w.fromColour = from; w.toColour = to
                w.onDate = try #require(CalendarDate.parse(day)); w.ruleVersion = 1
                try await w.create(on: app.db)
            }
            try await change(0, "yellow", "red", "2023-06-03")
            try await change(0, "red", "yellow", "2023-06-10")
            try await change(0, "yellow", "red", "2023-06-20")   // the same project again: once
            try await change(1, "green", "red", "2023-05-31")    // last month
            try await change(2, "red", "green", "2023-06-15")
            try await change(3, "blue", "red", "2023-06-28")     // after the day
            func stage(_ p: Int, _ from: String?, _ to: String, _ day: String) async throws {
                try await StageChangeModel(projectID: ids[p], from: from, to: to, effectiveOn: try #require(CalendarDate.parse(day)), actor: "t")
                    .create(on: app.db)
            }
            try await stage(1, "落地", "在建", "2023-06-02")
            try await stage(2, "在建", "竣工", "2023-06-25")
            try await stage(3, "落地", "在建", "2023-07-01")
            let scope = DashboardQuery.Scope(districtID: districtID, year: 2023, asOf: try #require(CalendarDate.parse("2023-06-25")),
                                             today: try #require(CalendarDate.parse("2023-06-30")), scopeUnitID: nil)
            let m = try #require(try await MonthChanges.run(scope, on: app.db))
            #expect(m.month == YearMonth(year: 2023, month: 6))
            #expect(m.turnedRed == 1)
            #expect(m.turnedGreen == 1)
            // The ledger's own 在建 on import is dated the writer's day, not June.
            #expect(m.started == 1)
            #expect(m.finished == 1)
        }
    }
}
